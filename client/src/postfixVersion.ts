// The target Postfix release in the status bar (mailconf.postfixVersion). The language server
// resolves `auto` and announces the target (mailconf/postfixTarget); a click offers auto, each
// release, and reading mail_version from an SSH server (once per session: the answer is kept and
// sent as detectedPostfixVersion, the first thing `auto` looks at).
import * as vscode from 'vscode';
import { l10n } from './l10n';
import type { LanguageClient } from 'vscode-languageclient/node';

export const CHOOSE_POSTFIX_VERSION = 'mailconf.choosePostfixVersion';
/** Registered by the remote module: runs `postconf -h mail_version` on a server picked by the user. */
export const REMOTE_MAIL_VERSION = 'mailconf.remote.mailVersion';
const RELEASES = ['3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11'];

const setting = () => vscode.workspace.getConfiguration('mailconf').get<string>('postfixVersion', 'auto');

/** What initializationOptions carry, so the first check already has the target. */
export function postfixVersionOptions(detected?: string): { postfixVersion: string; detectedPostfixVersion?: string } {
  return { postfixVersion: setting(), ...(detected ? { detectedPostfixVersion: detected } : {}) };
}

export function registerPostfixVersion(context: vscode.ExtensionContext, client: LanguageClient, session: { detected?: string }): void {
  const item = vscode.window.createStatusBarItem('mailconf.postfixVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = l10n.t('Postfix release');
  item.command = CHOOSE_POSTFIX_VERSION;
  const show = (target: string, chosen: string) => {
    item.text = `$(server) Postfix ${target}`;
    item.tooltip = chosen === 'auto' ? l10n.t('Checks follow Postfix {0} (auto). Click to choose the release.', target) : l10n.t('Checks follow Postfix {0}. Click to choose the release.', target);
    item.show();
  };
  const send = () => client.sendNotification('workspace/didChangeConfiguration', { settings: { mailconf: postfixVersionOptions(session.detected) } });

  context.subscriptions.push(
    item,
    client.onNotification('mailconf/postfixTarget', (p: { target: string; setting: string }) => show(p.target, p.setting)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mailconf.postfixVersion')) void send();
    }),
    vscode.commands.registerCommand(CHOOSE_POSTFIX_VERSION, async () => {
      const fromServer = l10n.t('Read mail_version from an SSH server…');
      const picks: vscode.QuickPickItem[] = [
        { label: 'auto', description: l10n.t('SSH server, else the local postconf, else the newest release') },
        ...RELEASES.map((r) => ({ label: r })),
        { label: fromServer },
      ];
      const picked = await vscode.window.showQuickPick(picks, { placeHolder: l10n.t('Postfix release to check against (now: {0})', setting()) });
      if (!picked) return;
      if (picked.label === fromServer) {
        const version = await vscode.commands.executeCommand<string | undefined>(REMOTE_MAIL_VERSION);
        if (!version) return;
        session.detected = version;
        await send();
        if (setting() !== 'auto') await vscode.workspace.getConfiguration('mailconf').update('postfixVersion', 'auto', vscode.ConfigurationTarget.Global);
        return;
      }
      await vscode.workspace.getConfiguration('mailconf').update('postfixVersion', picked.label, vscode.ConfigurationTarget.Global);
    }),
  );
}

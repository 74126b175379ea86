// DNS zone commands and settings in VS Code. The work is done by the server's commands
// (mailconf.lsp.zone.bumpSerial, mailconf.lsp.zone.generatePtr), which answer with a WorkspaceEdit;
// this file picks the files, applies the edit (so Undo works) and passes the mailconf.zone.*
// settings (origins per file, inlay hints) on to the server.
import * as vscode from 'vscode';
import { l10n } from './l10n';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ReverseZonePlan } from '../../server/src/zone/reverseZone';

export const ZONE_COMMANDS = {
  bumpSerial: 'mailconf.zone.bumpSerial',
  generatePtr: 'mailconf.zone.generatePtr',
} as const;

const ZONE_LANGUAGE = 'dns-zone';
/** Where forward zones usually live; reverse zones (…arpa…) are left out by name. */
const ZONE_FILES = '**/{*.zone,db.*}';

const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

/** What the server reads: the `mailconf.zone` section without the client-only on-save switch. */
function zoneSettings(): { origins: Record<string, string>; inlayHints: boolean } {
  const c = vscode.workspace.getConfiguration('mailconf.zone');
  return { origins: c.get<Record<string, string>>('origins', {}), inlayHints: c.get<boolean>('inlayHints', false) };
}

export function registerZone(context: vscode.ExtensionContext, client: LanguageClient): void {
  // The server applies the settings at initialize, so every (re)start must carry the current ones.
  const options = client.clientOptions;
  const base = options.initializationOptions;
  options.initializationOptions = () => ({ ...(typeof base === 'function' ? base() : base), zone: zoneSettings() });

  const serverEdit = async (command: string, args: unknown[]): Promise<vscode.WorkspaceEdit> => {
    const result = await client.sendRequest('workspace/executeCommand', { command, arguments: args });
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
    return edit ?? new vscode.WorkspaceEdit();
  };
  const report = (err: unknown) => void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));

  /** The zone a command acts on: its argument, else the active editor's document when it is a zone. */
  const targetZone = async (arg: unknown): Promise<vscode.TextDocument | undefined> => {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === ZONE_LANGUAGE) return doc;
    void vscode.window.showErrorMessage(l10n.t('Open a DNS zone file first.'));
    return undefined;
  };

  const bumpSerial = async (arg?: unknown) => {
    const doc = await targetZone(arg);
    if (!doc) return;
    try {
      const edit = await serverEdit('mailconf.lsp.zone.bumpSerial', [doc.uri.toString()]);
      const serial = edit.get(doc.uri)[0]?.newText;
      if (await vscode.workspace.applyEdit(edit)) vscode.window.setStatusBarMessage(l10n.t('SOA serial is now {0}', serial ?? ''), 5000);
    } catch (err) {
      report(err);
    }
  };

  /** Forward zones to read addresses from: the arguments, else the workspace's zones the user picks. */
  const forwardZones = async (reverse: vscode.TextDocument, arg: unknown): Promise<string[] | undefined> => {
    if (Array.isArray(arg)) return arg.map((u) => String(u));
    const found = new Map<string, vscode.Uri>();
    for (const uri of await vscode.workspace.findFiles(ZONE_FILES, '**/node_modules/**', 200)) found.set(uri.toString(), uri);
    for (const d of vscode.workspace.textDocuments) if (d.languageId === ZONE_LANGUAGE) found.set(d.uri.toString(), d.uri);
    found.delete(reverse.uri.toString());
    const candidates = [...found.values()].filter((u) => !/\barpa\b/i.test(u.path.slice(u.path.lastIndexOf('/') + 1)));
    if (candidates.length === 0) {
      void vscode.window.showErrorMessage(l10n.t('No forward zone files found in the workspace to take the A and AAAA records from.'));
      return undefined;
    }
    if (candidates.length === 1) return [candidates[0].toString()];
    const picked = await vscode.window.showQuickPick(
      candidates.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri, picked: true })),
      { canPickMany: true, title: l10n.t('Forward zones to take the A and AAAA records from') },
    );
    return picked && picked.length > 0 ? picked.map((p) => p.uri.toString()) : undefined;
  };

  /**
   * From a forward zone, "Generate PTR Records" offers a new reverse zone for its addresses, in a
   * new file beside it (or an untitled one), or adds the PTRs when that file already exists.
   */
  const createReverseZone = async (forward: vscode.TextDocument, plans: ReverseZonePlan[]) => {
    if (plans.length === 0) {
      void vscode.window.showInformationMessage(l10n.t('{0} has no IPv4 addresses to make a reverse zone for.', fileName(forward.uri)));
      return undefined;
    }
    const fileFor = (plan: ReverseZonePlan) => (forward.uri.scheme === 'file' ? vscode.Uri.joinPath(forward.uri, '..', `${plan.origin.slice(0, -1)}.zone`) : undefined);
    const picked = await vscode.window.showQuickPick(
      plans.map((plan) => ({
        label: l10n.t('Create the reverse zone {0}', plan.origin),
        description: plan.network,
        detail: l10n.t('{0} PTR records, in {1}', plan.ptrCount, fileFor(plan) ? fileName(fileFor(plan)!) : l10n.t('a new untitled file')),
        plan,
      })),
      { title: l10n.t('{0} is a forward zone: its addresses need a reverse zone', fileName(forward.uri)) },
    );
    if (!picked) return undefined;
    const file = fileFor(picked.plan);
    if (!file) return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: ZONE_LANGUAGE, content: picked.plan.text }));
    if (await exists(file)) {
      // The reverse zone is already there: add what it lacks.
      await generatePtr(file, [forward.uri.toString()]);
      return vscode.window.showTextDocument(file);
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(file, { contents: new TextEncoder().encode(picked.plan.text) });
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    return vscode.window.showTextDocument(file);
  };

  const generatePtr = async (reverseArg?: unknown, forwardArg?: unknown): Promise<unknown> => {
    const reverse = await targetZone(reverseArg);
    if (!reverse) return;
    let plans: ReverseZonePlan[] | null;
    try {
      plans = (await client.sendRequest('workspace/executeCommand', { command: 'mailconf.lsp.zone.reverseZones', arguments: [reverse.uri.toString()] })) as ReverseZonePlan[] | null;
    } catch (err) {
      report(err);
      return;
    }
    if (plans) return createReverseZone(reverse, plans);
    const forwards = await forwardZones(reverse, forwardArg);
    if (!forwards) return;
    try {
      const edit = await serverEdit('mailconf.lsp.zone.generatePtr', [reverse.uri.toString(), forwards]);
      const added = edit.get(reverse.uri).reduce((n, e) => n + e.newText.split('\n').filter((l) => /\sPTR\s/.test(l)).length, 0);
      if (added === 0) {
        void vscode.window.showInformationMessage(l10n.t('No new PTR records: every address already has one in this zone.'));
        return;
      }
      if (await vscode.workspace.applyEdit(edit)) vscode.window.setStatusBarMessage(l10n.t('Added {0} PTR records', String(added)), 5000);
    } catch (err) {
      report(err);
    }
  };

  const sendSettings = () => {
    if (client.state !== State.Running) return;
    void client.sendNotification('workspace/didChangeConfiguration', { settings: { mailconf: { zone: zoneSettings() } } });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(ZONE_COMMANDS.bumpSerial, bumpSerial),
    vscode.commands.registerCommand(ZONE_COMMANDS.generatePtr, generatePtr),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mailconf.zone.origins') || e.affectsConfiguration('mailconf.zone.inlayHints')) sendSettings();
    }),
    // Only saves the user asked for, of changed text: auto-save would otherwise bump it every few seconds.
    vscode.workspace.onWillSaveTextDocument((e) => {
      const doc = e.document;
      if (doc.languageId !== ZONE_LANGUAGE || !doc.isDirty || e.reason !== vscode.TextDocumentSaveReason.Manual) return;
      if (!vscode.workspace.getConfiguration('mailconf.zone', doc.uri).get<boolean>('bumpSerialOnSave', false)) return;
      e.waitUntil(
        serverEdit('mailconf.lsp.zone.bumpSerial', [doc.uri.toString()]).then(
          (edit) => edit.get(doc.uri),
          // A zone without a readable SOA is saved as it is; its diagnostics already say why.
          () => [],
        ),
      );
    }),
  );
}

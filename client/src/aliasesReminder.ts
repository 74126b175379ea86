// After /etc/aliases is saved, reminds the user that Postfix reads aliases.db, not the text file,
// so nothing changes until newaliases runs. Offers to type the command into a terminal (not to
// run it: it usually needs sudo, and the user should see and confirm it).
import * as vscode from 'vscode';
import { l10n } from './l10n';

const MUTED_KEY = 'mailconf.aliasesReminder.muted';

export function aliasesReminder(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument(async (doc) => {
    if (doc.languageId !== 'postfix-aliases' || context.globalState.get<boolean>(MUTED_KEY)) return;
    // Saved over Mailconf's SSH: the save dialog there offers to run it on the server itself.
    if (doc.uri.scheme === 'mailconf-ssh') return;
    const mute = l10n.t("Don't remind me again");
    // A terminal runs where the file is only for local files and VS Code's own remotes; a file
    // saved over Mailconf's SSH connection lives on a server the terminal cannot reach.
    const local = doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote';
    const runIt = l10n.t('Type it in a terminal');
    const message = local
      ? l10n.t('Run newaliases so that Postfix uses the aliases you just saved.')
      : l10n.t('Run newaliases on the server so that Postfix uses the aliases you just saved.');
    const choice = await vscode.window.showInformationMessage(message, ...(local ? [runIt, mute] : [mute]));
    if (choice === runIt) {
      const terminal = vscode.window.createTerminal({ name: 'newaliases' });
      terminal.show();
      // Not executed: the user presses Enter after checking the command.
      terminal.sendText(doc.uri.fsPath === '/etc/aliases' ? 'sudo newaliases' : `postalias ${quote(doc.uri.fsPath)}`, false);
    } else if (choice === mute) {
      await context.globalState.update(MUTED_KEY, true);
    }
  });
}

function quote(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

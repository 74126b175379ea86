// "Create simulator scenarios from these accounts" (the lens above an msmtprc's first account):
// asks which main.cf, the client and the recipients, lets the language server write one scenario
// per account expecting what the configuration does now, and saves it as msmtp.scenarios.json
// beside that main.cf, where the Testing view finds it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScenariosFromMsmtprcRequest } from '../../../server/src/commands/scenariosFromMsmtprc';
import { l10n } from '../l10n';

const LAST = 'mailconf.scenarios.fromMsmtprc.last';
const FILE_NAME = 'msmtp.scenarios.json';

async function pickMainCf(): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/main.cf', '**/node_modules/**', 20);
  if (found.length <= 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: l10n.t('Which main.cf do the scenarios test?'), ignoreFocusOut: true },
  );
  return picked?.uri;
}

/** A complete request ({uri, mainUri, client, to}) runs without questions, as tests and scripts call it. */
export async function createScenariosFromMsmtprc(client: LanguageClient, state: vscode.Memento, args?: Partial<ScenariosFromMsmtprcRequest>): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = args?.uri ?? (active?.languageId === 'msmtprc' ? active.uri.toString() : undefined);
  if (!uri) {
    void vscode.window.showErrorMessage(l10n.t('Open an msmtprc file first.'));
    return undefined;
  }
  const main = args?.mainUri ? vscode.Uri.parse(args.mainUri) : await pickMainCf();
  if (!main) {
    void vscode.window.showErrorMessage(l10n.t('No main.cf in the workspace to test the accounts against.'));
    return undefined;
  }
  const last = { client: '192.168.255.200', to: 'usuario@mail1.org, usuario@mail2.org', ...state.get<{ client: string; to: string }>(LAST) };
  const ask = (prompt: string, value: string) =>
    vscode.window.showInputBox({ title: l10n.t('Scenarios from msmtp accounts'), prompt, value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : l10n.t('An answer is needed')) });
  const clientAnswer = args?.client ?? (await ask(l10n.t('The client msmtp runs on: its address, and after a comma its verified host name if it has one'), last.client));
  if (!clientAnswer) return undefined;
  const to = args?.to ?? (await ask(l10n.t('RCPT TO: one or more addresses, separated by spaces or commas'), last.to))?.split(/[\s,]+/).filter(Boolean);
  if (!to?.length) return undefined;
  if (!args?.to) await state.update(LAST, { client: clientAnswer, to: to.join(', ') });

  let answer: { text: string; count: number };
  try {
    answer = await client.sendRequest('workspace/executeCommand', { command: 'mailconf.lsp.scenarios.fromMsmtprc', arguments: [{ uri, mainUri: main.toString(), client: clientAnswer, to }] });
  } catch (err) {
    void vscode.window.showErrorMessage(l10n.t('The scenarios could not be made: {0}', err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  if (answer.count === 0) {
    void vscode.window.showWarningMessage(l10n.t('This msmtprc has no account.'));
    return undefined;
  }
  const target = vscode.Uri.joinPath(main, '..', FILE_NAME);
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists && !args?.to) {
    const replace = l10n.t('Replace');
    if ((await vscode.window.showWarningMessage(l10n.t('{0} exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace)) !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(answer.text, 'utf8'));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(l10n.t('{0} scenarios written to {1}; run them from the Testing view.', answer.count, vscode.workspace.asRelativePath(target)));
  return target;
}

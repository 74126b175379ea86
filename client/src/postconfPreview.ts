// "Mailconf: Preview postconf -n" (and -nx, and -M for master.cf): a read-only virtual document
// beside the configuration, recomputed by the language server from the unsaved text as the user
// types. The server does the work (mailconf.lsp.postconf.preview), so the text is exactly what the
// CLI's postconf emulation prints.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const PREVIEW_SCHEME = 'mailconf-postconf';
export const PREVIEW_COMMANDS = {
  preview: 'mailconf.postconf.preview',
  toggleExpand: 'mailconf.postconf.toggleExpand',
  previewMaster: 'mailconf.postconf.previewMaster',
} as const;

type Mode = 'n' | 'nx' | 'M';
const DEBOUNCE_MS = 250;

/** mailconf-postconf:/postconf -n (main.cf)?<source uri> — the query keeps the source, the mode is in the path. */
export function previewUri(source: vscode.Uri, mode: Mode): vscode.Uri {
  const file = source.path.slice(source.path.lastIndexOf('/') + 1);
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/postconf -${mode} (${file})`, query: source.toString() });
}

function parse(uri: vscode.Uri): { source: string; mode: Mode } {
  const mode = (/postconf -(nx|n|M) /.exec(uri.path)?.[1] ?? 'n') as Mode;
  return { source: uri.query, mode };
}

const isPostfixFile = (doc: vscode.TextDocument) => doc.languageId === 'postfix-main' || doc.languageId === 'postfix-master';
const directoryOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/') + 1);

export function registerPostconfPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri, token) {
      const { source, mode } = parse(uri);
      try {
        return await client.sendRequest<string>('workspace/executeCommand', { command: 'mailconf.lsp.postconf.preview', arguments: [{ uri: source, mode }] }, token);
      } catch (err) {
        return `# ${vscode.l10n.t('The postconf preview failed: {0}', err instanceof Error ? err.message : String(err))}\n`;
      }
    },
  };

  const timers = new Map<string, NodeJS.Timeout>();
  const refreshPreviewsOf = (doc: vscode.TextDocument) => {
    if (!isPostfixFile(doc)) return;
    const dir = directoryOf(doc.uri.toString());
    for (const open of vscode.workspace.textDocuments) {
      if (open.uri.scheme !== PREVIEW_SCHEME || directoryOf(parse(open.uri).source) !== dir) continue;
      const key = open.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          changed.fire(open.uri);
        }, DEBOUNCE_MS),
      );
    }
  };

  const open = async (mode: Mode, source?: vscode.Uri) => {
    const editor = vscode.window.activeTextEditor;
    let target = source ?? editor?.document.uri;
    if (target?.scheme === PREVIEW_SCHEME) target = vscode.Uri.parse(parse(target).source);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a main.cf or master.cf first.'));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(previewUri(target, mode));
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => refreshPreviewsOf(e.document)),
    vscode.workspace.onDidSaveTextDocument(refreshPreviewsOf),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.preview, (uri?: vscode.Uri) => open('n', uri)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.previewMaster, (uri?: vscode.Uri) => open('M', uri)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleExpand, () => {
      const current = vscode.window.activeTextEditor?.document.uri;
      const mode = current?.scheme === PREVIEW_SCHEME && parse(current).mode === 'n' ? 'nx' : 'n';
      return open(mode);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

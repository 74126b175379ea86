// "Mailconf: Preview postconf -n" (and -nx, and -M for master.cf): a read-only virtual document
// beside the configuration, recomputed by the language server from the unsaved text as the user
// types. The server does the work (mailconf.lsp.postconf.preview), so the text is exactly what the
// CLI's postconf emulation prints.
import * as vscode from 'vscode';
import { l10n } from './l10n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type RecentDocuments, tabOf } from './documentOfLanguage';

export const PREVIEW_SCHEME = 'mailconf-postconf';
export const PREVIEW_COMMANDS = {
  preview: 'mailconf.postconf.preview',
  toggleExpand: 'mailconf.postconf.toggleExpand',
  previewMaster: 'mailconf.postconf.previewMaster',
} as const;

type Mode = 'n' | 'nx' | 'M';
type Language = 'postfix-main' | 'postfix-master';
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

/**
 * The preview in the language of what it shows (main.cf for -n/-nx, master.cf for -M), so that it
 * is coloured and its parameters have hovers; the client drops its diagnostics (extension.ts).
 */
async function previewDocument(source: vscode.Uri, mode: Mode): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(previewUri(source, mode));
  const language = mode === 'M' ? 'postfix-master' : 'postfix-main';
  return doc.languageId === language ? doc : vscode.languages.setTextDocumentLanguage(doc, language);
}

export function registerPostconfPreview(context: vscode.ExtensionContext, client: LanguageClient, recent: RecentDocuments): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri, token) {
      const { source, mode } = parse(uri);
      try {
        return await client.sendRequest<string>('workspace/executeCommand', { command: 'mailconf.lsp.postconf.preview', arguments: [{ uri: source, mode }] }, token);
      } catch (err) {
        return `# ${l10n.t('The postconf preview failed: {0}', err instanceof Error ? err.message : String(err))}\n`;
      }
    },
  };

  const timers = new Map<string, NodeJS.Timeout>();
  const refreshPreviewsOf = (doc: vscode.TextDocument) => {
    if (!isPostfixFile(doc) || doc.uri.scheme === PREVIEW_SCHEME) return;
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

  /** The configuration a preview command acts on: its argument, the active one, else the one the user last had open. */
  const sourceFor = async (mode: Mode, given?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    if (given) return given.scheme === PREVIEW_SCHEME ? vscode.Uri.parse(parse(given).source) : given;
    const active = vscode.window.activeTextEditor?.document;
    if (active?.uri.scheme === PREVIEW_SCHEME) return vscode.Uri.parse(parse(active.uri).source);
    if (active && isPostfixFile(active)) return active.uri;
    // From the Welcome page no editor is active: the walkthrough's button still means the lab's files.
    const [first, second]: Language[] = mode === 'M' ? ['postfix-master', 'postfix-main'] : ['postfix-main', 'postfix-master'];
    return ((await recent.documentOf(first)) ?? (await recent.documentOf(second)))?.uri;
  };

  const open = async (mode: Mode, given?: vscode.Uri) => {
    const target = await sourceFor(mode, given);
    if (!target) {
      void vscode.window.showInformationMessage(l10n.t('Open a main.cf or master.cf first.'));
      return undefined;
    }
    const doc = await previewDocument(target, mode);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  };

  /** -n becomes -nx and back, in the preview's own tab; with no preview open yet, -nx opens beside. */
  const toggleExpand = async () => {
    const source = await sourceFor('n');
    if (!source) return open('nx');
    const previewTab = (m: Mode) => tabOf(previewUri(source, m));
    const plain = previewTab('n');
    const shown = plain ?? previewTab('nx');
    if (!shown) return open('nx', source);
    const mode: Mode = plain ? 'nx' : 'n';
    const before = vscode.window.activeTextEditor;
    const fromPreview = before?.document.uri.scheme === PREVIEW_SCHEME;
    const doc = await previewDocument(source, mode);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown.group.viewColumn, preview: false, preserveFocus: !fromPreview });
    await vscode.window.tabGroups.close(shown);
    // Closing the old tab can move the focus; from main.cf, the user goes on typing there.
    if (before && !fromPreview && vscode.window.activeTextEditor !== before) await vscode.window.showTextDocument(before.document, before.viewColumn);
    return editor;
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => refreshPreviewsOf(e.document)),
    vscode.workspace.onDidSaveTextDocument(refreshPreviewsOf),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.preview, (uri?: vscode.Uri) => open('n', uri)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.previewMaster, (uri?: vscode.Uri) => open('M', uri)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleExpand, toggleExpand),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

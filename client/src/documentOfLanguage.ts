// Commands started from the Welcome page (the lab walkthrough) find no text editor active: the
// walkthrough itself has the focus. They act on the document of their language the user last
// worked in instead: the active editor, else the most recently active one still open, else one
// open in a tab, else the workspace's own file of that language (the lab's main.cf or master.cf).
import * as vscode from 'vscode';

/** Workspace files that stand for a language when none of its documents is open. */
const WORKSPACE_FILES: Record<string, string> = {
  'postfix-main': '**/main.cf',
  'postfix-master': '**/master.cf',
};

export class RecentDocuments implements vscode.Disposable {
  /** Most recently active first. */
  private readonly recent: vscode.Uri[] = [];
  private readonly subscription: vscode.Disposable;

  constructor() {
    const note = (editor: vscode.TextEditor | undefined) => {
      if (!editor || editor.document.uri.scheme === 'output') return;
      const key = editor.document.uri.toString();
      const at = this.recent.findIndex((u) => u.toString() === key);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.unshift(editor.document.uri);
      this.recent.length = Math.min(this.recent.length, 50);
    };
    note(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor(note);
  }

  /** Open documents of the language, the most relevant first (see the file's comment). */
  async openOf(languageId: string): Promise<vscode.TextDocument[]> {
    const found: vscode.TextDocument[] = [];
    const add = (doc: vscode.TextDocument | undefined) => {
      if (doc && !doc.isClosed && doc.languageId === languageId && editable(doc) && !found.includes(doc)) found.push(doc);
    };
    add(vscode.window.activeTextEditor?.document);
    const byUri = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const uri of this.recent) if (tabOf(uri)) add(byUri.get(uri.toString()));
    for (const editor of vscode.window.visibleTextEditors) add(editor.document);
    // Tabs restored from an earlier session have no document until one is asked for.
    for (const group of [vscode.window.tabGroups.activeTabGroup, ...vscode.window.tabGroups.all]) {
      for (const tab of group.tabs) {
        if (!(tab.input instanceof vscode.TabInputText)) continue;
        const uri = tab.input.uri;
        add(byUri.get(uri.toString()) ?? (await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined)));
      }
    }
    return found;
  }

  /** The document a command for this language should act on, or undefined when there is none at all. */
  async documentOf(languageId: string): Promise<vscode.TextDocument | undefined> {
    const [open] = await this.openOf(languageId);
    if (open) return open;
    const pattern = WORKSPACE_FILES[languageId];
    if (!pattern) return undefined;
    const [file] = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 1);
    return file ? vscode.workspace.openTextDocument(file) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Text that can be edited: not a read-only view such as the postconf preview (which is main.cf text too). */
function editable(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) === true;
}

/** The tab that shows a document, if any. */
export function tabOf(uri: vscode.Uri): vscode.Tab | undefined {
  const key = uri.toString();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key) return tab;
  }
  return undefined;
}

/** Shows the document where it already has a tab, else in the active group. */
export function reveal(doc: vscode.TextDocument): Thenable<vscode.TextEditor> {
  const tab = tabOf(doc.uri);
  return vscode.window.showTextDocument(doc, { viewColumn: tab?.group.viewColumn, preview: false });
}

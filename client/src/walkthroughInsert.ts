// The walkthrough's "Insert …" buttons. VS Code's editor.action.insertSnippet acts on the active
// editor, and on the Welcome page there is none, so those buttons did nothing. This command finds
// the document the snippet belongs in, shows it and inserts the snippet there:
// - a whole-file snippet (a zone, the Internet Site base, the msmtp accounts) goes into an empty
//   document of its language, typically the one "Open a new …" just made, else into a new one;
// - a block (TLS, SASL, restrictions, master.cf services) goes into the document of its language
//   the user last worked in, else the workspace's (the lab's main.cf), else a new one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import { RecentDocuments, reveal } from './documentOfLanguage';

export const INSERT_SNIPPET_COMMAND = 'mailconf.walkthrough.insertSnippet';

export interface InsertSnippetArgs {
  langId: string;
  name: string;
  /** The snippet is a whole file: never insert it into a document that already has text. */
  file?: boolean;
}

interface SnippetFile {
  [name: string]: { body: string | string[] };
}

/** The body of a snippet the extension contributes, by language and name. */
export function contributedSnippet(extensionPath: string, manifest: { contributes?: { snippets?: { language: string; path: string }[] } }, languageId: string, name: string): string | undefined {
  for (const entry of manifest.contributes?.snippets ?? []) {
    if (entry.language !== languageId) continue;
    const body = (JSON.parse(readFileSync(join(extensionPath, entry.path), 'utf8')) as SnippetFile)[name]?.body;
    if (body !== undefined) return Array.isArray(body) ? body.join('\n') : body;
  }
  return undefined;
}

export function registerWalkthroughInsert(context: vscode.ExtensionContext, recent: RecentDocuments): vscode.Disposable {
  const manifest = context.extension.packageJSON;

  const target = async ({ langId, file }: InsertSnippetArgs): Promise<vscode.TextDocument> => {
    if (file) {
      const empty = (await recent.openOf(langId)).find((d) => d.getText().trim() === '');
      return empty ?? vscode.workspace.openTextDocument({ language: langId });
    }
    return (await recent.documentOf(langId)) ?? vscode.workspace.openTextDocument({ language: langId });
  };

  return vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, async (args?: InsertSnippetArgs) => {
    if (!args?.langId || !args.name) return undefined;
    const body = contributedSnippet(context.extensionPath, manifest, args.langId, args.name);
    if (body === undefined) {
      void vscode.window.showErrorMessage(l10n.t('Mailconf has no snippet named {0}.', args.name));
      return undefined;
    }
    const editor = await reveal(await target(args));
    const doc = editor.document;
    // At the cursor when it stands on an empty line; otherwise on a line of its own at the end,
    // so that a block never lands in the middle of a setting.
    const cursor = editor.selection.active;
    let where: vscode.Position | vscode.Selection = editor.selection;
    let snippet = body;
    if (!editor.selection.isEmpty || doc.lineAt(cursor.line).text.trim() !== '') {
      const last = doc.lineAt(doc.lineCount - 1);
      where = last.range.end;
      if (last.text !== '') snippet = `\n${snippet}`;
    }
    await editor.insertSnippet(new vscode.SnippetString(snippet), where);
    return editor;
  });
}

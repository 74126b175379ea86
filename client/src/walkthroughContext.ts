// Walkthrough steps complete when a file of their language is the active editor, through the
// completion event `onContext:mailconf.activeLanguage == <language>`. VS Code's own editorLangId
// would not do: it lives in each editor's scoped context, and the walkthrough only consults the
// window's global one, so a step waiting on it never completes. The active editor's language is
// mirrored here into a global context key.
import * as vscode from 'vscode';

export const ACTIVE_LANGUAGE_KEY = 'mailconf.activeLanguage';

export function trackActiveLanguage(): vscode.Disposable {
  let last: string | undefined;
  const update = () => {
    const language = vscode.window.activeTextEditor?.document.languageId ?? '';
    if (language === last) return;
    last = language;
    void vscode.commands.executeCommand('setContext', ACTIVE_LANGUAGE_KEY, language);
  };
  update();
  // A language change (setTextDocumentLanguage, the status bar picker) reopens the document.
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), vscode.workspace.onDidOpenTextDocument(update));
}

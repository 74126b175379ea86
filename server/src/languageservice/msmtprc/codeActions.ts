// Quick fix for a misspelt command: replace it with the suggestion its diagnostic carries.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { Locale, t } from '../../l10n';

export function suggestionFixes(doc: TextDocument, diagnostics: Diagnostic[], codes: string[], locale: Locale): CodeAction[] {
  return diagnostics
    .filter((d) => codes.includes(String(d.code)) && typeof (d.data as { suggestion?: unknown } | undefined)?.suggestion === 'string')
    .map((d) => {
      const suggestion = (d.data as { suggestion: string }).suggestion;
      return {
        title: t(locale, 'fix.change-to', suggestion),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: d.range, newText: suggestion }] } },
      };
    });
}

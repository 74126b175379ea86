// Quick fixes for main.cf and master.cf diagnostics. Each diagnostic carries what its fix needs in
// `data` (see FixData), so the fix is exactly what the message promised, and works for
// diagnostics that come back from the client.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { ServiceContext } from '../service';
import { FixData, SOURCE } from './site';

export function postfixCodeActions(doc: TextDocument, _range: Range, diagnostics: Diagnostic[], ctx?: ServiceContext): CodeAction[] {
  const locale = ctx?.locale ?? 'en';
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE || !d.data) continue;
    const data = d.data as FixData;
    const fix = (title: string, edit: TextEdit, preferred: boolean) =>
      out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred, edit: { changes: { [doc.uri]: [edit] } } });
    data.replaceWith?.forEach((text, i) => fix(t(locale, 'fix.change-to', text), TextEdit.replace(d.range, text), i === 0));
    if (data.replaceSetting) fix(data.replaceSetting.title, TextEdit.replace(data.replaceSetting.range, data.replaceSetting.text), true);
    if (data.remove) fix(data.remove.title, TextEdit.del(wholeLines(doc, data.remove.range)), false);
  }
  return out;
}

/** A range widened to whole lines when it covers a whole logical line, so no blank line is left. */
function wholeLines(doc: TextDocument, r: Range): Range {
  const lineStart = doc.offsetAt({ line: r.start.line, character: 0 });
  const before = doc.getText().slice(lineStart, doc.offsetAt(r.start));
  if (before.trim() !== '') return r;
  const endLine = r.end.line + 1;
  return endLine >= doc.lineCount ? { start: { line: r.start.line, character: 0 }, end: doc.positionAt(doc.getText().length) } : { start: { line: r.start.line, character: 0 }, end: { line: endLine, character: 0 } };
}

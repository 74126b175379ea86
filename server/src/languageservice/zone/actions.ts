// Quick fixes for zone diagnostics: add a forgotten trailing dot, point a target at the canonical
// name instead of an alias, publish SPF as TXT, add a $TTL.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';

export function zoneCodeActions(doc: TextDocument, _range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const fix = (title: string, d: Diagnostic, range: Range, newText: string, preferred = true): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: preferred,
    edit: { changes: { [doc.uri]: [{ range, newText }] } },
  });
  for (const d of diagnostics) {
    const data = d.data as Record<string, unknown> | undefined;
    switch (d.code) {
      case 'missing-trailing-dot':
        if (data && typeof data.fix === 'string') out.push(fix(`Add the trailing dot: ${data.fix}`, d, d.range, data.fix));
        break;
      case 'target-is-cname':
        if (data && typeof data.canonical === 'string') out.push(fix(`Point at the canonical name ${data.canonical}`, d, d.range, data.canonical));
        break;
      case 'spf-record-type':
        if (data && typeof data.typeStart === 'object') out.push(fix('Publish the SPF policy as TXT', d, data.typeStart as Range, 'TXT'));
        break;
      case 'no-ttl':
        out.push(fix('Add "$TTL 1d" at the top of the file', d, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '$TTL 1d\n'));
        break;
    }
  }
  return out;
}

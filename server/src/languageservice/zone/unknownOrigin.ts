// A zone file that does not say which zone it holds (a new untitled one, a file named zones.txt
// without $ORIGIN) is read as the root zone, and then every check about the zone's apex speaks of
// the zone "." (no SOA at ., no NS at .), which helps nobody. Until an origin is known, those
// apex findings give way to one note that says how to give the zone.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t, type Locale } from '../../l10n';
import { originIsKnown } from './parsed';

/** Findings about the apex, which mean nothing while the apex is only the default root. */
const APEX_CODES = new Set(['no-soa', 'no-ns', 'soa-not-at-apex']);

export function withOriginHint(doc: TextDocument, diagnostics: Diagnostic[], locale: Locale, source: string): Diagnostic[] {
  if (!diagnostics.some((d) => APEX_CODES.has(String(d.code))) || originIsKnown(doc.uri, doc.getText())) return diagnostics;
  const hint: Diagnostic = {
    // The first line without its break, which may be \n, \r\n or a lone \r (a line break to LSP too).
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '').length } },
    severity: DiagnosticSeverity.Information,
    code: 'no-origin',
    source,
    message: t(locale, 'zone.no-origin'),
  };
  return [hint, ...diagnostics.filter((d) => !APEX_CODES.has(String(d.code)))];
}

// Diagnostics for lookup-table sources: syntax and duplicate keys everywhere; in access maps, an
// action keyword that Postfix does not know (it would answer "Server configuration error").
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { MapEntry } from '../../parsers/postfixMap';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { ACCESS_ACTIONS, accessAction, isAccessMap } from './access';
import { parsedMap } from './parsed';

const SOURCE = 'mailconf';

export function mapDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedMap(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: DiagnosticSeverity.Error,
    code: `map/${e.code}`,
    source: SOURCE,
    message: e.code === 'missing-value' ? t(ctx.locale, 'map.missing-value', doc.getText(e.range)) : t(ctx.locale, 'map.leading-continuation'),
  }));
  const firstLine = new Map<string, number>();
  for (const e of tree.entries) {
    // A pattern table is matched in order: a repeated pattern is dead, but no lookup conflict.
    if (e.pattern) continue;
    // `abuse: postmaster` is the aliases format; postmap keeps the colon in the key.
    if (e.key.length > 1 && e.key.endsWith(':')) {
      const bare = e.key.slice(0, -1);
      out.push({ range: e.keyRange, severity: DiagnosticSeverity.Warning, code: 'map/alias-format', source: SOURCE, message: t(ctx.locale, 'map.alias-format', e.key, bare), data: { suggestion: bare } });
    }
    const key = e.key.toLowerCase();
    const seen = firstLine.get(key);
    if (seen === undefined) firstLine.set(key, e.keyRange.start.line);
    else
      out.push({
        range: e.keyRange,
        severity: DiagnosticSeverity.Warning,
        code: 'map/duplicate-key',
        source: SOURCE,
        message: t(ctx.locale, 'map.duplicate-key', e.key, seen + 1),
      });
  }
  if (isAccessMap(doc.uri)) for (const e of tree.entries) checkAccessValue(e, ctx, out);
  return out;
}

function checkAccessValue(e: MapEntry, ctx: ServiceContext, out: Diagnostic[]): void {
  if (e.value === '') return;
  const word = /^\S+/.exec(e.value)![0];
  const start = e.valueRange.start;
  const wordRange = { start, end: { line: start.line, character: start.character + word.length } };
  const rest = e.value.slice(word.length).trim();
  if (/^\d+$/.test(word)) {
    if (/^[45]\d\d$/.test(word) && rest === '')
      out.push({ range: wordRange, severity: DiagnosticSeverity.Warning, code: 'map/numeric-is-ok', source: SOURCE, message: t(ctx.locale, 'map.numeric-is-ok', word) });
    return;
  }
  const action = accessAction(word);
  if (action) {
    if (action.argument && rest === '')
      out.push({
        range: wordRange,
        severity: DiagnosticSeverity.Warning,
        code: 'map/action-needs-argument',
        source: SOURCE,
        message: t(ctx.locale, 'map.action-needs-argument', action.name, action.argument),
      });
    return;
  }
  // Lower-case words are restrictions or restriction classes defined in main.cf, which this file
  // cannot see; an upper-case word is meant as an action, so an unknown one is a mistake.
  if (word !== word.toUpperCase() || !/^[A-Z_]+$/.test(word)) return;
  const suggestion = nearest(word, ACCESS_ACTIONS.map((a) => a.name));
  out.push({
    range: wordRange,
    severity: DiagnosticSeverity.Warning,
    code: 'map/unknown-access-action',
    source: SOURCE,
    message: t(ctx.locale, 'map.unknown-access-action', word) + (suggestion ? ` ${t(ctx.locale, 'map.did-you-mean', suggestion)}` : ''),
    data: suggestion ? { suggestion } : undefined,
  });
}

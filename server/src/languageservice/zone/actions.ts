// Quick fixes for zone diagnostics: add a forgotten trailing dot, point a target at the canonical
// name instead of an alias, point an alias of itself at a host of the zone, publish SPF as TXT,
// add a $TTL.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { absoluteName, isInZone, nameKey, relativeName } from '../../parsers/zone';
import type { ServiceContext } from '../service';
import { parsedZone } from './parsed';

/** At most this many hosts are offered for an alias of itself. */
const HOST_CHOICES = 5;
const A = 1;
const AAAA = 28;

/** The zone's own names that have an A or AAAA record, in file order, but the alias written `alias`; relative to the zone. */
function hostsWithAddresses(doc: TextDocument, alias: string): string[] {
  const { zone } = parsedZone(doc);
  const table = zone.table;
  const apex = table.apex ?? zone.origin;
  const seen = new Set([nameKey(apex ? absoluteName(alias, apex) : alias)]);
  const out: string[] = [];
  for (let i = 0; i < table.count && out.length < HOST_CHOICES; i++) {
    if (table.typeCode[i] !== A && table.typeCode[i] !== AAAA) continue;
    const owner = table.ownerName(i);
    if (seen.has(nameKey(owner)) || (apex && !isInZone(owner, apex))) continue;
    seen.add(nameKey(owner));
    out.push(apex ? relativeName(owner, apex) : owner);
  }
  return out;
}

export function zoneCodeActions(doc: TextDocument, _range: Range, diagnostics: Diagnostic[], ctx?: ServiceContext): CodeAction[] {
  const locale = ctx?.locale ?? 'en';
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
        if (data && typeof data.fix === 'string') out.push(fix(t(locale, 'zone.fix.trailing-dot', data.fix), d, d.range, data.fix));
        break;
      case 'cname-loop':
        if (data?.selfAlias) {
          const alias = doc.getText(d.range);
          const hosts = hostsWithAddresses(doc, alias);
          // `mail` is what the lesson's zone means; it goes first when the zone has it.
          hosts.sort((a, b) => Number(b === 'mail') - Number(a === 'mail'));
          hosts.forEach((host, i) => out.push(fix(t(locale, 'zone.fix.alias-of', alias, host), d, d.range, host, i === 0 && host === 'mail')));
        }
        break;
      case 'target-is-cname':
        if (data && typeof data.canonical === 'string') out.push(fix(t(locale, 'zone.fix.canonical', data.canonical), d, d.range, data.canonical));
        break;
      case 'spf-record-type':
        if (data && typeof data.typeStart === 'object') out.push(fix(t(locale, 'zone.fix.spf-as-txt'), d, data.typeStart as Range, 'TXT'));
        break;
      case 'no-ttl':
        out.push(fix(t(locale, 'zone.fix.add-ttl'), d, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '$TTL 1d\n'));
        break;
    }
  }
  return out;
}

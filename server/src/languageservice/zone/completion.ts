// Completion by column: directives, owner names and mail record templates at the start of a
// line; classes, TTLs and types after the owner; in-zone names where a record's data names a host.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, Position } from 'vscode-languageserver-types';
import { nameKey, RECORD_TYPES, relativeName } from '../../parsers/zone';
import type { ServiceContext } from '../service';
import { Locale, t } from '../../l10n';
import { RECORD_TYPE_MEANINGS_ES } from '../../l10n/recordTypeMeanings';
import { DIRECTIVE_DOCS, inLocale } from './docs';
import { parsedZone, ParsedZone } from './parsed';

/** Data positions that name a host, by type: completion offers the zone's names there. */
const NAME_SLOTS: Record<string, number> = { NS: 0, CNAME: 0, DNAME: 0, PTR: 0, MX: 1, SRV: 3 };
const COMMON_TYPES = ['A', 'AAAA', 'MX', 'CNAME', 'TXT', 'NS', 'SOA', 'PTR', 'SRV', 'CAA', 'TLSA'];

export function zoneCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const lineText = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }).replace(/[\r\n]+$/, '');
  const before = lineText.slice(0, pos.character);
  if (/;/.test(before.replace(/"[^"]*"/g, ''))) return [];
  const words = before.split(/[ \t]+/);
  const ownerBlank = /^[ \t]/.test(before) || before === '';
  // Words already complete before the cursor (the last one is being typed).
  const done = words.slice(0, -1).filter((w) => w !== '');
  const parsed = parsedZone(doc, ctx.workspace);

  if (done.length === 0 && !/^[ \t]/.test(before)) return lineStart(parsed, words[words.length - 1], ctx.locale);
  if (done[0]?.startsWith('$')) return [];

  // Which fields are already there: owner (unless blank), then TTL/class, then the type.
  const fields = ownerBlank ? done : done.slice(1);
  let typeIndex = -1;
  for (let i = 0; i < fields.length; i++) {
    if (RECORD_TYPES[fields[i].toUpperCase()] || /^TYPE\d+$/i.test(fields[i])) {
      typeIndex = i;
      break;
    }
  }
  if (typeIndex < 0) return headerItems(fields, ctx.locale);
  const type = fields[typeIndex].toUpperCase();
  const dataIndex = fields.length - typeIndex - 1;
  if (NAME_SLOTS[type] === dataIndex) return nameItems(parsed, type === 'MX' || type === 'NS' || type === 'SRV', ctx.locale);
  return [];
}

function lineStart(parsed: ParsedZone, typed: string, locale: Locale): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (typed.startsWith('$') || typed === '') {
    for (const [name, doc] of Object.entries(DIRECTIVE_DOCS)) {
      items.push({ label: name, kind: CompletionItemKind.Keyword, documentation: inLocale(doc, locale), insertText: `${name} `, sortText: `0${name}` });
    }
  }
  if (typed.startsWith('$')) return items;
  items.push({ label: '@', kind: CompletionItemKind.Constant, detail: parsed.zone.origin, documentation: t(locale, 'zone.completion.apex'), sortText: '1@' });
  for (const name of ownerNames(parsed, 2000)) items.push({ label: name.label, kind: CompletionItemKind.Variable, detail: name.fqdn, sortText: `2${name.label}` });
  items.push(...templates(parsed, locale));
  return items;
}

function headerItems(fields: string[], locale: Locale): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (!fields.some((f) => /^(IN|CH|HS)$/i.test(f))) {
    items.push({ label: 'IN', kind: CompletionItemKind.EnumMember, detail: t(locale, 'zone.completion.class'), documentation: t(locale, 'zone.completion.class-in'), sortText: '0IN' });
  }
  for (const [type, info] of Object.entries(RECORD_TYPES)) {
    const common = COMMON_TYPES.indexOf(type);
    items.push({
      label: type,
      kind: CompletionItemKind.TypeParameter,
      detail: t(locale, 'zone.completion.type', info.code),
      documentation: locale === 'es' ? (RECORD_TYPE_MEANINGS_ES[type] ?? info.meaning) : info.meaning,
      sortText: common >= 0 ? `1${String(common).padStart(2, '0')}` : `2${type}`,
    });
  }
  return items;
}

function nameItems(parsed: ParsedZone, addressOnly: boolean, locale: Locale): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const n of ownerNames(parsed, 5000)) {
    if (addressOnly && !parsed.index.hasType(n.fqdn, 'A', 'AAAA')) continue;
    items.push({ label: n.label, kind: CompletionItemKind.Reference, detail: n.fqdn, documentation: t(locale, 'zone.completion.types-here', [...new Set(parsed.index.at(n.fqdn).map((r) => r.type))].join(', ')) });
  }
  return items;
}

/** Owner names in file order, stopping at `limit` so huge zones answer quickly. */
function ownerNames(parsed: ParsedZone, limit: number): Array<{ label: string; fqdn: string }> {
  const out: Array<{ label: string; fqdn: string }> = [];
  const t = parsed.zone.table;
  const seen = new Set<string>();
  for (let i = 0; i < t.count && out.length < limit; i++) {
    const key = nameKey(t.owner[i]);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const fqdn = t.ownerName(i);
    out.push({ label: relativeName(fqdn, parsed.zone.origin), fqdn });
  }
  return out;
}

/** Mail record templates with the owner names they must have. */
function templates(parsed: ParsedZone, locale: Locale): CompletionItem[] {
  const origin = parsed.zone.origin;
  const domain = origin.replace(/\.$/, '');
  const mxHost = parsed.index.at(origin).find((r) => r.type === 'MX' && r.target)?.target;
  const mxLabel = mxHost ? relativeName(mxHost, origin) : 'mail';
  const item = (label: string, detail: string, body: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `3${label}`,
  });
  return [
    item(t(locale, 'zone.template.mx'), t(locale, 'zone.template.mx-detail'), `@\tIN\tMX\t\${1:10} \${2:${mxLabel}}`),
    item(t(locale, 'zone.template.spf'), t(locale, 'zone.template.spf-detail'), '@\tIN\tTXT\t"v=spf1 ${1:mx} ${2|-all,~all|}"'),
    item(t(locale, 'zone.template.dmarc'), t(locale, 'zone.template.txt-at', '_dmarc'), `_dmarc\tIN\tTXT\t"v=DMARC1; p=\${1|none,quarantine,reject|}; rua=mailto:\${2:dmarc}@${domain}"`),
    item(t(locale, 'zone.template.dkim'), t(locale, 'zone.template.txt-at', '<selector>._domainkey'), `\${1:selector}._domainkey\tIN\tTXT\t( "v=DKIM1; k=rsa; "\n\t"p=\${2:${t(locale, 'zone.template.dkim-key')}}" )`),
    item(t(locale, 'zone.template.mta-sts'), t(locale, 'zone.template.txt-at', '_mta-sts'), '_mta-sts\tIN\tTXT\t"v=STSv1; id=${1:' + new Date().toISOString().slice(0, 10).replace(/-/g, '') + '01}"'),
    item(t(locale, 'zone.template.tlsrpt'), t(locale, 'zone.template.txt-at', '_smtp._tls'), `_smtp._tls\tIN\tTXT\t"v=TLSRPTv1; rua=mailto:\${1:tlsrpt}@${domain}"`),
    item(t(locale, 'zone.template.tlsa'), t(locale, 'zone.template.tlsa-detail'), `_25._tcp.\${1:${mxLabel}}\tIN\tTLSA\t3 1 1 \${2:${t(locale, 'zone.template.tlsa-data')}}`),
  ];
}

// Hovers: the absolute name of a relative one, TTLs in human units, what a type and each data
// field mean, SOA field labels, and the SPF term or DMARC/DKIM tag under the cursor.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { absoluteName, humanTtl, offsetRange, parseTtl, RECORD_TYPES, typeCode } from '../../parsers/zone';
import { decodeString } from '../../parsers/zone/lexical';
import { DMARC_TAG_DOCS } from '../../zone/dmarc';
import { serialForm } from '../../zone/soa';
import { SPF_TERM_DOCS } from '../../zone/spf';
import { Locale, t } from '../../l10n';
import { RECORD_TYPE_MEANINGS_ES } from '../../l10n/recordTypeMeanings';
import type { ServiceContext } from '../service';
import { DATA_FIELDS, DIRECTIVE_DOCS, DKIM_TAG_DOCS, inLocale, MTA_STS_TAG_DOCS, SOA_FIELDS, TLSRPT_TAG_DOCS } from './docs';
import { spotAt } from './locate';
import { policyOf } from './mailRecords';
import { parsedZone } from './parsed';

const NAME_FIELDS: Record<string, number[]> = { NS: [0], CNAME: [0], DNAME: [0], PTR: [0], MX: [1], SRV: [3], SOA: [0, 1], RP: [0, 1], SVCB: [1], HTTPS: [1], NAPTR: [5] };

export function zoneHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const { zone, index } = parsedZone(doc, ctx.workspace);
  const spot = spotAt(zone, pos);
  if (!spot) return null;
  const range = offsetRange(zone.source, spot.start, spot.end);
  const md = (value: string): Hover => ({ contents: { kind: 'markdown', value }, range });
  const locale = ctx.locale;
  switch (spot.kind) {
    case 'directive': {
      const d = spot.directive;
      if (spot.argIndex < 0) return DIRECTIVE_DOCS[d.name] ? md(`**${d.name}**: ${inLocale(DIRECTIVE_DOCS[d.name], locale)}`) : null;
      if (d.name === '$TTL' && spot.argIndex === 0) return ttlHover(d.args[0], md, locale);
      return null;
    }
    case 'owner': {
      const r = spot.record;
      const types = index.at(r.owner).map((x) => x.type);
      return md(`\`${r.owner}\`\n\n${t(locale, 'zone.hover.records-here', [...new Set(types)].join(', '))}`);
    }
    case 'ttl':
      return ttlHover(spot.text, md, locale);
    case 'class':
      return md(spot.text.toUpperCase() === 'IN' ? t(locale, 'zone.hover.class-in') : t(locale, 'zone.hover.class-other', spot.text));
    case 'type': {
      const info = RECORD_TYPES[spot.record.type];
      const code = typeCode(spot.record.type);
      if (!info) return md(code >= 0 ? t(locale, 'zone.hover.generic-type', spot.record.type, code) : t(locale, 'zone.hover.unknown-type', spot.text));
      const meaning = locale === 'es' ? (RECORD_TYPE_MEANINGS_ES[spot.record.type] ?? info.meaning) : info.meaning;
      return md(t(locale, 'zone.hover.type', spot.record.type, info.code, meaning));
    }
    case 'data': {
      const r = spot.record;
      const i = spot.index;
      const lines: string[] = [];
      if (r.type === 'SOA') {
        const f = SOA_FIELDS[i];
        if (!f) return null;
        lines.push(`**SOA ${inLocale(f.label, locale)}**: ${inLocale(f.doc, locale)}`);
        if (i === 1) lines.push(`\n${t(locale, 'zone.hover.mailbox', `\`${mailbox(absoluteName(spot.text, zone.origin))}\``)}`);
        if (i === 2) {
          const form = serialForm(Number(spot.text));
          lines.push(`\n${t(locale, `zone.hover.scheme-${form.scheme}`)}`);
        }
        if (i >= 3) {
          const s = parseTtl(spot.text);
          if (s >= 0) lines.push(`\n${t(locale, 'zone.hover.seconds', s, humanTtl(s, locale))}`);
        }
      } else if (DATA_FIELDS[r.type]?.[i] !== undefined) {
        lines.push(`**${r.type} ${inLocale(DATA_FIELDS[r.type][Math.min(i, DATA_FIELDS[r.type].length - 1)], locale)}**`);
      }
      if ((NAME_FIELDS[r.type] ?? []).includes(i) && spot.text !== '.') {
        const fqdn = absoluteName(spot.text, zone.origin);
        const here = index.at(fqdn);
        lines.push(`\n\`${fqdn}\`${here.length ? `: ${t(locale, 'zone.hover.in-this-zone', [...new Set(here.map((x) => x.type))].join(', '))}` : ''}`);
      }
      if (r.type === 'TXT') {
        const policyDoc = policyHover(r.owner, spot, pos.character - (spot.start - zone.source.lineStarts[pos.line]), locale);
        if (policyDoc) lines.push(policyDoc);
      }
      return lines.length ? md(lines.join('\n')) : null;
    }
  }
}

function ttlHover(text: string, md: (v: string) => Hover, locale: Locale): Hover | null {
  const s = parseTtl(text);
  return s < 0 ? null : md(`**TTL** ${t(locale, 'zone.hover.seconds', s, humanTtl(s, locale))}`);
}

function mailbox(rname: string): string {
  const m = /^((?:[^.\\]|\\.)+)\.(.+)\.$/.exec(rname);
  return m ? `${m[1].replace(/\\\./g, '.')}@${m[2]}` : rname;
}

/** The SPF term or policy tag under the cursor inside one TXT string token. */
function policyHover(owner: string, spot: { text: string; tokens: { quoted: Uint8Array }; index: number }, column: number, locale: Locale): string | undefined {
  const quoted = spot.tokens.quoted[spot.index] === 1;
  const value = decodeString(spot.text, 0, spot.text.length, quoted);
  const at = Math.max(0, Math.min(value.length, column - (quoted ? 1 : 0)));
  const policy = policyOf(owner, value) ?? (/v=spf1/i.test(value) ? 'spf' : undefined);
  if (policy === 'spf' || (!policy && /^\s*[+\-~?]?(all|include:|a\b|mx\b|ip[46]:|exists:|redirect=)/i.test(value))) {
    const start = value.lastIndexOf(' ', at - 1) + 1;
    const endSpace = value.indexOf(' ', at);
    const word = value.slice(start, endSpace < 0 ? value.length : endSpace).replace(/^[+\-~?]/, '');
    const name = word.toLowerCase() === 'v=spf1' ? 'v=spf1' : word.split(/[:=/]/)[0].toLowerCase();
    const doc = SPF_TERM_DOCS[name];
    return doc ? `\n**SPF \`${name}\`**: ${inLocale(doc, locale)}` : undefined;
  }
  const docs = policy === 'dmarc' ? DMARC_TAG_DOCS : policy === 'dkim' ? DKIM_TAG_DOCS : policy === 'mta-sts' ? MTA_STS_TAG_DOCS : policy === 'tlsrpt' ? TLSRPT_TAG_DOCS : undefined;
  if (!docs) return undefined;
  const start = value.lastIndexOf(';', at - 1) + 1;
  const tag = value.slice(start).split('=')[0].trim();
  return docs[tag] ? `\n**${policy!.toUpperCase()} \`${tag}=\`**: ${inLocale(docs[tag], locale)}` : undefined;
}

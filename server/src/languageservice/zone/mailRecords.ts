// Which mail policy a TXT or TLSA record is, by its owner name and first tag, and its checks.
import { nameKey, RecordTable, recordData, recordTokens, ZoneFile, ZoneRecord } from '../../parsers/zone';
import { checkDkim } from '../../zone/dkim';
import { checkDmarc } from '../../zone/dmarc';
import { checkMtaSts, checkTlsa, checkTlsRpt } from '../../zone/policies';
import { problem, RecordProblem } from '../../zone/problem';
import type { Localized } from '../../l10n';
import { checkSpf, isSpf } from '../../zone/spf';
import { RANK } from './findings';
import type { Items } from './items';
import { rdataSpan, Span, typeSpan } from './spans';

export type MailPolicy = 'spf' | 'dmarc' | 'dkim' | 'mta-sts' | 'tlsrpt';

/** The policy a TXT record at `owner` holding `text` is meant to be, if any. */
export function policyOf(owner: string, text: string): MailPolicy | undefined {
  const key = nameKey(owner);
  if (key.startsWith('_dmarc.')) return 'dmarc';
  // ADSP (RFC 5617, historic since 2013) lives under _domainkey but holds no key.
  if (key.startsWith('_adsp._domainkey.')) return undefined;
  if (/^[^.]+\._domainkey\./.test(key) || key.includes('._domainkey.')) return 'dkim';
  if (key.startsWith('_mta-sts.')) return 'mta-sts';
  if (key.startsWith('_smtp._tls.')) return 'tlsrpt';
  if (isSpf(text)) return 'spf';
  return undefined;
}

/** How messages name each policy: CI logs show the message without the line it is about. */
const POLICY_NAMES: Record<MailPolicy, string> = { spf: 'SPF', dmarc: 'DMARC', dkim: 'DKIM', 'mta-sts': 'MTA-STS', tlsrpt: 'TLSRPT' };

/** A policy problem as a message that names its policy first ("DMARC: ..."), in any language. */
function prefixed(policy: string, p: { key: Localized['key']; args: Localized['args'] }): Localized {
  return { key: 'zone.policy.prefixed', args: [policy, { key: p.key, args: p.args }] };
}

const CHECKS: Record<MailPolicy, (text: string) => RecordProblem[]> = {
  spf: checkSpf,
  dmarc: checkDmarc,
  dkim: checkDkim,
  'mta-sts': checkMtaSts,
  tlsrpt: checkTlsRpt,
};

/**
 * Cheap test before reading a record's data: policies live at '_' names (DMARC, DKIM, MTA-STS,
 * TLSRPT) or start with 'v=' (SPF), so most TXT records of a big zone are skipped unread.
 */
function mayBePolicy(t: RecordTable, i: number): boolean {
  const code = t.typeCode[i];
  if (code === 99) return true;
  if (code !== 16) return false;
  // Owners relative to the apex: policy names start with '_' or have a '_' label inside.
  const owner = t.owner[i];
  if (owner.charCodeAt(0) === 95 || owner.includes('._') || (t.apex ?? '').startsWith('_')) return true;
  const generated = t.generated.get(i);
  const src = generated ?? t.sources[t.sourceIndex[i]].text;
  let at = generated !== undefined ? 0 : t.rdataStart[i];
  while (src.charCodeAt(at) === 40 || src.charCodeAt(at) === 32 || src.charCodeAt(at) === 9) at++;
  if (src.charCodeAt(at) === 34) at++;
  return (src.charCodeAt(at) | 0x20) === 118;
}

/** The policy checks of row i: TLSA data, the obsolete SPF type, and SPF, DMARC, DKIM, MTA-STS and TLSRPT text. */
export function mailPolicyLints(zone: ZoneFile, i: number, out: Items): void {
  const t = zone.table;
  const code = t.typeCode[i];
  // TXT, SPF and TLSA are the only types with mail policies.
  if (code === 52) {
    checkTlsaRecord(zone, t.record(i), out);
    return;
  }
  if (!mayBePolicy(t, i)) return;
  const r = t.record(i);
  const data = recordData(r, zone.origin);
  if (!data || (data.type !== 'TXT' && data.type !== 'SPF')) return;
  const text = data.strings.join('');
  let ord = 0;
  if (r.type === 'SPF') {
    out.add(RANK.mailPolicy, ord++, i, 'spf-record-type', 'warning', prefixed('SPF', { key: 'zone.spf.record-type', args: [] }), typeSpan(t, i), {}, 'range');
  }
  const policy = policyOf(r.owner, text);
  if (!policy) return;
  // A DKIM owner may hold other TXT (rare); only records that look like the policy are checked
  // for DMARC/MTA-STS/TLSRPT when they are not versioned, the version check reports it.
  const joined = p2s(r, text);
  for (const p of CHECKS[policy](text)) {
    out.add(RANK.mailPolicy, ord++, i, p.code, p.severity, prefixed(POLICY_NAMES[policy], p), problemSpan(r, joined, p));
  }
}

/** True when row i is an SPF policy published as TXT (a name may have one). */
function isSpfTxt(zone: ZoneFile, i: number): boolean {
  const t = zone.table;
  if (t.typeCode[i] === 52 || !mayBePolicy(t, i)) return false;
  const r = t.record(i);
  if (r.type !== 'TXT') return false;
  const data = recordData(r, zone.origin);
  if (!data || (data.type !== 'TXT' && data.type !== 'SPF')) return false;
  return policyOf(r.owner, data.strings.join('')) === 'spf';
}

/** More than one SPF policy among the rows of one name (`rows[0..n)`, in file order). */
export function spfMultiple(zone: ZoneFile, rows: number[], n: number, out: Items): void {
  // Only TXT records count (isSpfTxt), so a name with fewer than two has nothing to report. Most
  // names of a big zone are such: this keeps isSpfTxt, which reads record data, out of the hot loop.
  const codes = zone.table.typeCode;
  let txt = 0;
  for (let k = 0; k < n && txt < 2; k++) if (codes[rows[k]] === 16) txt++;
  if (txt < 2) return;
  let spf: number[] | undefined;
  for (let k = 0; k < n; k++) if (isSpfTxt(zone, rows[k])) (spf ??= []).push(rows[k]);
  if (!spf || spf.length < 2) return;
  const t = zone.table;
  for (const i of spf.slice(1)) {
    out.add(RANK.spfMultiple, 0, i, 'spf-multiple', 'warning', prefixed('SPF', { key: 'zone.spf.multiple', args: [t.ownerName(i), spf.length] }), rdataSpan(t, i));
  }
}

/**
 * A name of its own '_' label, such as `_dane`, that _port._proto owners share through CNAME
 * (RFC 7671 §7). A host name, or a service name missing its port or protocol, is the mistake.
 */
function isSharedTlsaName(owner: string): boolean {
  const [first, second = ''] = owner.split('.');
  const protocol = /^_?(?:tcp|udp|sctp)$/i;
  return /^_[a-z]/i.test(first) && !protocol.test(first) && !protocol.test(second);
}

/** SMTP to an MX, submission with implicit TLS and with STARTTLS: where RFC 7672's usages apply. */
const SMTP_PORTS = new Set([25, 465, 587]);

function checkTlsaRecord(zone: ZoneFile, r: ZoneRecord, out: Items): void {
  const data = recordData(r, zone.origin);
  if (!data || data.type !== 'TLSA') return;
  const service = /^_(\d{1,5})\._(?:tcp|udp|sctp)(?:\.|$)/i.exec(r.owner);
  const problems = checkTlsa(data.usage, data.selector, data.matchingType, data.hex, service !== null && SMTP_PORTS.has(Number(service[1])));
  if (!service && !isSharedTlsaName(r.owner)) {
    problems.push(problem('tlsa-owner', 'warning', 'zone.tlsa.owner', [zone.origin]));
  }
  let ord = 0;
  for (const p of problems) out.add(RANK.mailPolicy, ord++, r.index, p.code, p.severity, prefixed('TLSA', p), rdataSpan(zone.table, r.index));
}

/**
 * For each character of the policy text (the TXT strings decoded and joined), where it was
 * written: quotes and escapes make the two differ. Undefined when the text cannot be mapped
 * (generated records, or a decoding that does not match).
 */
function p2s(r: ZoneRecord, expected: string): { from: number[]; to: number[] } | undefined {
  if (r.generated !== undefined) return undefined;
  const tokens = recordTokens(r);
  const src = tokens.text;
  const from: number[] = [];
  const to: number[] = [];
  let text = '';
  for (let k = 0; k < tokens.count; k++) {
    let s = tokens.starts[k];
    let e = tokens.ends[k];
    if (tokens.quoted[k]) {
      s++;
      if (e > s && src.charCodeAt(e - 1) === 34) e--;
    }
    for (let i = s; i < e; ) {
      let w = 1;
      let ch = src[i];
      if (ch === '\\') {
        const d = src.charCodeAt(i + 1);
        if (d >= 48 && d <= 57 && i + 3 < e + 1) {
          ch = String.fromCharCode(Number(src.slice(i + 1, i + 4)) & 0xff);
          w = 4;
        } else if (i + 1 < e) {
          ch = src[i + 1];
          w = 2;
        }
      }
      text += ch;
      from.push(i);
      to.push(Math.min(i + w, e));
      i += w;
    }
  }
  return text === expected ? { from, to } : undefined;
}

function problemSpan(r: ZoneRecord, map: { from: number[]; to: number[] } | undefined, p: RecordProblem): Span {
  if (!map || p.start === undefined || p.end === undefined || p.end <= p.start || p.end > map.to.length) return rdataSpan(r.table, r.index);
  return [map.from[p.start], map.to[p.end - 1]];
}

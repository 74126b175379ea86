// SPF records (RFC 7208): version, mechanisms with their qualifiers, modifiers, and the limit of
// 10 terms that make DNS lookups (§4.6.4), past which receivers return permerror.
import { isIPv4At, isIPv6At } from '../parsers/zone/lexical';
import type { RecordProblem } from './problem';

const LOOKUP_TERMS = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

export function isSpf(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text);
}

export interface SpfTerm {
  qualifier: string;
  name: string;
  /** Argument after ':' or '=' (or the cidr suffix for a/mx). */
  value: string;
  modifier: boolean;
  /** Offsets of the term in the record text. */
  start: number;
  end: number;
}

export function parseSpfTerms(text: string): SpfTerm[] {
  const terms: SpfTerm[] = [];
  const re = /\S+/g;
  re.exec(text); // the version
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const start = m.index;
    const end = start + t.length;
    const mod = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(t);
    if (mod) {
      terms.push({ qualifier: '', name: mod[1].toLowerCase(), value: mod[2], modifier: true, start, end });
      continue;
    }
    const q = /^[+\-~?]/.test(t) ? t[0] : '';
    const body = t.slice(q.length);
    const sep = body.search(/[:/]/);
    const name = (sep < 0 ? body : body.slice(0, sep)).toLowerCase();
    const value = sep < 0 ? '' : body[sep] === ':' ? body.slice(sep + 1) : body.slice(sep);
    terms.push({ qualifier: q, name, value, modifier: false, start, end });
  }
  return terms;
}

function domainSpecProblem(spec: string): string | undefined {
  if (spec === '') return 'an empty domain';
  // Macros (%{i}, %%, %_, %-) are allowed; anything else after % is not (RFC 7208 §7.1).
  const bad = /%(?![{%_-])/.exec(spec);
  if (bad) return `a stray '%' in '${spec}' (write %% for a literal percent sign)`;
  if (/%\{(?![slodiphcrtv]\d*r?[-.+,/_=]*\})/i.test(spec)) return `an invalid macro in '${spec}'`;
  if (!spec.includes('%') && !/^[A-Za-z0-9_.-]+\.?$/.test(spec)) return `'${spec}', which is not a domain name`;
  if (!spec.includes('%') && !spec.replace(/\.$/, '').includes('.')) return `'${spec}', which has no dot (a fully qualified domain is expected)`;
  return undefined;
}

function cidr(value: string, max: number): boolean {
  return /^\d{1,3}$/.test(value) && Number(value) <= max;
}

export function checkSpf(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!/^v=spf1(\s|$)/.test(text.trim())) {
    const first = /\S+/.exec(text);
    out.push({ code: 'spf-version', severity: 'warning', message: "An SPF record must start with exactly 'v=spf1' followed by a space", start: first?.index, end: first ? first.index + first[0].length : undefined });
    return out;
  }
  const terms = parseSpfTerms(text);
  let lookups = 0;
  let sawAll = false;
  let redirect = false;
  const seenModifiers = new Set<string>();
  for (const t of terms) {
    const shown = `${t.qualifier}${t.name}${t.value ? (t.modifier ? '=' : t.value.startsWith('/') ? '' : ':') + t.value : ''}`;
    if (sawAll && !t.modifier) out.push({ code: 'spf-after-all', severity: 'warning', message: `'${shown}' comes after 'all' and is never evaluated`, start: t.start, end: t.end });
    if (LOOKUP_TERMS.has(t.name)) lookups++;
    if (t.modifier) {
      if (t.name === 'redirect' || t.name === 'exp') {
        if (seenModifiers.has(t.name)) out.push({ code: 'spf-duplicate-modifier', severity: 'warning', message: `'${t.name}=' appears twice; receivers return permerror (RFC 7208 §6)`, start: t.start, end: t.end });
        seenModifiers.add(t.name);
        const p = domainSpecProblem(t.value);
        if (p) out.push({ code: 'spf-bad-domain', severity: 'warning', message: `'${t.name}=' has ${p}`, start: t.start, end: t.end });
        if (t.name === 'redirect') redirect = true;
      }
      continue;
    }
    switch (t.name) {
      case 'all':
        if (t.value) out.push({ code: 'spf-syntax', severity: 'warning', message: `'all' takes no argument`, start: t.start, end: t.end });
        if (t.qualifier === '+' || t.qualifier === '') out.push({ code: 'spf-pass-all', severity: 'warning', message: `'${t.qualifier}all' lets every server on the internet send as this domain; use '-all' or '~all'`, start: t.start, end: t.end });
        sawAll = true;
        break;
      case 'include':
      case 'exists': {
        const p = domainSpecProblem(t.value);
        if (p) out.push({ code: 'spf-bad-domain', severity: 'warning', message: `'${t.name}:' has ${p}`, start: t.start, end: t.end });
        break;
      }
      case 'a':
      case 'mx': {
        const m = /^([^/]*)(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(t.value);
        if (!m || (m[2] !== undefined && !cidr(m[2], 32)) || (m[3] !== undefined && !cidr(m[3], 128))) {
          out.push({ code: 'spf-syntax', severity: 'warning', message: `'${shown}' has a bad prefix length (IPv4 /0-32, IPv6 //0-128)`, start: t.start, end: t.end });
          break;
        }
        if (m[1] !== '') {
          const p = domainSpecProblem(m[1]);
          if (p) out.push({ code: 'spf-bad-domain', severity: 'warning', message: `'${t.name}:' has ${p}`, start: t.start, end: t.end });
        }
        break;
      }
      case 'ptr':
        out.push({ code: 'spf-ptr', severity: 'warning', message: "'ptr' is slow and unreliable and should not be used (RFC 7208 §5.5)", start: t.start, end: t.end });
        break;
      case 'ip4': {
        const [addr, len, extra] = t.value.split('/');
        if (!isIPv4At(addr, 0, addr.length) || (len !== undefined && !cidr(len, 32)) || extra !== undefined) {
          out.push({ code: 'spf-bad-ip', severity: 'warning', message: `'${shown}' is not an IPv4 address or network (like 192.0.2.0/24)`, start: t.start, end: t.end });
        }
        break;
      }
      case 'ip6': {
        const slash = t.value.lastIndexOf('/');
        const addr = slash < 0 ? t.value : t.value.slice(0, slash);
        const len = slash < 0 ? undefined : t.value.slice(slash + 1);
        if (!isIPv6At(addr, 0, addr.length) || (len !== undefined && !cidr(len, 128))) {
          out.push({ code: 'spf-bad-ip', severity: 'warning', message: `'${shown}' is not an IPv6 address or network (like 2001:db8::/32)`, start: t.start, end: t.end });
        }
        break;
      }
      default:
        out.push({ code: 'spf-unknown-mechanism', severity: 'warning', message: `Unknown SPF mechanism '${t.name}'; receivers return permerror (known: all, include, a, mx, ptr, ip4, ip6, exists)`, start: t.start, end: t.end });
    }
  }
  if (lookups > 10) out.push({ code: 'spf-too-many-lookups', severity: 'warning', message: `${lookups} terms need DNS lookups (include, a, mx, ptr, exists, redirect); more than 10 makes receivers return permerror (RFC 7208 §4.6.4)` });
  if (redirect && sawAll) out.push({ code: 'spf-redirect-ignored', severity: 'warning', message: "'redirect=' is ignored because the record has an 'all' mechanism" });
  if (!sawAll && !redirect) out.push({ code: 'spf-no-all', severity: 'info', message: "No 'all' or 'redirect=': mail from unlisted servers gets a neutral result; end with '-all' or '~all'" });
  return out;
}

/** What each SPF term means, for hovers (our own summary of RFC 7208 §5 and §6). */
export const SPF_TERM_DOCS: Record<string, string> = {
  all: 'Matches every sender. Put it last: `-all` fails the rest, `~all` soft-fails, `?all` is neutral, `+all` lets anyone send.',
  include: "Evaluates another domain's SPF record; matches when that record passes. Costs one DNS lookup.",
  a: "Matches when the sender's IP is one of the A/AAAA addresses of the domain (this one by default). Costs one DNS lookup.",
  mx: "Matches when the sender's IP is an address of one of the domain's MX hosts. Costs one DNS lookup.",
  ptr: 'Matches when the reverse name of the sender validates inside the domain. Slow; do not use.',
  ip4: 'Matches an IPv4 address or network, like ip4:192.0.2.0/24. No DNS lookup.',
  ip6: 'Matches an IPv6 address or network, like ip6:2001:db8::/32. No DNS lookup.',
  exists: 'Matches when an A lookup of the (usually macro-built) domain returns anything. Costs one DNS lookup.',
  redirect: "Modifier: when nothing else matched, use another domain's SPF record instead. Costs one DNS lookup.",
  exp: 'Modifier: a domain whose TXT record explains a failure to the sender.',
  'v=spf1': 'Marks this TXT record as an SPF policy (RFC 7208). A name may have only one.',
};

// The MTA-STS policy file (RFC 8461 §3.2) a sender fetches from
// https://mta-sts.<domain>/.well-known/mta-sts.txt once the _mta-sts TXT record announces one: its
// syntax, and its mx patterns against the MX hosts the name server serves (in enforce mode a
// sender refuses to deliver to an MX no pattern matches).
import { t, type MessageKey } from '../../l10n';
import { fail, pass, type CheckContext, type DnsCheck } from './types';

export interface MtaStsPolicy {
  version?: string;
  mode?: string;
  mx: string[];
  maxAge?: number;
  /** Each problem as a message key and its arguments, in file order then whole-policy ones. */
  problems: Array<{ key: MessageKey; args: Array<string | number> }>;
}

/** RFC 8461 §3.2: max_age is at most 31557600 seconds (a year). */
const MAX_AGE_LIMIT = 31_557_600;

export function parseMtaStsPolicy(text: string): MtaStsPolicy {
  const policy: MtaStsPolicy = { mx: [], problems: [] };
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^([A-Za-z0-9_]+)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      policy.problems.push({ key: 'dns.mta-sts.not-key-value', args: [i + 1, line] });
      return;
    }
    const [, key, value] = m;
    if (key !== 'mx' && seen.has(key)) policy.problems.push({ key: 'dns.mta-sts.twice', args: [i + 1, key] });
    seen.add(key);
    if (key === 'version') policy.version = value;
    else if (key === 'mode') policy.mode = value;
    else if (key === 'mx') policy.mx.push(value.toLowerCase().replace(/\.$/, ''));
    else if (key === 'max_age') {
      if (/^\d{1,10}$/.test(value) && Number(value) <= MAX_AGE_LIMIT) policy.maxAge = Number(value);
      else policy.problems.push({ key: 'dns.mta-sts.max-age', args: [i + 1, value, MAX_AGE_LIMIT] });
    }
  });
  if (policy.version !== 'STSv1') policy.problems.push({ key: 'dns.mta-sts.version', args: [policy.version ?? '—'] });
  if (!['enforce', 'testing', 'none'].includes(policy.mode ?? '')) policy.problems.push({ key: 'dns.mta-sts.mode', args: [policy.mode ?? '—'] });
  if (!seen.has('max_age')) policy.problems.push({ key: 'dns.mta-sts.no-max-age', args: [] });
  if (policy.mode !== 'none' && policy.mx.length === 0) policy.problems.push({ key: 'dns.mta-sts.no-mx', args: [] });
  return policy;
}

/** RFC 8461 §4.1: a pattern matches the host itself, or with '*.' exactly one leftmost label. */
export function mxPatternMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return h === p;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

export type PolicyFetch = { text: string; url: string } | { error: string; url: string };

export function checkMtaStsPolicy(ctx: CheckContext, fetched: PolicyFetch, mxHosts: string[]): DnsCheck[] {
  const { locale } = ctx;
  const name = `mta-sts.${ctx.domain}`;
  if ('error' in fetched) return [fail('mta-sts-policy', 'warning', t(locale, 'dns.mta-sts-fetch', fetched.url, fetched.error), { name })];
  const policy = parseMtaStsPolicy(fetched.text);
  if (policy.problems.length) return [fail('mta-sts-policy', 'warning', t(locale, 'dns.mta-sts-syntax', fetched.url, policy.problems.map((p) => t(locale, p.key, ...p.args)).join('; ')), { name, served: fetched.text.trim() })];
  const out = [pass('mta-sts-policy', t(locale, 'dns.mta-sts-ok', fetched.url, policy.mode ?? '', policy.maxAge ?? 0), { name, served: fetched.text.trim() })];
  if (policy.mode === 'none') return out;
  const unmatched = mxHosts.filter((h) => !policy.mx.some((p) => mxPatternMatches(p, h)));
  if (unmatched.length) out.push(fail('mta-sts-mx', policy.mode === 'enforce' ? 'error' : 'warning', t(locale, 'dns.mta-sts-mx', unmatched.join(', '), policy.mx.join(', ')), { name, expected: unmatched.join('; '), served: policy.mx.join('; ') }));
  else out.push(pass('mta-sts-mx', t(locale, 'dns.mta-sts-mx-ok', mxHosts.join(', ')), { name, served: policy.mx.join('; ') }));
  return out;
}

/** The policy and id a previous run saw for the domain (the CLI keeps them in its cache folder). */
export interface SeenPolicy {
  id: string;
  text: string;
}

/** The id= of an MTA-STS TXT record. */
export function mtaStsId(txt: string): string | undefined {
  return /(?:^|;)\s*id\s*=\s*([^;\s]*)/.exec(txt)?.[1];
}

/**
 * RFC 8461 §3.1: the TXT record's id must change whenever the policy does, or senders keep the
 * policy they cached (for up to max_age). Judged against what an earlier run saw.
 */
export function checkMtaStsId(ctx: CheckContext, id: string, fetched: PolicyFetch, previous: SeenPolicy | undefined): DnsCheck[] {
  if ('error' in fetched || !previous) return [];
  const { locale } = ctx;
  const name = `_mta-sts.${ctx.domain}`;
  const changed = previous.text.trim() !== fetched.text.trim();
  if (changed && previous.id === id) return [fail('mta-sts-id-mismatch', 'warning', t(locale, 'dns.mta-sts-id-stale', id), { name, expected: `id ≠ ${id}`, served: `id=${id}` })];
  return [pass('mta-sts-id-mismatch', t(locale, changed ? 'dns.mta-sts-id-new' : 'dns.mta-sts-id-same', id), { name, served: `id=${id}` })];
}

// The mail policies as served, read by the same checkers as the zone lints (server/src/zone):
// SPF at the domain (and its DNS-lookup count with every include and redirect followed), DMARC at
// _dmarc, DKIM at <selector>._domainkey, MTA-STS at _mta-sts and TLSRPT at _smtp._tls.
import { t } from '../../l10n';
import { checkDkim } from '../../zone/dkim';
import { checkDmarc } from '../../zone/dmarc';
import { checkMtaSts, checkTlsRpt } from '../../zone/policies';
import type { RecordProblem } from '../../zone/problem';
import { checkSpf, isSpf, parseSpfTerms } from '../../zone/spf';
import { txtJoined } from '../presentation';
import { errorText, fail, pass, recordsAt, type CheckContext, type DnsCheck, type Severity } from './types';

/** RFC 7208 §4.6.4: more DNS-querying terms than this is a permerror. */
export const SPF_LOOKUP_LIMIT = 10;
const LOOKUP_TERMS = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

interface Policy {
  kind: string;
  name: string;
  /** Whether a TXT string is this policy (a DKIM record may lack its v= tag, so every TXT counts). */
  is: (text: string) => boolean;
  check: (text: string) => RecordProblem[];
  /** Severity of a missing record. */
  missing: Severity;
}

/** The TXT texts (strings joined) at `name`, or the error of the question. */
async function txtAt(ctx: CheckContext, name: string): Promise<{ texts: string[]; rcode: string } | string> {
  try {
    const served = await ctx.ask(name, 'TXT');
    return { texts: recordsAt(served, name, 'TXT').map((r) => txtJoined(r.data)), rcode: served.rcode };
  } catch (err) {
    return errorText(err);
  }
}

async function checkPolicy(ctx: CheckContext, p: Policy): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const got = await txtAt(ctx, p.name);
  if (typeof got === 'string') return [fail(`${p.kind}-missing`, 'warning', t(locale, 'dns.query-failed', p.name, 'TXT', got), { name: p.name })];
  const texts = got.texts.filter(p.is);
  const label = p.kind.toUpperCase();
  if (texts.length === 0) return [fail(`${p.kind}-missing`, p.missing, t(locale, 'dns.policy-missing', label, p.name), { name: p.name, served: got.rcode === 'NOERROR' ? '' : got.rcode })];
  if (texts.length > 1) return [fail(`${p.kind}-several`, 'warning', t(locale, 'dns.policy-several', p.name, texts.length, label), { name: p.name, served: texts.join(' | ') })];
  const text = texts[0];
  const problems = p.check(text);
  // Facts about a valid record (an RSA key's size) are details of the pass, not findings.
  const facts = problems.filter((x) => x.code.endsWith('-key-length'));
  const findings = problems.filter((x) => !facts.includes(x));
  if (findings.length === 0) {
    const detail = facts.map((f) => t(locale, f.key, ...f.args)).join('; ');
    return [pass(`${p.kind}-missing`, t(locale, 'dns.policy-ok', label, p.name) + (detail ? ` (${detail})` : ''), { name: p.name, served: text })];
  }
  return findings.map((x) => fail(x.code, x.severity, t(locale, 'dns.policy-problem', label, p.name, t(locale, x.key, ...x.args)), { name: p.name, served: text }));
}

/**
 * The lookups an SPF record costs, as an evaluator spends them: every include: and redirect= is
 * followed, and a record included twice is counted twice. A loop (a record including one of its
 * includers) stops that branch; the walk stops once the count is far past the limit.
 */
export async function spfLookups(ctx: CheckContext, domain: string, path: string[] = [], budget = { left: 4 * SPF_LOOKUP_LIMIT }): Promise<{ count: number; uncounted: string[] }> {
  const key = domain.toLowerCase().replace(/\.?$/, '.');
  if (path.includes(key) || budget.left <= 0) return { count: 0, uncounted: [] };
  const got = await txtAt(ctx, key);
  const record = typeof got === 'string' ? undefined : got.texts.find(isSpf);
  if (record === undefined) return { count: 0, uncounted: [key] };
  let count = 0;
  const uncounted: string[] = [];
  for (const term of parseSpfTerms(record)) {
    if (!LOOKUP_TERMS.has(term.name)) continue;
    count++;
    budget.left--;
    if ((term.name === 'include' || term.name === 'redirect') && term.value && !term.value.includes('%')) {
      const inner = await spfLookups(ctx, term.value, [...path, key], budget);
      count += inner.count;
      uncounted.push(...inner.uncounted);
    }
  }
  return { count, uncounted };
}

export async function checkMailRecords(ctx: CheckContext, selectors: { given: string[]; inZone: string[] }): Promise<DnsCheck[]> {
  const { domain, locale } = ctx;
  const out: DnsCheck[] = [];
  const spf: Policy = { kind: 'spf', name: domain, is: isSpf, check: checkSpf, missing: 'warning' };
  out.push(...(await checkPolicy(ctx, spf)));
  if (out.every((c) => c.code !== 'spf-missing' || c.ok)) {
    const { count, uncounted } = await spfLookups(ctx, domain);
    const extra = uncounted.filter((u) => u !== domain);
    const base = count > SPF_LOOKUP_LIMIT ? t(locale, 'dns.spf-too-many', domain, count) : t(locale, 'dns.spf-lookups', domain, count);
    const message = extra.length ? t(locale, 'dns.spf-uncounted', base, extra.join(', ')) : base;
    out.push(count > SPF_LOOKUP_LIMIT ? fail('spf-lookups', 'warning', message, { name: domain, expected: `≤ ${SPF_LOOKUP_LIMIT}`, served: String(count) }) : pass('spf-lookups', message, { name: domain, served: String(count) }));
  }
  out.push(...(await checkPolicy(ctx, { kind: 'dmarc', name: `_dmarc.${domain}`, is: (s) => /^\s*v\s*=\s*DMARC1/i.test(s), check: checkDmarc, missing: 'warning' })));
  out.push(...(await checkDkimSelectors(ctx, selectors)));
  out.push(...(await checkPolicy(ctx, { kind: 'mta-sts', name: `_mta-sts.${domain}`, is: (s) => /^\s*v\s*=\s*STSv1/i.test(s), check: checkMtaSts, missing: 'info' })));
  out.push(...(await checkPolicy(ctx, { kind: 'tlsrpt', name: `_smtp._tls.${domain}`, is: (s) => /^\s*v\s*=\s*TLSRPTv1/i.test(s), check: checkTlsRpt, missing: 'info' })));
  return out;
}

async function checkDkimSelectors(ctx: CheckContext, selectors: { given: string[]; inZone: string[] }): Promise<DnsCheck[]> {
  const { domain, locale } = ctx;
  const wanted = selectors.given.length ? selectors.given : selectors.inZone;
  if (wanted.length === 0) return [fail('dkim-missing', 'info', t(locale, 'dns.dkim-no-selector', domain), { name: `_domainkey.${domain}` })];
  const out: DnsCheck[] = [];
  for (const selector of wanted) {
    const name = `${selector}._domainkey.${domain}`;
    const found = await checkPolicy(ctx, { kind: 'dkim', name, is: () => true, check: checkDkim, missing: 'error' });
    const missing = found.find((c) => c.code === 'dkim-missing' && !c.ok);
    const others = selectors.inZone.filter((s) => !wanted.includes(s));
    if (missing && others.length) missing.message = t(locale, 'dns.dkim-elsewhere', selector, name, others.map((s) => `${s}._domainkey`).join(', '));
    if (missing) missing.expected = `${name} TXT`;
    out.push(...found);
  }
  return out;
}

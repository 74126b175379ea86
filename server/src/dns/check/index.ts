// dns-check: every check of a mail domain's served DNS, in the order a person reads them: is the
// zone served at all, is it the file's version, the mail chain, the aliases, the mail policies,
// then the live SMTP server. A pure function of the answers `ask` gives (and of what the SMTP
// probe saw); only an unreachable name server ends it early (DnsError, exit status 3 in the CLI).
import { t, type Locale } from '../../l10n';
import type { ZoneFile } from '../../parsers/zone';
import { DnsError } from '../client';
import { canonicalName } from '../presentation';
import { checkLiveSmtp, type SmtpFacts } from './liveSmtp';
import { checkAliases, checkMailChain } from './mailChain';
import { checkMailRecords } from './mailRecords';
import { checkMtaStsId, checkMtaStsPolicy, type PolicyFetch, type SeenPolicy } from './mtaSts';
import { checkPostfixNames, type PostfixNames } from './postfixNames';
import { errorText, fail, mxHosts, pass, recordsAt, soaSerial, type Ask, type CheckContext, type DnsCheck } from './types';
import { checkSerial, compareRecordSets, fileSerial, servedOnly } from './zoneVsServed';
import type { ServedRecord } from '../wire';

export type { DnsCheck, Ask, Served } from './types';
export type { SmtpFacts } from './liveSmtp';
export type { PolicyFetch, SeenPolicy } from './mtaSts';

export interface DnsCheckInput {
  domain: string;
  /** As shown in the report: the server asked. */
  server: string;
  ask: Ask;
  locale: Locale;
  /** The zone file of the domain, parsed, when there is one. */
  zone?: ZoneFile;
  /** DKIM selectors to look up; without them, those the zone file publishes. */
  selectors?: string[];
  /** The zone by AXFR, to find what the server has and the file does not; rejects when refused. */
  transfer?: () => Promise<ServedRecord[]>;
  /** The live SMTP server's side, when it was probed. */
  smtp?: SmtpFacts;
  /** myhostname and mydestination of the workspace's main.cf, when there is one. */
  postfix?: PostfixNames;
  /** The MTA-STS policy file as fetched, when the domain announces one and the live side was asked. */
  mtaSts?: PolicyFetch & { id: string };
  /** The policy and id an earlier run saw, to tell a policy changed under the same id. */
  mtaStsSeen?: SeenPolicy;
}

export interface DnsCheckReport {
  domain: string;
  server: string;
  checks: DnsCheck[];
}

/** Names the lesson sets up as aliases, plus every CNAME owner of the zone file. */
function aliasNames(domain: string, zone: ZoneFile | undefined): string[] {
  const names = [`smtp.${domain}`, `imap.${domain}`];
  for (const r of zone?.records ?? []) if (r.type === 'CNAME') names.push(canonicalName(r.owner));
  return [...new Set(names)];
}

/** Selectors of the <selector>._domainkey.<domain> owners in the zone file. */
export function zoneSelectors(domain: string, zone: ZoneFile | undefined): string[] {
  const suffix = `._domainkey.${domain}`;
  const out = new Set<string>();
  for (const r of zone?.records ?? []) {
    const owner = canonicalName(r.owner);
    if (r.type === 'TXT' && owner.endsWith(suffix) && owner.length > suffix.length) out.add(owner.slice(0, -suffix.length));
  }
  return [...out];
}

export async function runDnsCheck(input: DnsCheckInput): Promise<DnsCheckReport> {
  const domain = canonicalName(input.domain);
  const ctx: CheckContext = { ask: input.ask, locale: input.locale, domain };
  const { locale } = input;
  const checks: DnsCheck[] = [];
  // The first question tells whether the server can be reached at all; that failure ends the run.
  const soa = await input.ask(domain, 'SOA');
  const soaRecord = recordsAt(soa, domain, 'SOA')[0];
  if (soaRecord && soa.authoritative) checks.push(pass('zone-not-served', t(locale, 'dns.zone-served', input.server, domain), { name: domain, served: soaRecord.data }));
  // The system's resolver answers without the AA bit: what the world sees, perhaps from its cache.
  else if (soaRecord && soa.recursive) checks.push(pass('zone-not-served', t(locale, 'dns.zone-served-recursive', input.server, domain), { name: domain, served: soaRecord.data }));
  else checks.push(fail('zone-not-served', 'error', t(locale, 'dns.zone-not-served', input.server, domain, soaRecord ? 'not authoritative' : soa.rcode), { name: domain, served: soa.rcode }));

  if (input.zone) {
    const records = await compareRecordSets(input.zone, ctx);
    if (input.transfer) {
      const zone = input.zone;
      records.push(...(await input.transfer().then((all) => servedOnly(zone, all, ctx), (err: unknown) => servedOnly(zone, errorText(err), ctx))));
    }
    const file = fileSerial(input.zone);
    if (file && soaRecord) {
      const servedSerial = soaSerial(soaRecord.data);
      if (servedSerial !== undefined) checks.push(checkSerial(file, servedSerial, records.some((c) => !c.ok && c.severity === 'error'), ctx));
    }
    checks.push(...records);
  }
  checks.push(...(await checkMailChain(ctx)));
  checks.push(...(await checkAliases(ctx, aliasNames(domain, input.zone))));
  if (input.postfix) checks.push(...(await checkPostfixNames(ctx, input.postfix)));
  checks.push(...(await checkMailRecords(ctx, { given: input.selectors ?? [], inZone: zoneSelectors(domain, input.zone) })));
  if (input.mtaSts) {
    // The MX set was asked before; if that failed, the mail chain already said so.
    const mx = await input.ask(domain, 'MX').then(
      (served) => mxHosts(served, domain).map((m) => m.host),
      () => [],
    );
    checks.push(...checkMtaStsPolicy(ctx, input.mtaSts, mx));
    checks.push(...checkMtaStsId(ctx, input.mtaSts.id, input.mtaSts, input.mtaStsSeen));
  }
  if (input.smtp) checks.push(...(await checkLiveSmtp(ctx, input.smtp)));
  // Link each finding about a name to its line in the zone file, when the check did not.
  if (input.zone) {
    const lines = new Map<string, number>();
    for (const r of input.zone.records) if (r.source === input.zone.source && !lines.has(canonicalName(r.owner))) lines.set(canonicalName(r.owner), r.line);
    for (const c of checks) if (c.line === undefined && c.name !== undefined && lines.has(c.name)) c.line = lines.get(c.name);
  }
  return { domain, server: input.server, checks };
}

/** Whether an error from `ask` means the name server cannot be reached (exit status 3). */
export function isUnreachable(err: unknown): err is DnsError {
  return err instanceof DnsError && err.kind !== 'aborted';
}

export { errorText };

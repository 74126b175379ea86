// The zone file being edited against what the name server serves: the SOA serial first (the
// lesson's classic: a zone edited and never reloaded), then every record set of the file, asked
// by name and type and compared both ways (records missing from the answer, records served that
// the file no longer has). Names at or below a delegation are left out: the server answers them
// with a referral, not with data.
import { t } from '../../l10n';
import { recordData, type ZoneFile, type ZoneRecord } from '../../parsers/zone';
import { canonicalName, presentRdata } from '../presentation';
import type { QueryType, ServedRecord } from '../wire';
import { errorText, fail, pass, recordsAt, type CheckContext, type DnsCheck } from './types';

/** Types compared; DNSSEC signatures and denial records are made by the signer, not written. */
const COMPARED = new Set<QueryType>(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'TXT', 'TLSA', 'SRV', 'CAA', 'DNAME', 'SSHFP', 'DS']);
/** Record sets asked at most, so a huge zone does not turn into a flood of questions. */
export const MAX_COMPARED = 2000;
/** Questions in flight at once. */
const PARALLEL = 16;

export interface FileRecordSet {
  name: string;
  type: QueryType;
  data: string[];
  /** 0-based line of the set's first record in the main file, when it is there. */
  line?: number;
}

/** The canonical data of a record read from the file, with targets as the parser resolved them. */
function dataOf(r: ZoneRecord, zone: ZoneFile): string | undefined {
  const d = recordData(r, zone.origin);
  if (!d) return undefined;
  const text = presentRdata(d);
  if (text === undefined || r.target === undefined) return text;
  // The parser resolved the target against the $ORIGIN in force there; recordData used the apex.
  const words = text.split(' ');
  const at = r.type === 'MX' ? 1 : r.type === 'SRV' ? 3 : 0;
  words[at] = canonicalName(r.target);
  return words.join(' ');
}

/** Whether `name` is at or below one of the delegation points `cuts`. */
function belowCut(cuts: string[], name: string): boolean {
  return cuts.some((c) => name === c || name.endsWith('.' + c));
}

/** The record sets of the file that the server answers with data, in file order. */
export function fileRecordSets(zone: ZoneFile): FileRecordSet[] {
  const apex = canonicalName(zone.origin);
  const cuts: string[] = [];
  for (const r of zone.records) {
    const owner = canonicalName(r.owner);
    if (r.type === 'NS' && owner !== apex) cuts.push(owner);
  }
  const below = (name: string) => belowCut(cuts, name);
  const sets = new Map<string, FileRecordSet>();
  for (const r of zone.records) {
    const type = r.type as QueryType;
    if (!COMPARED.has(type) || r.rrclass !== 'IN') continue;
    const name = canonicalName(r.owner);
    if (below(name)) continue;
    const data = dataOf(r, zone);
    if (data === undefined) continue;
    const key = `${name} ${type}`;
    let set = sets.get(key);
    if (!set) {
      set = { name, type, data: [], ...(r.source === zone.source ? { line: r.line } : {}) };
      sets.set(key, set);
    }
    if (!set.data.includes(data)) set.data.push(data);
  }
  return [...sets.values()];
}

/** The SOA serial of the file, and the line of the SOA. */
export function fileSerial(zone: ZoneFile): { serial: number; line: number } | undefined {
  const apex = canonicalName(zone.origin);
  const soa = zone.records.find((r) => r.type === 'SOA' && canonicalName(r.owner) === apex);
  if (!soa) return undefined;
  const d = recordData(soa, zone.origin);
  return d && d.type === 'SOA' ? { serial: d.serial, line: soa.line } : undefined;
}

/** Runs `f` over `items` with at most `n` at a time, keeping the order of the results. */
export async function inParallel<T, R>(items: T[], n: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

const sorted = (a: string[]) => [...a].sort();

/**
 * The other way round: record sets the server has that the file does not, from a zone transfer
 * (or why there was none: most servers refuse AXFR to strangers, and then only the file's names
 * can be asked).
 */
export function servedOnly(zone: ZoneFile, transfer: ServedRecord[] | string, ctx: CheckContext): DnsCheck[] {
  const { locale } = ctx;
  if (typeof transfer === 'string') return [fail('record-differs', 'info', t(locale, 'dns.transfer-refused', transfer))];
  const apex = canonicalName(zone.origin);
  const inFile = new Set(fileRecordSets(zone).map((s) => `${s.name} ${s.type}`));
  const cuts = transfer.filter((r) => r.type === 'NS' && r.name !== apex).map((r) => r.name);
  const extra = new Map<string, ServedRecord[]>();
  for (const r of transfer) {
    const key = `${r.name} ${r.type}`;
    if (!COMPARED.has(r.type as QueryType) || belowCut(cuts, r.name) || inFile.has(key)) continue;
    extra.set(key, [...(extra.get(key) ?? []), r]);
  }
  return [...extra.values()].map((set) =>
    fail('record-differs', 'error', t(locale, 'dns.record-only-served', set[0].name, set[0].type), { name: set[0].name, expected: '', served: sorted(set.map((r) => r.data)).join('; ') }),
  );
}

/** The comparison of every record set; the serial check comes from checkSerial. */
export async function compareRecordSets(zone: ZoneFile, ctx: CheckContext): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const all = fileRecordSets(zone);
  const sets = all.slice(0, MAX_COMPARED);
  const results = await inParallel(sets, PARALLEL, async (set): Promise<DnsCheck | undefined> => {
    const where = { name: set.name, ...(set.line !== undefined ? { line: set.line } : {}) };
    const expected = sorted(set.data).join('; ');
    let served;
    try {
      served = await ctx.ask(set.name, set.type);
    } catch (err) {
      return fail('record-differs', 'error', t(locale, 'dns.query-failed', set.name, set.type, errorText(err)), { expected, ...where });
    }
    const got = recordsAt(served, set.name, set.type).map((r) => r.data);
    if (got.length === 0) return fail('record-differs', 'error', t(locale, 'dns.record-unserved', set.name, set.type), { expected, served: served.rcode === 'NOERROR' ? '' : served.rcode, ...where });
    const a = sorted(set.data);
    const b = sorted([...new Set(got)]);
    if (a.length === b.length && a.every((x, i) => x === b[i])) return undefined;
    return fail('record-differs', 'error', t(locale, 'dns.record-differs', set.name, set.type), { expected, served: b.join('; '), ...where });
  });
  const differing = results.filter((r): r is DnsCheck => r !== undefined);
  const out: DnsCheck[] = [];
  if (differing.length === 0) out.push(pass('record-differs', t(locale, 'dns.records-same', sets.length)));
  out.push(...differing);
  if (all.length > sets.length) out.push(fail('record-differs', 'info', t(locale, 'dns.records-capped', MAX_COMPARED)));
  return out;
}

/** The served serial against the file's; `differs` tells whether any record set differs. */
export function checkSerial(file: { serial: number; line: number }, servedSerial: number, differs: boolean, ctx: CheckContext): DnsCheck {
  const { locale } = ctx;
  const where = { name: ctx.domain, line: file.line, expected: String(file.serial), served: String(servedSerial) };
  const zoneName = ctx.domain.replace(/\.$/, '');
  // Serials compare in sequence space (RFC 1982): 'newer' wraps around 2^32.
  const diff = (servedSerial - file.serial) >>> 0;
  if (diff === 0) {
    return differs ? fail('serial-mismatch', 'error', t(locale, 'dns.serial-same-but-differs', servedSerial), where) : pass('serial-mismatch', t(locale, 'dns.serial-ok', servedSerial), where);
  }
  if (diff < 2 ** 31) return fail('serial-mismatch', 'error', t(locale, 'dns.serial-ahead', servedSerial, file.serial), where);
  return fail('serial-mismatch', 'error', t(locale, 'dns.serial-stale', servedSerial, file.serial, zoneName), where);
}

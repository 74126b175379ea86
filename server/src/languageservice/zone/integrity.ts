// The zone-level checks that make named-checkzone -i local refuse a zone: SOA and NS at the
// apex, CNAME exclusivity and singletons, and in-zone NS targets that have no address. Split,
// like lints.ts, by what each reads: the apex, the records of one name, or one NS record's target.
import { msg } from '../../l10n';
import { nameKey, RecordTable, recordData, ZoneFile, ZoneRecord } from '../../parsers/zone';
import { HAS_ADDRESS, HAS_CNAME, HAS_DNAME, HAS_NS } from '../../zone/zoneIndex';
import { RANK } from './findings';
import type { Items } from './items';
import type { NameLookup } from './lookup';
import { ownerSpan, recordSpan, Span, targetSpan } from './spans';

/** Types that may sit next to a CNAME (DNSSEC data about the CNAME itself, RFC 4035). */
const CNAME_COMPANIONS = new Set([5, 46, 47, 50, 25, 24, 30]); // CNAME RRSIG NSEC NSEC3 KEY SIG NXT

/** An SOA and an NS record at the apex. */
export function apexIntegrity(zone: ZoneFile, look: NameLookup, out: Items): void {
  const apex = zone.origin;
  const t = zone.table;
  const atApex = look.rows(apex);
  const soa = atApex.find((i) => t.typeCode[i] === 6 && t.typeOf(i) === 'SOA');
  if (soa === undefined) {
    out.add(RANK.apex, 0, -1, 'no-soa', 'error', msg('zone.check.no-soa', apex), firstLineSpan(zone));
  }
  if (!atApex.some((i) => t.typeOf(i) === 'NS')) {
    const message = msg('zone.check.no-ns', apex);
    if (soa !== undefined) out.add(RANK.apex, 1, soa, 'no-ns', 'error', message, ownerSpan(t, soa));
    else out.add(RANK.apex, 1, -1, 'no-ns', 'error', message, firstLineSpan(zone));
  }
  childCopyIntegrity(zone, atApex, out);
}

/**
 * BIND's CDS/CDNSKEY consistency check (dns_zone_cdscheck): each DNSSEC algorithm of the apex's
 * CDS and CDNSKEY records must have a DNSKEY there, and a delete record (CDS 0 0 0 00, CDNSKEY
 * 0 3 0 AA==, RFC 8078 §4) must stand alone in its RRset.
 */
function childCopyIntegrity(zone: ZoneFile, atApex: number[], out: Items): void {
  const t = zone.table;
  if (!atApex.some((i) => t.typeCode[i] === 59 || t.typeCode[i] === 60)) return;
  const algorithms = new Set<number>();
  for (const i of atApex) {
    if (t.typeCode[i] !== 48) continue;
    const d = recordData(t.record(i), zone.origin);
    if (d?.type === 'DNSKEY') algorithms.add(d.algorithm);
  }
  for (const [code, name] of [[59, 'CDS'], [60, 'CDNSKEY']] as const) {
    const rows: Array<{ row: number; algorithm: number; remove: boolean }> = [];
    for (const i of atApex) {
      if (t.typeCode[i] !== code) continue;
      const d = recordData(t.record(i), zone.origin);
      if (d?.type === 'DS') rows.push({ row: i, algorithm: d.algorithm, remove: d.keyTag === 0 && d.algorithm === 0 && d.digestType === 0 && /^0+$/.test(d.hex) });
      else if (d?.type === 'DNSKEY') rows.push({ row: i, algorithm: d.algorithm, remove: d.flags === 0 && d.protocol === 3 && d.algorithm === 0 && d.key === 'AA==' });
    }
    const removal = rows.some((r) => r.remove);
    for (const r of rows) {
      if (r.remove) continue;
      if (removal) {
        out.add(RANK.apex, 2, r.row, 'child-copy-mismatch', 'error', msg('zone.check.child-copy-delete', name), recordSpan(t, r.row));
      } else if (!algorithms.has(r.algorithm)) {
        out.add(RANK.apex, 2, r.row, 'child-copy-mismatch', 'error', msg('zone.check.child-copy-algorithm', name, r.algorithm), recordSpan(t, r.row));
      }
    }
  }
}

/** CNAME exclusivity and singleton types among the rows of one name (`rows[0..n)`, in file order). */
export function nameIntegrity(t: RecordTable, rows: number[], n: number, out: Items): void {
  const codes = t.typeCode;
  let cname = -1;
  let other = -1;
  for (let k = 0; k < n; k++) {
    const i = rows[k];
    const code = codes[i];
    if (code === 5) {
      if (cname < 0) cname = i;
    } else if (!CNAME_COMPANIONS.has(code)) {
      if (other < 0) other = i;
    }
    if (cname >= 0 && other >= 0 && (i === cname || i === other)) {
      out.add(RANK.cnameExclusive, 0, i, 'cname-and-other-data', 'error', msg('zone.check.cname-and-other-data', t.ownerName(i), cname === i ? t.typeOf(other) : t.typeOf(i)), recordSpan(t, i));
    }
    if (code === 6 || code === 5 || code === 39) {
      // A second singleton of the same type with different data (identical ones are duplicates).
      for (let j = 0; j < k; j++) {
        const f = rows[j];
        if (codes[f] !== code) continue;
        const first = t.record(f);
        const r = t.record(i);
        if (!sameData(first, r)) {
          out.add(RANK.cnameExclusive, 1, i, code === 6 ? 'multiple-soa' : 'singleton-type', 'error', msg('zone.check.second-singleton', r.type, r.owner, first.line + 1), recordSpan(t, i), undefined, undefined, f);
        }
        break;
      }
    }
  }
}

/** True when nsTargetIntegrity has anything to look at on row i. */
export function hasNsTarget(t: RecordTable, i: number): boolean {
  return t.typeCode[i] === 2 && t.target[i] !== undefined;
}

/**
 * BIND's rule for the NS records at the apex (zone_check_ns): a target inside the zone must be
 * found as a lookup finds it, an address at the name or at the wildcard that covers it, unless a
 * delegation on the way hands the name to a child zone. A CNAME there, a DNAME above it, or no
 * address make BIND refuse the zone. NS records below the apex (delegations) are not refused for
 * this: BIND only logs missing glue, so we warn where the glue is required (target below the cut).
 */
export function nsTargetIntegrity(apex: string, t: RecordTable, i: number, look: NameLookup, out: Items): void {
  const target = t.target[i];
  if (t.typeCode[i] !== 2 || target === undefined) return;
  if (!isBelow(target, apex)) return;
  if (t.owner[i] !== '') {
    const owner = t.ownerName(i);
    if (isBelow(target, owner) && nameKey(target) !== nameKey(owner) && !(look.mask(target) & HAS_ADDRESS)) {
      out.add(RANK.nsTarget, 0, i, 'delegation-no-glue', 'warning', msg('zone.check.delegation-no-glue', target, owner), targetSpan(t, i));
    }
    return;
  }
  const starts = labelStarts(target);
  const apexStart = target.length - apex.length;
  // From the apex down to the target's parent: the first cut met decides, as in a lookup.
  for (let k = starts.length - 1; k >= 1; k--) {
    if (starts[k] > apexStart) continue;
    const name = target.slice(starts[k]);
    const held = look.mask(name);
    if (held & HAS_NS && starts[k] !== apexStart) return;
    if (held & HAS_DNAME) {
      out.add(RANK.nsTarget, 0, i, 'ns-target-below-dname', 'error', msg('zone.check.ns-target-below-dname', target, name), targetSpan(t, i));
      return;
    }
  }
  let held = look.mask(target);
  if (held === 0) {
    // No such name: the wildcard of its closest existing ancestor answers for it. (An ancestor
    // that holds only names below it exists too; the index knows it here by its wildcard child.)
    for (let k = 1; k < starts.length; k++) {
      const parent = target.slice(starts[k]);
      held = look.mask('*.' + parent);
      if (held !== 0 || look.mask(parent) !== 0 || starts[k] >= apexStart) break;
    }
  } else if (held & HAS_NS && apexStart !== 0) return;
  if (held & HAS_ADDRESS) return;
  if (held & HAS_CNAME) {
    out.add(RANK.nsTarget, 0, i, 'ns-target-is-cname', 'error', msg('zone.check.ns-target-is-cname', target), targetSpan(t, i));
    return;
  }
  out.add(RANK.nsTarget, 0, i, 'ns-target-no-address', 'error', msg('zone.check.ns-target-no-address', target), targetSpan(t, i), { target });
}

/** Offsets where each label of an absolute name starts (a '\.' inside a label does not split it). */
function labelStarts(name: string): number[] {
  const starts = [0];
  for (let k = 0; k < name.length - 1; k++) {
    const c = name.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 46) starts.push(k + 1);
  }
  return starts;
}

function isBelow(name: string, zone: string): boolean {
  const a = nameKey(name);
  const z = nameKey(zone);
  return z === '.' || a === z || a.endsWith('.' + z);
}

/** Same data, ignoring spacing and case (used for singletons and duplicates). */
export function sameData(a: ZoneRecord, b: ZoneRecord): boolean {
  return normalizedData(a) === normalizedData(b);
}

export function normalizedData(r: ZoneRecord): string {
  const raw = r.generated ?? r.source.text.slice(r.rdataStart, r.rdataEnd);
  // Comments and parentheses do not change the data; names compare case-insensitively, and
  // TXT case matters but is rare enough in duplicates that folding is acceptable.
  const noComments = raw.indexOf(';') >= 0 || raw.indexOf('(') >= 0 ? raw.replace(/;[^\n\r]*/g, ' ').replace(/[()]/g, ' ') : raw;
  const words = noComments.trim().split(/\s+/);
  if (r.target !== undefined) words[words.length - 1] = r.target.toLowerCase();
  return words.join(' ').toLowerCase();
}

/** The first line of the main file, where findings about the zone as a whole are shown. */
function firstLineSpan(zone: ZoneFile): Span {
  const end = zone.source.lineCount > 1 ? zone.source.lineStarts[1] - 1 : zone.source.text.length;
  const line0 = zone.source.text.slice(0, Math.max(0, end)).replace(/\r$/, '');
  return [0, line0.length];
}

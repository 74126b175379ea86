// Mistakes BIND loads without complaint (or only warns about) that break mail: CNAME loops and
// dangling aliases, MX/NS/SRV targets that are aliases or addresses, a forgotten trailing dot,
// duplicate records, uneven TTLs in an RRset, odd SOA timers and reverse-zone owners.
// The checks are split by what they read, so the cache (checkCache.ts) can tell when to run
// them again: recordLints reads one record, targetLints the records at the names it looks up,
// rrsetLints the records at one name, soaLints the apex.
import { msg } from '../../l10n';
import { checkName, isHostname, isInZone, nameKey, relativeName, recordData, RecordTable, ZoneFile } from '../../parsers/zone';
import { HAS_ADDRESS, HAS_CNAME } from '../../zone/zoneIndex';
import { checkSoaTimers, serialForm } from '../../zone/soa';
import { reverseOwnerProblem } from '../../zone/ptr';
import { RANK } from './findings';
import type { Items } from './items';
import { normalizedData } from './integrity';
import type { NameLookup } from './lookup';
import { recordSpan, ownerSpan, Span, targetSpan } from './spans';

/** What the record lints need to know about the zone, worked out once per check. */
export interface LintZone {
  apex: string;
  apexKey: string;
  endsWithDouble: (name: string) => boolean;
  reverse: boolean;
}

export function lintZone(zone: ZoneFile): LintZone {
  const apex = zone.origin;
  const apexKey = nameKey(apex);
  return { apex, apexKey, endsWithDouble: doubledOriginTest(apexKey), reverse: apexKey.endsWith('in-addr.arpa.') || apexKey.endsWith('ip6.arpa.') };
}

// Order of the record lints on one row (RANK.record), as they were reported in one pass.
const ORD = { ownerDot: 0, badHost: 1, targetDot: 2, cnameAtApex: 3, cnameChain: 4, badTarget: 5, mxAddress: 6, target: 7, ptrOwner: 8 } as const;

/** The type as the record lints name it. */
function lintType(t: RecordTable, i: number): string {
  const code = t.typeCode[i];
  return code === 15 ? 'MX' : code === 5 ? 'CNAME' : code === 2 ? 'NS' : code === 33 ? 'SRV' : code === 12 ? 'PTR' : t.typeOf(i);
}

/** The address of an MX target written as an IPv4 address (with the origin's dot), if it is one. */
function mxAddress(target: string): string | undefined {
  return /^(\d{1,3}(?:\.\d{1,3}){3})\./.exec(target)?.[1];
}

/**
 * Lints that read row i alone. `previousHostOwner` is the owner of the nearest A/AAAA row before
 * it: a run of address records at one owner is checked for check-names once.
 */
export function recordLints(z: LintZone, t: RecordTable, i: number, previousHostOwner: string | undefined, out: Items): void {
  // A name written relative that already ends with the zone name: the dot was forgotten.
  if (t.ownerEnd[i] > t.start[i] && t.owner[i].length >= z.apexKey.length - 1 && z.endsWithDouble(t.ownerName(i))) {
    const written = sourceText(t, i).slice(t.start[i], t.ownerEnd[i]);
    missingDot(out, ORD.ownerDot, i, written, ownerSpan(t, i), t.start[i], t.ownerEnd[i], t.ownerName(i));
  }
  // BIND's check-names: hosts with addresses must have host names.
  const code = t.typeCode[i];
  if ((code === 1 || code === 28) && t.owner[i] !== previousHostOwner) {
    if (!isHostname(t.owner[i], true) && checkName(t.ownerName(i)) === undefined) {
      // (Names that are not even valid DNS names already have an error of their own.)
      const owner = t.ownerName(i);
      out.add(RANK.record, ORD.badHost, i, 'bad-hostname', 'warning', msg('zone.check.bad-hostname-owner', owner), ownerSpan(t, i));
    }
  }
  // Only records that name another host need more than their columns.
  const target = t.target[i];
  if (target === undefined) return;
  const type = lintType(t, i);
  if ((t.flags[i] & 2) !== 0 && t.targetStart[i] >= 0 && z.endsWithDouble(target)) {
    const written = sourceText(t, i).slice(t.targetStart[i], t.targetEnd[i]);
    missingDot(out, ORD.targetDot, i, written, targetSpan(t, i), t.targetStart[i], t.targetEnd[i], target);
  }
  if (type === 'CNAME') {
    if (t.owner[i] === '') {
      out.add(RANK.record, ORD.cnameAtApex, i, 'cname-at-apex', 'error', msg('zone.check.cname-at-apex', z.apex), recordSpan(t, i));
    }
    return;
  }
  if ((type === 'MX' || type === 'NS' || type === 'SRV') && target !== '.' && !isHostname(target)) {
    out.add(RANK.record, ORD.badTarget, i, 'bad-hostname', 'warning', msg('zone.check.bad-hostname-target', type, target), targetSpan(t, i));
  }
  if (type === 'MX') {
    const ipLike = mxAddress(target);
    if (ipLike !== undefined) {
      out.add(RANK.record, ORD.mxAddress, i, 'mx-target-is-address', 'warning', msg('zone.check.mx-target-is-address', ipLike, z.apex), targetSpan(t, i));
    }
  }
  if (z.reverse && type === 'PTR') {
    const problem = reverseOwnerProblem(t.ownerName(i));
    if (problem) out.add(RANK.record, ORD.ptrOwner, i, 'ptr-owner', 'warning', problem, ownerSpan(t, i));
  }
}

/** True when targetLints has anything to look at on row i (the cache keeps these rows). */
export function hasTargetLints(t: RecordTable, i: number): boolean {
  const c = t.typeCode[i];
  return (c === 5 || c === 15 || c === 2 || c === 33) && t.target[i] !== undefined;
}

/** Lints of row i that look up its target: aliases, loops, dangling names, hosts without addresses. */
export function targetLints(z: LintZone, t: RecordTable, i: number, look: NameLookup, out: Items): void {
  const target = t.target[i];
  if (target === undefined) return;
  const type = lintType(t, i);
  if (type === 'CNAME') {
    checkCnameChain(z, t, i, look, out);
    return;
  }
  if (type !== 'MX' && type !== 'NS' && type !== 'SRV') return;
  if (type === 'MX' && mxAddress(target) !== undefined) return;
  if (target === '.' && (type === 'MX' || type === 'SRV')) return; // null MX (RFC 7505) / no service
  // One lookup tells what the target holds (names outside the zone hold nothing here).
  const held = look.mask(target);
  if (held & HAS_CNAME) {
    if (type !== 'NS') {
      const canonical = canonicalName(target, look);
      out.add(
        RANK.record,
        ORD.target,
        i,
        'target-is-cname',
        'warning',
        canonical ? msg('zone.check.target-is-cname-to', type, target, canonical) : msg('zone.check.target-is-cname', type, target),
        targetSpan(t, i),
        canonical ? { canonical: relativeName(canonical, z.apex) } : undefined,
      );
    }
    return;
  }
  if (type === 'MX' && !(held & HAS_ADDRESS) && isInZone(target, z.apex) && !belowDelegation(target, z.apex, look)) {
    out.add(RANK.record, ORD.target, i, 'mx-target-no-address', 'warning', msg('zone.check.mx-target-no-address', target), targetSpan(t, i));
  }
}

function sourceText(t: RecordTable, i: number): string {
  return t.sources[t.sourceIndex[i]].text;
}

/** A name that ends with the zone name twice (mail.example.org.example.org.): a forgotten dot. */
function doubledOriginTest(apexKey: string): (name: string) => boolean {
  if (apexKey === '.') return () => false;
  const doubled = apexKey.slice(0, -1) + '.' + apexKey;
  return (name) => {
    if (name.length < doubled.length) return false;
    const k = nameKey(name);
    return k.endsWith(doubled) && (k.length === doubled.length || k.charCodeAt(k.length - doubled.length - 1) === 46);
  };
}

function missingDot(out: Items, ord: number, i: number, written: string, span: Span, start: number, end: number, became: string): void {
  out.add(RANK.record, ord, i, 'missing-trailing-dot', 'warning', msg('zone.check.missing-trailing-dot', written, became), span, { fix: written + '.', start, end }, 'offsets');
}

function checkCnameChain(z: LintZone, t: RecordTable, i: number, look: NameLookup, out: Items): void {
  const owner = t.ownerName(i);
  const seen: string[] = [nameKey(owner)];
  let current = t.target[i]!;
  for (let hops = 0; hops < 32; hops++) {
    const key = nameKey(current);
    if (seen.includes(key)) {
      const self = key === seen[0] && hops === 0;
      out.add(
        RANK.record,
        ORD.cnameChain,
        i,
        'cname-loop',
        'error',
        self
          ? msg('zone.check.cname-self-loop', owner)
          : msg('zone.check.cname-loop', owner, current),
        targetSpan(t, i),
        // The quick fix offers the zone's hosts with addresses instead (actions.ts).
        self ? { selfAlias: true } : undefined,
      );
      return;
    }
    seen.push(key);
    const held = look.mask(current);
    if (!held) {
      if (!isInZone(current, z.apex)) return;
      if (hops === 0 && !belowDelegation(current, z.apex, look)) {
        out.add(RANK.record, ORD.cnameChain, i, 'cname-dangling', 'warning', msg('zone.check.cname-dangling', current), targetSpan(t, i));
      }
      return;
    }
    if (!(held & HAS_CNAME)) return;
    const next = look.rowOfType(current, 5);
    if (next < 0 || t.target[next] === undefined) return;
    current = t.target[next]!;
  }
}

/** True when a name lies below an NS delegation inside the zone (its data lives in the child). */
function belowDelegation(name: string, apex: string, look: NameLookup): boolean {
  let k = nameKey(name);
  const a = nameKey(apex);
  while (k.length > a.length) {
    if (look.hasType(k, 'NS')) return true;
    const dot = k.indexOf('.');
    if (dot < 0) return false;
    k = k.slice(dot + 1);
  }
  return false;
}

/** Duplicates and uneven TTLs inside the RRsets of one name, comparing columns and reading data only for same-type pairs. */
export function rrsetLints(t: RecordTable, rows: number[], n: number, out: Items): void {
  const codes = t.typeCode;
  const ttls = t.ttl;
  let reportedTtl: Set<string> | undefined;
  for (let k = 1; k < n; k++) {
    const i = rows[k];
    for (let j = 0; j < k; j++) {
      const f = rows[j];
      if (codes[f] !== codes[i] || (codes[i] < 0 && t.typeOf(f) !== t.typeOf(i))) continue;
      // RRSIGs form one RRset per type they cover (RFC 4035 §2.2): signatures over different types may differ in TTL.
      const set = codes[i] === 46 ? `RRSIG ${coveredType(t, i)}` : t.typeOf(i);
      if (ttls[f] !== ttls[i] && !reportedTtl?.has(set) && (codes[i] !== 46 || coveredType(t, f) === coveredType(t, i))) {
        (reportedTtl ??= new Set()).add(set);
        out.add(RANK.rrset, 0, i, 'rrset-ttl-mismatch', 'warning', msg('zone.check.rrset-ttl-mismatch', t.typeOf(i), t.ownerName(i), ttls[f], ttls[i]), recordSpan(t, i));
      }
      const r = t.record(i);
      const first = t.record(f);
      if (normalizedData(r) === normalizedData(first)) {
        out.add(RANK.rrset, 1, i, 'duplicate-record', 'warning', msg('zone.check.duplicate-record', r.type, r.owner, first.line + 1), recordSpan(t, i), undefined, undefined, f);
        break;
      }
    }
    // Very large RRsets (thousands of records at one name) would make the pairwise check slow.
    if (k > 512) break;
  }
}

/** The type an RRSIG row covers, upper case, as its first data word (read from the text, no parse). */
function coveredType(t: RecordTable, i: number): string {
  const generated = t.generated.get(i);
  const src = generated ?? sourceText(t, i);
  let at = generated !== undefined ? 0 : t.rdataStart[i];
  const end = generated !== undefined ? src.length : t.rdataEnd[i];
  while (at < end && (src.charCodeAt(at) === 40 || src.charCodeAt(at) <= 32)) at++;
  let to = at;
  while (to < end && src.charCodeAt(to) > 32 && src.charCodeAt(to) !== 40) to++;
  return src.slice(at, to).toUpperCase();
}

/** The SOA's timers and serial. */
export function soaLints(zone: ZoneFile, look: NameLookup, out: Items): void {
  const soa = look.at(zone.origin).find((r) => r.type === 'SOA');
  if (!soa) return;
  const data = recordData(soa, zone.origin);
  if (!data || data.type !== 'SOA') return;
  let ord = 0;
  for (const p of checkSoaTimers(data)) {
    out.add(RANK.soa, ord++, soa.index, 'soa-timer-range', 'warning', p, recordSpan(zone.table, soa.index));
  }
  const form = serialForm(data.serial);
  if (form.note) out.add(RANK.soa, ord++, soa.index, 'soa-serial-form', 'info', form.note, recordSpan(zone.table, soa.index));
}

/** The end of a CNAME chain, or undefined when it loops or leaves the index. */
function canonicalName(name: string, look: NameLookup): string | undefined {
  let current = name;
  for (let hops = 0; hops < 16; hops++) {
    const alias = look.at(current).find((x) => x.type === 'CNAME');
    if (!alias) return current === name ? undefined : current;
    if (alias.target === undefined) return undefined;
    current = alias.target;
  }
  return undefined;
}

// Mistakes BIND loads without complaint (or only warns about) that break mail: CNAME loops and
// dangling aliases, MX/NS/SRV targets that are aliases or addresses, a forgotten trailing dot,
// duplicate records, uneven TTLs in an RRset, odd SOA timers and reverse-zone owners.
import { checkName, isHostname, isInZone, nameKey, relativeName, ownerRange, recordData, recordRange, targetRange, ZoneFile, ZoneRecord, RecordTable } from '../../parsers/zone';
import { HAS_ADDRESS, HAS_CNAME, type ZoneIndex } from '../../zone/zoneIndex';
import { checkSoaTimers, serialForm } from '../../zone/soa';
import { reverseOwnerProblem } from '../../zone/ptr';
import type { Finding } from './findings';
import { normalizedData } from './integrity';

export function mailLints(zone: ZoneFile, index: ZoneIndex, out: Finding[]): void {
  const apex = zone.origin;
  const apexKey = nameKey(apex);
  const endsWithDouble = doubledOriginTest(apexKey);
  const reverse = apexKey.endsWith('in-addr.arpa.') || apexKey.endsWith('ip6.arpa.');

  const t = zone.table;
  let lastHostChecked: string | undefined;
  for (let i = 0; i < t.count; i++) {
    // A name written relative that already ends with the zone name: the dot was forgotten.
    if (t.ownerEnd[i] > t.start[i] && t.owner[i].length >= apexKey.length - 1 && endsWithDouble(t.ownerName(i))) {
      const r = t.record(i);
      const written = r.source.text.slice(r.start, r.ownerEnd);
      out.push(missingDot(r, 'owner', written, r.start, r.ownerEnd, r.owner));
    }
    // BIND's check-names: hosts with addresses must have host names.
    const code = t.typeCode[i];
    if ((code === 1 || code === 28) && t.owner[i] !== lastHostChecked) {
      lastHostChecked = t.owner[i];
      if (!isHostname(lastHostChecked, true) && checkName(t.ownerName(i)) === undefined) {
        // (Names that are not even valid DNS names already have an error of their own.)
        const r = t.record(i);
        out.push({ code: 'bad-hostname', severity: 'warning', message: `${r.owner} is not a valid host name (letters, digits and inner hyphens only); BIND warns "bad owner name (check-names)" and resolvers may refuse it`, source: r.source, range: ownerRange(r) });
      }
    }
    // Only records that name another host need more than their columns.
    const target = t.target[i];
    if (target === undefined) continue;
    const r = t.record(i);
    const type = code === 15 ? 'MX' : code === 5 ? 'CNAME' : code === 2 ? 'NS' : code === 33 ? 'SRV' : code === 12 ? 'PTR' : r.type;
    if (r.targetRelative && r.targetStart >= 0 && endsWithDouble(target)) {
      const written = r.source.text.slice(r.targetStart, r.targetEnd);
      out.push(missingDot(r, 'target', written, r.targetStart, r.targetEnd, target));
    }
    if (type === 'CNAME') {
      if (t.owner[i] === '') {
        out.push({ code: 'cname-at-apex', severity: 'error', message: `A CNAME at the zone apex ${apex} cannot coexist with its SOA and NS records; mail for the domain breaks`, source: r.source, range: recordRange(r) });
      }
      checkCnameChain(r, apex, index, out);
      continue;
    }
    if ((type === 'MX' || type === 'NS' || type === 'SRV') && target !== '.' && !isHostname(target)) {
      out.push({ code: 'bad-hostname', severity: 'warning', message: `The ${type} target ${target} is not a valid host name (letters, digits and inner hyphens only); BIND warns "bad name (check-names)"`, source: r.source, range: targetRange(r) });
    }
    if (type === 'MX' || type === 'NS' || type === 'SRV') {
      const ipLike = type === 'MX' ? /^(\d{1,3}(?:\.\d{1,3}){3})\./.exec(target)?.[1] : undefined;
      if (ipLike !== undefined) {
        out.push({ code: 'mx-target-is-address', severity: 'warning', message: `The MX target ${ipLike} is an address; an MX must name a host (RFC 5321 §5.1), e.g. mail.${apex}`, source: r.source, range: targetRange(r) });
        continue;
      }
      if (target === '.' && (type === 'MX' || type === 'SRV')) continue; // null MX (RFC 7505) / no service
      // One lookup tells what the target holds (names outside the zone hold nothing here).
      const held = index.mask(target);
      if (held & HAS_CNAME) {
        if (type !== 'NS') {
          const canonical = canonicalName(target, index);
          out.push({
            code: 'target-is-cname',
            severity: 'warning',
            message: `The ${type} target ${target} is a CNAME; ${type} must point at a name with its own A/AAAA (RFC 2181 §10.3)${canonical ? `. Point it at ${canonical}` : ''}`,
            source: r.source,
            range: targetRange(r),
            data: canonical ? { canonical: relativeName(canonical, apex) } : undefined,
          });
        }
        continue;
      }
      if (type === 'MX' && !(held & HAS_ADDRESS) && isInZone(target, apex) && !belowDelegation(target, apex, index)) {
        out.push({ code: 'mx-target-no-address', severity: 'warning', message: `The MX target ${target} is in this zone but has no A or AAAA record; mail servers cannot reach it`, source: r.source, range: targetRange(r) });
      }
    }
    if (reverse && type === 'PTR') checkPtrOwner(r, apex, out);
  }

  index.forEachGroupRows((rows, n) => checkRrsets(t, rows, n, out));
  checkSoa(zone, index, out);
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

function missingDot(r: ZoneRecord, what: 'owner' | 'target', written: string, start: number, end: number, became: string): Finding {
  const range = what === 'owner' ? ownerRange(r) : targetRange(r);
  return {
    code: 'missing-trailing-dot',
    severity: 'warning',
    message: `'${written}' has no trailing dot, so it means ${became} (write '${written}.' for the absolute name)`,
    source: r.source,
    range,
    data: { fix: written + '.', start, end },
  };
}

function checkCnameChain(r: ZoneRecord, apex: string, index: ZoneIndex, out: Finding[]): void {
  const t = index.table;
  const seen: string[] = [nameKey(r.owner)];
  let current = r.target!;
  for (let hops = 0; hops < 32; hops++) {
    const key = nameKey(current);
    if (seen.includes(key)) {
      const self = key === seen[0] && hops === 0;
      out.push({
        code: 'cname-loop',
        severity: 'error',
        message: self
          ? `CNAME loop: ${r.owner} is an alias of itself, so it never resolves (did you mean another host, e.g. mail?)`
          : `CNAME loop: following ${r.owner} comes back to ${current}; the name never resolves`,
        source: r.source,
        range: targetRange(r),
      });
      return;
    }
    seen.push(key);
    const held = index.mask(current);
    if (!held) {
      if (!isInZone(current, apex)) return;
      if (hops === 0 && !belowDelegation(current, apex, index)) {
        out.push({ code: 'cname-dangling', severity: 'warning', message: `The CNAME target ${current} has no records in this zone; the alias resolves to nothing`, source: r.source, range: targetRange(r) });
      }
      return;
    }
    if (!(held & HAS_CNAME)) return;
    const next = index.rowOfType(current, 5);
    if (next < 0 || t.target[next] === undefined) return;
    current = t.target[next]!;
  }
}

/** True when a name lies below an NS delegation inside the zone (its data lives in the child). */
function belowDelegation(name: string, apex: string, index: ZoneIndex): boolean {
  let k = nameKey(name);
  const a = nameKey(apex);
  while (k.length > a.length) {
    if (index.hasType(k, 'NS')) return true;
    const dot = k.indexOf('.');
    if (dot < 0) return false;
    k = k.slice(dot + 1);
  }
  return false;
}

/** Duplicates and uneven TTLs inside each RRset, comparing columns and reading data only for same-type pairs. */
function checkRrsets(t: RecordTable, rows: number[], n: number, out: Finding[]): void {
  const codes = t.typeCode;
  const ttls = t.ttl;
  let reportedTtl: Set<string> | undefined;
  for (let k = 1; k < n; k++) {
    const i = rows[k];
    for (let j = 0; j < k; j++) {
      const f = rows[j];
      if (codes[f] !== codes[i] || (codes[i] < 0 && t.typeOf(f) !== t.typeOf(i))) continue;
      if (ttls[f] !== ttls[i] && !reportedTtl?.has(t.typeOf(i))) {
        (reportedTtl ??= new Set()).add(t.typeOf(i));
        const odd = t.record(i);
        out.push({ code: 'rrset-ttl-mismatch', severity: 'warning', message: `The ${odd.type} records of ${odd.owner} have different TTLs (${ttls[f]} and ${ttls[i]}); all records of an RRset must share one TTL (RFC 2181 §5.2)`, source: odd.source, range: recordRange(odd) });
      }
      const r = t.record(i);
      const first = t.record(f);
      if (normalizedData(r) === normalizedData(first)) {
        out.push({ code: 'duplicate-record', severity: 'warning', message: `Duplicate ${r.type} record for ${r.owner} (same as line ${first.line + 1}); DNS keeps only one`, source: r.source, range: recordRange(r) });
        break;
      }
    }
    // Very large RRsets (thousands of records at one name) would make the pairwise check slow.
    if (k > 512) break;
  }
}

function checkSoa(zone: ZoneFile, index: ZoneIndex, out: Finding[]): void {
  const soa = index.at(zone.origin).find((r) => r.type === 'SOA');
  if (!soa) return;
  const data = recordData(soa, zone.origin);
  if (!data || data.type !== 'SOA') return;
  for (const p of checkSoaTimers(data)) {
    out.push({ code: 'soa-timer-range', severity: 'warning', message: p, source: soa.source, range: recordRange(soa) });
  }
  const form = serialForm(data.serial);
  if (form.note) out.push({ code: 'soa-serial-form', severity: 'info', message: form.note, source: soa.source, range: recordRange(soa) });
}

function checkPtrOwner(r: ZoneRecord, apex: string, out: Finding[]): void {
  const problem = reverseOwnerProblem(r.owner);
  if (problem) out.push({ code: 'ptr-owner', severity: 'warning', message: problem, source: r.source, range: ownerRange(r) });
}

/** The end of a CNAME chain, or undefined when it loops or leaves the index. */
function canonicalName(name: string, index: ZoneIndex): string | undefined {
  let current = name;
  for (let hops = 0; hops < 16; hops++) {
    const alias = index.at(current).find((x) => x.type === 'CNAME');
    if (!alias) return current === name ? undefined : current;
    if (alias.target === undefined) return undefined;
    current = alias.target;
  }
  return undefined;
}

// The zone-level checks that make named-checkzone -i local refuse a zone: SOA and NS at the
// apex, CNAME exclusivity and singletons, and in-zone NS targets that have no address.
import { nameKey, ownerRange, recordRange, targetRange, ZoneFile, ZoneRecord } from '../../parsers/zone';
import { HAS_ADDRESS, HAS_CNAME, type ZoneIndex } from '../../zone/zoneIndex';
import type { Finding } from './findings';

/** Types that may sit next to a CNAME (DNSSEC data about the CNAME itself, RFC 4035). */
const CNAME_COMPANIONS = new Set([5, 46, 47, 50, 25, 24, 30]); // CNAME RRSIG NSEC NSEC3 KEY SIG NXT

export function integrityChecks(zone: ZoneFile, index: ZoneIndex, out: Finding[]): void {
  const apex = zone.origin;
  const atApex = index.at(apex);
  const soas = atApex.filter((r) => r.type === 'SOA');
  if (soas.length === 0) {
    out.push({
      code: 'no-soa',
      severity: 'error',
      message: `The zone ${apex} has no SOA record at its apex; BIND refuses to load it`,
      source: zone.source,
      range: firstLineRange(zone),
    });
  }
  if (!atApex.some((r) => r.type === 'NS')) {
    out.push({
      code: 'no-ns',
      severity: 'error',
      message: `The zone ${apex} has no NS record at its apex; BIND refuses to load it`,
      source: zone.source,
      range: soas.length > 0 ? ownerRange(soas[0]) : firstLineRange(zone),
    });
  }

  const t = zone.table;
  const codes = t.typeCode;
  index.forEachGroupRows((rows, n) => {
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
        const r = t.record(i);
        out.push({
          code: 'cname-and-other-data',
          severity: 'error',
          message: `${r.owner} has a CNAME and other data (${cname === i ? t.typeOf(other) : r.type}); a CNAME must be alone at its name (RFC 1034 §3.6.2)`,
          source: r.source,
          range: recordRange(r),
        });
      }
      if (code === 6 || code === 5 || code === 39) {
        // A second singleton of the same type with different data (identical ones are duplicates).
        for (let j = 0; j < k; j++) {
          const f = rows[j];
          if (codes[f] !== code) continue;
          const first = t.record(f);
          const r = t.record(i);
          if (!sameData(first, r)) {
            out.push({
              code: code === 6 ? 'multiple-soa' : 'singleton-type',
              severity: 'error',
              message: `A second ${r.type} at ${r.owner}: only one ${r.type} record may exist at a name (first on line ${first.line + 1})`,
              source: r.source,
              range: recordRange(r),
            });
          }
          break;
        }
      }
    }
  });

  for (let i = 0; i < t.count; i++) {
    const target = t.target[i];
    if (t.typeCode[i] !== 2 || target === undefined) continue;
    if (!isBelow(target, apex)) continue;
    const held = index.mask(target);
    if (held & HAS_ADDRESS) continue;
    const r = t.record(i);
    if (held & HAS_CNAME) {
      out.push({
        code: 'ns-target-is-cname',
        severity: 'error',
        message: `NS target ${target} is a CNAME; a name server must be named by its own A/AAAA records (RFC 2181 §10.3)`,
        source: r.source,
        range: targetRange(r),
      });
      continue;
    }
    out.push({
      code: 'ns-target-no-address',
      severity: 'error',
      message: `NS target ${target} is inside the zone but has no A or AAAA record; BIND refuses to load the zone`,
      source: r.source,
      range: targetRange(r),
      data: { target },
    });
  }
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

function firstLineRange(zone: ZoneFile) {
  const end = zone.source.lineCount > 1 ? zone.source.lineStarts[1] - 1 : zone.source.text.length;
  const line0 = zone.source.text.slice(0, Math.max(0, end)).replace(/\r$/, '');
  return { start: { line: 0, character: 0 }, end: { line: 0, character: line0.length } };
}

// The zone checks as units the cache can run one at a time: a record (recordLints, the mail
// policy of its text), a record that names another host (targetLints, nsTargetIntegrity: they
// look names up), the records of one name (CNAME exclusivity, singletons, RRsets, SPF count) and
// the apex (SOA and NS). checkAll runs every unit once: the from-scratch check.
import type { RecordTable, ZoneFile } from '../../parsers/zone';
import type { ZoneIndex } from '../../zone/zoneIndex';
import type { Item } from './findings';
import { apexIntegrity, hasNsTarget, nameIntegrity, nsTargetIntegrity } from './integrity';
import { Items } from './items';
import { hasTargetLints, LintZone, lintZone, recordLints, rrsetLints, soaLints, targetLints } from './lints';
import type { NameLookup } from './lookup';
import { mailPolicyLints, spfMultiple } from './mailRecords';

export interface CheckZone<L extends NameLookup = NameLookup> {
  zone: ZoneFile;
  table: RecordTable;
  lint: LintZone;
  index: ZoneIndex;
  look: L;
}

/** What the checks of `zone` read; names are looked up through `look` (by default the index itself). */
export function checkZone(zone: ZoneFile, index: ZoneIndex): CheckZone;
export function checkZone<L extends NameLookup>(zone: ZoneFile, index: ZoneIndex, look: L): CheckZone<L>;
export function checkZone(zone: ZoneFile, index: ZoneIndex, look: NameLookup = index): CheckZone {
  return { zone, table: zone.table, lint: lintZone(zone), index, look };
}

/** Units of one record that read only the record. */
export function recordUnit(c: CheckZone, i: number, previousHostOwner: string | undefined, out: Items): void {
  recordLints(c.lint, c.table, i, previousHostOwner, out);
  mailPolicyLints(c.zone, i, out);
}

/** True when row i has a unit that looks up other names. */
export function hasTargetUnit(t: RecordTable, i: number): boolean {
  return hasTargetLints(t, i) || hasNsTarget(t, i);
}

/** Units of one record that look up other names (what they asked about is in c.look.deps when recording). */
export function targetUnit(c: CheckZone, i: number, out: Items): void {
  nsTargetIntegrity(c.lint.apex, c.table, i, c.look, out);
  targetLints(c.lint, c.table, i, c.look, out);
}

/** Units of the records of one name (rows[0..n), in file order; only names with two or more records have any). */
export function nameUnit(c: CheckZone, rows: number[], n: number, out: Items): void {
  if (n < 2) return;
  nameIntegrity(c.table, rows, n, out);
  rrsetLints(c.table, rows, n, out);
  spfMultiple(c.zone, rows, n, out);
}

/** Units of the zone as a whole. */
export function apexUnit(c: CheckZone, out: Items): void {
  apexIntegrity(c.zone, c.look, out);
  soaLints(c.zone, c.look, out);
}

/** Owner of the nearest A/AAAA row before row i, the context recordLints needs. */
export function previousHostOwner(t: RecordTable, i: number): string | undefined {
  const codes = t.typeCode;
  for (let j = i - 1; j >= 0; j--) if (codes[j] === 1 || codes[j] === 28) return t.owner[j];
  return undefined;
}

/** Every unit once, in one pass over the rows. */
export function checkAll(c: CheckZone): Item[] {
  const t = c.table;
  const out = new Items(t);
  let hostOwner: string | undefined;
  for (let i = 0; i < t.count; i++) {
    recordUnit(c, i, hostOwner, out);
    const code = t.typeCode[i];
    if (code === 1 || code === 28) hostOwner = t.owner[i];
    if (hasTargetUnit(t, i)) targetUnit(c, i, out);
  }
  c.index.forEachGroupRows((rows, n) => nameUnit(c, rows, n, out));
  apexUnit(c, out);
  return out.list;
}

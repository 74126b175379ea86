// Checks after an edit without checking the whole zone again. Each record's findings are kept
// with its row (offsets relative to the record, so a record that only moved keeps them), each
// name's findings (duplicates, CNAME clashes, SPF count) with the name, and for the records that
// look names up (MX, NS, SRV and CNAME targets) the names they asked about. After an edit, the
// rows the edit touched are checked again, and so are the names they belong to and the records
// that asked about those names; the rest is carried over. The answer is the one a check from
// scratch gives (see checkCache.test.ts, which compares the two after each of many edits).
//
// A document's first check keeps nothing (the CLI checks each file once); the next one checks in
// full while noting what depends on what, and the edits after that are incremental.
import type { RecordTable, ZoneFile } from '../../parsers/zone';
import { apexUnit, checkAll, checkZone, CheckZone, hasTargetUnit, nameUnit, previousHostOwner, recordUnit, targetUnit } from './checks';
import type { Item } from './findings';
import { Items } from './items';
import { Lookup, nameId } from './lookup';
import type { ParsedZone } from './parsed';
import { rowChange, singleFile } from './rowChange';

interface RowEntry {
  row: number;
  /** Findings of the record alone (recordUnit). */
  local: Item[] | undefined;
  /** Findings from looking up other names (targetUnit), and those names. */
  target: Item[] | undefined;
  deps: string[] | undefined;
  dead: boolean;
}

interface Recorded {
  /** Rows with findings or with a target unit, by row. */
  entries: RowEntry[];
  /** The target units that asked about each name. */
  dependents: Map<string, Set<RowEntry>>;
  /** Findings of each name that has any (key: nameId of the absolute name). */
  names: Map<string, Item[]>;
}

interface State {
  parsed: ParsedZone;
  items: Item[];
  recorded?: Recorded;
}

const states = new Map<string, State>();
// Each state holds a parse the parse cache holds too, but only until the next edit replaces it.
const STATE_LIMIT = 4;

/** Above this share of changed rows an update costs more than a full check. */
const FULL_CHECK_SHARE = 0.25;

/** How often each way was taken, for tests that must know the incremental one ran. */
export const checkCounts = { full: 0, recorded: 0, updated: 0 };

/**
 * Items of every check on `parsed` (the parse of the document at `uri`), from the cache when it
 * can. A first check records what later updates need only when the document is `editing`: that
 * costs a one-shot check some 70% more, and saves the first edit a recording check of its own.
 */
export function cachedItems(uri: string, parsed: ParsedZone, editing: boolean): Item[] {
  const st = states.get(uri);
  if (st && st.parsed === parsed) return st.items;
  let next: State;
  const updated = st && st.recorded && incrementable(parsed.zone) ? update(st, st.recorded, parsed) : undefined;
  if (updated) {
    next = updated;
    checkCounts.updated++;
  } else if ((!st && !editing) || !incrementable(parsed.zone)) {
    next = { parsed, items: checkAll(checkZone(parsed.zone, parsed.index)) };
    checkCounts.full++;
  } else {
    next = record(parsed);
    checkCounts.recorded++;
  }
  states.delete(uri);
  if (states.size >= STATE_LIMIT) states.delete(states.keys().next().value as string);
  states.set(uri, next);
  return next.items;
}

/** Forgets what was kept for a document (or every document). */
export function forgetChecks(uri?: string): void {
  if (uri === undefined) states.clear();
  else states.delete(uri);
}

/** One file and no $INCLUDE: row offsets all refer to the main text. */
const incrementable = singleFile;

/**
 * An unclosed parenthesis or quote runs its record to the end of the file, so text added after
 * it changes a record that lies before the edit.
 */
function unclosed(zone: ZoneFile): boolean {
  return zone.errors.some((e) => e.code === 'unbalanced-parentheses' || e.code === 'unbalanced-quotes');
}

/** The full check, keeping what an update needs. */
function record(parsed: ParsedZone): State {
  const c = checkZone(parsed.zone, parsed.index, new Lookup(parsed.index));
  const t = c.table;
  const rec: Recorded = { entries: [], dependents: new Map(), names: new Map() };
  const scratch = new Items(t);
  let hostOwner: string | undefined;
  for (let i = 0; i < t.count; i++) {
    const e = checkRow(c, i, hostOwner, scratch, rec);
    if (e) rec.entries.push(e);
    const code = t.typeCode[i];
    if (code === 1 || code === 28) hostOwner = t.owner[i];
  }
  parsed.index.forEachGroupRows((rows, n) => {
    nameUnit(c, rows, n, scratch);
    if (scratch.list.length > 0) rec.names.set(nameId(t.ownerName(rows[0])), scratch.list.splice(0));
  });
  return { parsed, recorded: rec, items: assemble(c, rec) };
}

/** The units of row i, as an entry when there is anything to keep. */
function checkRow(c: CheckZone<Lookup>, i: number, hostOwner: string | undefined, scratch: Items, rec: Recorded): RowEntry | undefined {
  recordUnit(c, i, hostOwner, scratch);
  const local = scratch.list.length > 0 ? scratch.list.splice(0) : undefined;
  if (!hasTargetUnit(c.table, i)) return local && { row: i, local, target: undefined, deps: undefined, dead: false };
  const e: RowEntry = { row: i, local, target: undefined, deps: undefined, dead: false };
  runTarget(c, e, scratch, rec);
  return e;
}

/** (Re)runs the target unit of an entry and files it under the names it asked about. */
function runTarget(c: CheckZone<Lookup>, e: RowEntry, scratch: Items, rec: Recorded): void {
  if (e.deps) for (const d of e.deps) rec.dependents.get(d)?.delete(e);
  c.look.deps = [];
  targetUnit(c, e.row, scratch);
  const deps = c.look.deps;
  c.look.deps = undefined;
  e.target = scratch.list.length > 0 ? scratch.list.splice(0) : undefined;
  e.deps = deps;
  for (const d of deps) {
    let set = rec.dependents.get(d);
    if (!set) rec.dependents.set(d, (set = new Set()));
    set.add(e);
  }
}

function assemble(c: CheckZone, rec: Recorded): Item[] {
  const out = new Items(c.table);
  for (const e of rec.entries) {
    if (e.local) for (const it of e.local) out.list.push(it);
    if (e.target) for (const it of e.target) out.list.push(it);
  }
  for (const list of rec.names.values()) for (const it of list) out.list.push(it);
  apexUnit(c, out);
  return out.list;
}

/** First index in entries whose row is at least `row`. */
function entryAt(entries: RowEntry[], row: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The state for `parsed` from the state of the previous parse, or undefined when a full check is better. */
function update(st: State, rec: Recorded, parsed: ParsedZone): State | undefined {
  const before = st.parsed.zone;
  const after = parsed.zone;
  if (before.origin !== after.origin || !incrementable(before) || unclosed(before) || unclosed(after)) return undefined;
  const oldT = before.table;
  const newT = after.table;
  // The parse cache compared the rows already when this parse followed the one checked last.
  const { cut, resumeOld, resumeNew, lineDelta } = parsed.edit?.from === st.parsed.serial ? parsed.edit.change : rowChange(before, after);
  const rowDelta = resumeNew - resumeOld;
  if (resumeOld - cut + (resumeNew - cut) > FULL_CHECK_SHARE * Math.max(oldT.count, newT.count, 64)) return undefined;

  const c = checkZone(after, parsed.index, new Lookup(parsed.index));
  const scratch = new Items(newT);
  // The names whose records changed.
  const changed = new Set<string>();
  for (let o = cut; o < resumeOld; o++) changed.add(nameId(oldT.ownerName(o)));
  for (let n = cut; n < resumeNew; n++) changed.add(nameId(newT.ownerName(n)));

  // Rows: those before the edit stay, those in it are checked again, those after it move.
  const entries = rec.entries;
  const a = entryAt(entries, cut);
  const b = entryAt(entries, resumeOld);
  for (let k = a; k < b; k++) {
    const e = entries[k];
    e.dead = true;
    if (e.deps) for (const d of e.deps) rec.dependents.get(d)?.delete(e);
  }
  const fresh: RowEntry[] = [];
  let hostOwner = previousHostOwner(newT, cut);
  for (let n = cut; n < resumeNew; n++) {
    const e = checkRow(c, n, hostOwner, scratch, rec);
    if (e) fresh.push(e);
    const code = newT.typeCode[n];
    if (code === 1 || code === 28) hostOwner = newT.owner[n];
  }
  const tail = entries.slice(b);
  if (rowDelta !== 0) {
    for (const e of tail) {
      e.row += rowDelta;
      if (e.local) for (const it of e.local) it.row += rowDelta;
      if (e.target) for (const it of e.target) it.row += rowDelta;
    }
  }
  rec.entries = entries.slice(0, a).concat(fresh, tail);

  // The first address record after the edit is checked against the one before it (check-names once per owner).
  const k = firstHostRow(newT, resumeNew);
  if (k >= 0) {
    const at = entryAt(rec.entries, k);
    recordUnit(c, k, previousHostOwner(newT, k), scratch);
    const local = scratch.list.length > 0 ? scratch.list.splice(0) : undefined;
    const e = rec.entries[at];
    if (e && e.row === k) e.local = local;
    else if (local) rec.entries.splice(at, 0, { row: k, local, target: undefined, deps: undefined, dead: false });
  }

  // Records that asked about a changed name ask again.
  const asked = new Set<RowEntry>();
  for (const name of changed) {
    const set = rec.dependents.get(name);
    if (set) for (const e of set) if (!e.dead && (e.row < cut || e.row >= resumeNew)) asked.add(e);
  }
  for (const e of asked) runTarget(c, e, scratch, rec);

  // Names: those that changed are checked again, and those whose messages quote a line that moved.
  const names = new Map<string, Item[]>();
  const again = new Set(changed);
  for (const [name, list] of rec.names) {
    if (changed.has(name)) continue;
    if (lineDelta !== 0 && list.some((it) => it.lineRef !== undefined && it.lineRef >= resumeOld)) {
      again.add(name);
      continue;
    }
    if (rowDelta !== 0) {
      for (const it of list) {
        if (it.row >= resumeOld) it.row += rowDelta;
        if (it.lineRef !== undefined && it.lineRef >= resumeOld) it.lineRef += rowDelta;
      }
    }
    names.set(name, list);
  }
  for (const name of again) {
    const rows = parsed.index.rows(name);
    nameUnit(c, rows, rows.length, scratch);
    if (scratch.list.length > 0) names.set(name, scratch.list.splice(0));
  }
  rec.names = names;
  return { parsed, recorded: rec, items: assemble(c, rec) };
}

function firstHostRow(t: RecordTable, from: number): number {
  const codes = t.typeCode;
  for (let i = from; i < t.count; i++) if (codes[i] === 1 || codes[i] === 28) return i;
  return -1;
}

// Records grouped by owner name (stored relative to the apex, see RecordTable), for the checks that relate records to each other. Names compare
// ASCII-case-insensitively (RFC 4343). The index is an open-addressing hash table in typed arrays
// whose slots hold the first row of each name, with rows of one name chained in file order: for a
// million-record zone that is a few megabytes and no per-record objects, instead of a Map.
// After an edit the index is updated from the rows the edit replaced (updated()) rather than
// built again: building it hashes every owner of the zone, the larger part of a re-check.
import { typeCode, type RecordTable, type ZoneRecord } from '../parsers/zone';

function hashName(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** a equals b[from, to), ASCII case-insensitively. */
function sameName(a: string, b: string, from = 0, to = b.length): boolean {
  if (a.length !== to - from) return false;
  if (from === 0 && a === b) return true;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(from + i);
    if (x === y) continue;
    // Equal but for case: one letter in both cases, which differ in bit 0x20 alone. Testing that
    // first keeps the letter test off the path of names that simply differ, the path every hash
    // collision takes: V8 then optimizes the index build once rather than twice (a branch first
    // taken after optimization throws the optimized code away).
    if ((x ^ y) !== 0x20) return false;
    const l = x | 0x20;
    if (l < 97 || l > 122) return false;
  }
  return true;
}

/** Bits of ZoneIndex.mask(). */
export const HAS_RECORDS = 1;
export const HAS_ADDRESS = 2;
export const HAS_CNAME = 4;
export const HAS_NS = 8;

/** The HAS_* bits one record of type code `c` gives its name. */
function rowMask(c: number): number {
  return HAS_RECORDS | (c === 1 || c === 28 ? HAS_ADDRESS : c === 5 ? HAS_CNAME : c === 2 ? HAS_NS : 0);
}

/** Rows an edit replaced: old rows [cut, resumeOld) became new rows [cut, resumeNew), and old rows from resumeOld on moved to resumeNew on, unchanged. */
export interface RowSplice {
  cut: number;
  resumeOld: number;
  resumeNew: number;
}

/** The slot count for n rows: at most half full, so probes stay short. */
function slotCount(n: number): number {
  let size = 16;
  while (size < n * 2) size *= 2;
  return size;
}

/** Above this share of replaced rows, building afresh costs less than updating. */
const UPDATE_SHARE = 0.25;

/** How often updated() built afresh or updated, for tests that must know the update ran. */
export const indexCounts = { built: 0, updated: 0 };

export class ZoneIndex {
  /** Slots: first row of a name + 1, or 0 when empty. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  /** Next row with the same name, or -1. */
  private readonly next: Int32Array;
  /** mask() of each name, kept at its first row: a name may hold thousands of records. */
  private readonly masks: Uint8Array;
  private names_ = 0;

  /** The index of `table`; `parts` (from updated()) are adopted as they are. */
  constructor(
    readonly table: RecordTable,
    parts?: { slots: Int32Array; next: Int32Array; masks: Uint8Array; names: number },
  ) {
    if (parts) {
      this.slots = parts.slots;
      this.slotMask = parts.slots.length - 1;
      this.next = parts.next;
      this.masks = parts.masks;
      this.names_ = parts.names;
      return;
    }
    const n = table.count;
    const size = slotCount(n);
    this.slots = new Int32Array(size);
    this.slotMask = size - 1;
    const next = new Int32Array(n).fill(-1);
    // The last row of each chain, indexed by the chain's first row, for appending in O(1).
    const tail = new Int32Array(n);
    const masks = new Uint8Array(n);
    const codes = table.typeCode;
    const owners = table.owner;
    let previous: string | undefined;
    let previousHead = -1;
    for (let i = 0; i < n; i++) {
      const owner = owners[i];
      // Consecutive records of one name (the owner inherited) skip the lookup.
      const h = owner === previous ? previousHead : this.insert(owner, i);
      if (h !== i) {
        next[tail[h]] = i;
      }
      tail[h] = i;
      masks[h] |= rowMask(codes[i]);
      previous = owner;
      previousHead = h;
    }
    this.next = next;
    this.masks = masks;
  }

  /**
   * The index of `table`, the table of this index's table after an edit that replaced the rows
   * `splice` names (see rowChange.ts; the rows outside it must hold the same owners). Only the
   * names of the replaced rows are looked up and relinked; the rest is copied with row numbers
   * moved, so a re-check after a keystroke does not hash every owner of the zone again. The
   * result answers every query as `new ZoneIndex(table)` does (see zoneIndex.test.ts); this
   * index is left as it was.
   */
  updated(table: RecordTable, splice: RowSplice): ZoneIndex {
    const { cut, resumeOld, resumeNew } = splice;
    const old = this.table;
    const n = table.count;
    const replaced = resumeOld - cut + (resumeNew - cut);
    if (table.apex !== old.apex || slotCount(n) !== this.slots.length || replaced > UPDATE_SHARE * Math.max(n, 64)) {
      indexCounts.built++;
      return new ZoneIndex(table);
    }
    indexCounts.updated++;
    return updatedIndex(this, this.slots, this.next, this.masks, this.names_, table, splice);
  }

  /** The first row of `name`, inserting `row` as the first when the name is new. */
  private insert(name: string, row: number): number {
    const owners = this.table.owner;
    let h = hashName(name) & this.slotMask;
    for (;;) {
      const slot = this.slots[h];
      if (slot === 0) {
        this.slots[h] = row + 1;
        this.names_++;
        return row;
      }
      if (sameName(owners[slot - 1], name)) return slot - 1;
      h = (h + 1) & this.slotMask;
    }
  }

  /**
   * First row of an absolute name (any case), or -1. The name is matched as the range of it
   * that lies below the apex, so looking names up allocates nothing.
   */
  private first(absolute: string): number {
    const apex = this.table.apex;
    let to = absolute.length;
    if (apex !== undefined) {
      const a = apex.length;
      if (apex === '.') to = absolute === '.' ? 0 : to - 1;
      else if (to === a) {
        if (!sameName(apex, absolute)) return -1;
        to = 0;
      } else {
        if (to < a + 2 || absolute.charCodeAt(to - a - 1) !== 46 || !sameName(apex, absolute, to - a, to)) return -1;
        to = to - a - 1;
      }
    }
    const owners = this.table.owner;
    let h = hashName(absolute, 0, to) & this.slotMask;
    for (;;) {
      const slot = this.slots[h];
      if (slot === 0) return -1;
      if (sameName(owners[slot - 1], absolute, 0, to)) return slot - 1;
      h = (h + 1) & this.slotMask;
    }
  }

  /** What a name holds, as HAS_* bits, from one lookup. */
  mask(name: string): number {
    const i = this.first(name);
    return i >= 0 ? this.masks[i] : 0;
  }

  /** Rows at a name (any case), in file order. */
  rows(name: string): number[] {
    const out: number[] = [];
    for (let i = this.first(name); i >= 0; i = this.next[i]) out.push(i);
    return out;
  }

  /** Records at a name (any case), in file order. */
  at(name: string): ZoneRecord[] {
    return this.rows(name).map((i) => this.table.record(i));
  }

  has(name: string): boolean {
    return this.first(name) >= 0;
  }

  hasType(name: string, ...types: string[]): boolean {
    const wanted = types.map(typeCode);
    const codes = this.table.typeCode;
    for (let i = this.first(name); i >= 0; i = this.next[i]) if (wanted.includes(codes[i])) return true;
    return false;
  }

  /** First row of the given type code at a name, or -1. */
  rowOfType(name: string, code: number): number {
    const codes = this.table.typeCode;
    for (let i = this.first(name); i >= 0; i = this.next[i]) if (codes[i] === code) return i;
    return -1;
  }

  /**
   * Calls fn with the rows of every name holding more than one record. The array is reused
   * between calls (only its first `n` entries are the group), so big zones allocate nothing here.
   */
  forEachGroupRows(fn: (rows: number[], n: number) => void): void {
    const slots = this.slots;
    const next = this.next;
    const rows: number[] = [];
    for (let s = 0; s < slots.length; s++) {
      const h = slots[s] - 1;
      if (h < 0 || next[h] < 0) continue;
      let n = 0;
      for (let i = h; i >= 0; i = next[i]) rows[n++] = i;
      fn(rows, n);
    }
  }

  /** Calls fn for every name holding more than one record. */
  forEachGroup(fn: (records: ZoneRecord[]) => void): void {
    this.forEachGroupRows((rows, n) => fn(rows.slice(0, n).map((i) => this.table.record(i))));
  }

  /** Every name (absolute, as first written), in file order of first appearance. */
  names(): string[] {
    const heads: number[] = [];
    for (let s = 0; s < this.slots.length; s++) if (this.slots[s] > 0) heads.push(this.slots[s] - 1);
    return heads.sort((a, b) => a - b).map((i) => this.table.ownerName(i));
  }

  get size(): number {
    return this.names_;
  }
}

/** A name as sameName compares names (ASCII case folded), to key the names an edit touched. */
function foldName(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}

/** Slot position of `name` (an owner as the table stores it) in `slots`, whose rows are rows of `owners`, or -1. */
function findSlot(slots: Int32Array, owners: string[], name: string): number {
  const mask = slots.length - 1;
  for (let h = hashName(name) & mask; ; h = (h + 1) & mask) {
    const v = slots[h];
    if (v === 0) return -1;
    if (sameName(owners[v - 1], name)) return h;
  }
}

/**
 * Empties slot i of a linear-probing table, moving later entries of its probe run back so that
 * every entry stays reachable from its home slot (no tombstones to slow later lookups).
 */
function deleteSlot(slots: Int32Array, i: number, home: (v: number) => number): void {
  const mask = slots.length - 1;
  for (let j = (i + 1) & mask; slots[j] !== 0; j = (j + 1) & mask) {
    const k = home(slots[j]);
    // The entry at j stays when its home lies cyclically in (i, j].
    if (i <= j ? i < k && k <= j : i < k || k <= j) continue;
    slots[i] = slots[j];
    i = j;
  }
  slots[i] = 0;
}

// The copies with row numbers moved are most of an update's cost. Each is a function of its own,
// so that V8 optimizes its loop early, and reads the old array once while writing the new. Row
// numbers are moved without branching (x >> 31 is -1 for a negative x, else 0): whether a first
// row lies past the edit is a coin toss to the branch predictor, and mispredictions doubled the time.

/** Slots with first rows from `resumeOld` on moved by `d`. */
function movedSlots(old: Int32Array, resumeOld: number, d: number): Int32Array {
  if (d === 0) return old.slice();
  const slots = new Int32Array(old.length);
  for (let s = 0; s < slots.length; s++) {
    const v = old[s];
    // v > resumeOld: the row v - 1 lies past the edit.
    slots[s] = v + (((resumeOld - v) >> 31) & d);
  }
  return slots;
}

/** Links of the rows before `cut` and from `resumeOld` on, moved by `d` when they point (or lie) past the edit. */
function movedNext(old: Int32Array, oldCount: number, n: number, cut: number, resumeOld: number, d: number): Int32Array {
  const next = new Int32Array(n);
  if (d === 0) {
    next.set(old.subarray(0, n));
    return next;
  }
  const last = resumeOld - 1;
  for (let i = 0; i < cut; i++) {
    const v = old[i];
    // v >= resumeOld: a link past the edit.
    next[i] = v + (((last - v) >> 31) & d);
  }
  for (let i = resumeOld; i < oldCount; i++) {
    const v = old[i];
    // v >= 0: a link (-1 ends a chain).
    next[i + d] = v + ((~v >> 31) & d);
  }
  return next;
}

/** A name an edit touched: its slot and first row before the edit, and its rows in the replaced range after it. */
interface Touched {
  name: string;
  pos: number;
  head: number;
  lostRows: boolean;
  added: number[];
}

function updatedIndex(index: ZoneIndex, oldSlots: Int32Array, oldNext: Int32Array, oldMasks: Uint8Array, names: number, table: RecordTable, splice: RowSplice): ZoneIndex {
  const { cut, resumeOld, resumeNew } = splice;
  const oldOwners = index.table.owner;
  const oldCount = index.table.count;
  const owners = table.owner;
  const codes = table.typeCode;
  const n = table.count;
  const d = resumeNew - resumeOld;

  const touched = new Map<string, Touched>();
  const touch = (name: string): Touched => {
    const key = foldName(name);
    let t = touched.get(key);
    if (!t) {
      const pos = findSlot(oldSlots, oldOwners, name);
      touched.set(key, (t = { name, pos, head: pos < 0 ? -1 : oldSlots[pos] - 1, lostRows: false, added: [] }));
    }
    return t;
  };
  let previous: string | undefined;
  for (let i = cut; i < resumeOld; i++) {
    if (oldOwners[i] !== previous) touch((previous = oldOwners[i])).lostRows = true;
  }
  previous = undefined;
  let previousTouched: Touched | undefined;
  for (let i = cut; i < resumeNew; i++) {
    const owner = owners[i];
    const t = owner === previous && previousTouched ? previousTouched : touch(owner);
    t.added.push(i);
    previous = owner;
    previousTouched = t;
  }

  // Everything copied with row numbers moved. Links into the replaced rows are stale until the
  // touched names are relinked below; only those names can have any.
  const slots = movedSlots(oldSlots, resumeOld, d);
  const next = movedNext(oldNext, oldCount, n, cut, resumeOld, d);
  next.fill(-1, cut, resumeNew);
  const masks = new Uint8Array(n);
  masks.set(oldMasks.subarray(0, cut), 0);
  masks.set(oldMasks.subarray(resumeOld, oldCount), resumeNew);

  const gone: Touched[] = [];
  const born: Array<{ name: string; head: number }> = [];
  for (const t of touched.values()) {
    // The name's rows after the edit: its rows before the cut, the new rows, its rows after the edit (moved).
    let lastBefore = -1;
    let firstAfter = -1;
    let mask = 0;
    for (let i = t.head; i >= 0; i = oldNext[i]) {
      if (i < cut) {
        lastBefore = i;
        mask |= rowMask(codes[i]);
      } else if (i >= resumeOld) {
        if (firstAfter < 0) firstAfter = i + d;
        // Without lost rows the mask before the edit still holds for these.
        if (!t.lostRows) {
          mask |= oldMasks[t.head];
          break;
        }
        mask |= rowMask(codes[i + d]);
      }
    }
    const added = t.added;
    for (let k = 0; k < added.length; k++) {
      next[added[k]] = k + 1 < added.length ? added[k + 1] : firstAfter;
      mask |= rowMask(codes[added[k]]);
    }
    const afterBefore = added.length > 0 ? added[0] : firstAfter;
    if (lastBefore >= 0) next[lastBefore] = afterBefore;
    const head = t.head >= 0 && t.head < cut ? t.head : afterBefore;
    // (A mask left at a row that is no longer first is never read: first() returns first rows.)
    if (head >= 0) masks[head] = mask;
    if (t.pos >= 0) {
      if (head >= 0) slots[t.pos] = head + 1;
      else {
        // Marked by its old row, negated: new row numbers may equal it.
        slots[t.pos] = -(t.head + 1);
        gone.push(t);
      }
    } else if (head >= 0) born.push({ name: t.name, head });
  }

  const mask = slots.length - 1;
  const home = (v: number) => hashName(v > 0 ? owners[v - 1] : oldOwners[-v - 1]) & mask;
  for (const t of gone) {
    let p = hashName(t.name) & mask;
    while (slots[p] !== -(t.head + 1)) p = (p + 1) & mask;
    deleteSlot(slots, p, home);
  }
  for (const b of born) {
    let p = hashName(b.name) & mask;
    while (slots[p] !== 0) p = (p + 1) & mask;
    slots[p] = b.head + 1;
  }
  return new ZoneIndex(table, { slots, next, masks, names: names - gone.length + born.length });
}

// Records grouped by owner name (stored relative to the apex, see RecordTable), for the checks that relate records to each other. Names compare
// ASCII-case-insensitively (RFC 4343). The index is an open-addressing hash table in typed arrays
// whose slots hold the first row of each name, with rows of one name chained in file order: for a
// million-record zone that is a few megabytes and no per-record objects, instead of a Map.
// After an edit the index is updated from the rows the edit replaced (updated()) rather than
// built again: building it hashes every owner of the zone, the larger part of a re-check.
import { typeCode, type RecordTable, type ZoneRecord } from '../parsers/zone';
import { hashName, IndexParts, rowMask, sameName } from './indexParts';
import { RowSplice, updatedParts } from './zoneIndexUpdate';

export { HAS_ADDRESS, HAS_CNAME, HAS_DNAME, HAS_NS, HAS_RECORDS } from './indexParts';
export type { RowSplice } from './zoneIndexUpdate';

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
    parts?: IndexParts,
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
    return new ZoneIndex(table, updatedParts(this.table, { slots: this.slots, next: this.next, masks: this.masks, names: this.names_ }, table, splice));
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
   * Calls fn with the rows of every name holding more than one record, in file order of the
   * names' first rows. The array is reused between calls (only its first `n` entries are the
   * group), so big zones allocate nothing here. Walking the rows rather than the slots reads
   * `next` in order: the slots are twice as many, and each name's first row is a jump.
   */
  forEachGroupRows(fn: (rows: number[], n: number) => void): void {
    const next = this.next;
    const count = this.table.count;
    // Rows that another row links to; the others are the first rows of their names.
    const linked = new Uint8Array(count);
    for (let i = 0; i < count; i++) if (next[i] >= 0) linked[next[i]] = 1;
    const rows: number[] = [];
    for (let h = 0; h < count; h++) {
      if (linked[h] === 1 || next[h] < 0) continue;
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

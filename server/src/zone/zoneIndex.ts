// Records grouped by owner name (stored relative to the apex, see RecordTable), for the checks that relate records to each other. Names compare
// ASCII-case-insensitively (RFC 4343). The index is an open-addressing hash table in typed arrays
// whose slots hold the first row of each name, with rows of one name chained in file order: for a
// million-record zone that is a few megabytes and no per-record objects, instead of a Map.
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
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(from + i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x |= 0x20;
    if (y >= 65 && y <= 90) y |= 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** Bits of ZoneIndex.mask(). */
export const HAS_RECORDS = 1;
export const HAS_ADDRESS = 2;
export const HAS_CNAME = 4;
export const HAS_NS = 8;

export class ZoneIndex {
  /** Slots: first row of a name + 1, or 0 when empty. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  /** Next row with the same name, or -1. */
  private readonly next: Int32Array;
  /** mask() of each name, kept at its first row: a name may hold thousands of records. */
  private readonly masks: Uint8Array;
  private names_ = 0;

  constructor(readonly table: RecordTable) {
    const n = table.count;
    let size = 16;
    while (size < n * 2) size *= 2;
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
      const c = codes[i];
      masks[h] |= HAS_RECORDS | (c === 1 || c === 28 ? HAS_ADDRESS : c === 5 ? HAS_CNAME : c === 2 ? HAS_NS : 0);
      previous = owner;
      previousHead = h;
    }
    this.next = next;
    this.masks = masks;
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
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const h = slots[s] - 1;
      if (h < 0 || this.next[h] < 0) continue;
      const group: ZoneRecord[] = [];
      for (let i = h; i >= 0; i = this.next[i]) group.push(this.table.record(i));
      fn(group);
    }
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

// The name index after an edit, from the index before it (ZoneIndex.updated()): only the names of
// the rows the edit replaced are looked up and relinked; the rest is copied with row numbers moved.
import type { RecordTable } from '../parsers/zone';
import { foldName, hashName, IndexParts, rowMask, sameName } from './indexParts';

/** Rows an edit replaced: old rows [cut, resumeOld) became new rows [cut, resumeNew), and old rows from resumeOld on moved to resumeNew on, unchanged. */
export interface RowSplice {
  cut: number;
  resumeOld: number;
  resumeNew: number;
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

/** The parts of the index of `table`, from those of the index of `old` (`before`) and the rows an edit replaced. */
export function updatedParts(old: RecordTable, before: IndexParts, table: RecordTable, splice: RowSplice): IndexParts {
  const { slots: oldSlots, next: oldNext, masks: oldMasks, names } = before;
  const { cut, resumeOld, resumeNew } = splice;
  const oldOwners = old.owner;
  const oldCount = old.count;
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
  return { slots, next, masks, names: names - gone.length + born.length };
}

// Which rows of a record table an edit changed, from the text before and after it: the rows
// before the first changed character keep their row numbers and offsets, and the rows after the
// last one keep their data but move by the edit's length (in offsets, lines and row numbers).
// Rows after the edit are compared column by column, since an edit can change what the text
// after it means ($ORIGIN, $TTL, an inherited owner, an opened parenthesis).
import type { RecordTable, ZoneFile } from '../../parsers/zone';
import { commonPrefix, commonSuffix } from '../../parsers/zone/textEdges';

export interface RowChange {
  /** Rows [0, cut) are the same in both tables. */
  cut: number;
  /** Old rows [resumeOld, count) are new rows [resumeNew, count), moved. */
  resumeOld: number;
  resumeNew: number;
  /** How far the edit moved offsets and lines after it. */
  delta: number;
  lineDelta: number;
}

/** One file and no $INCLUDE: row offsets all refer to the main text, the case rowChange compares. */
export function singleFile(zone: ZoneFile): boolean {
  return zone.includes.length === 0 && zone.table.sources.length <= 1 && !zone.directives.some((d) => d.name === '$INCLUDE');
}

/** First row whose record starts at or after `offset` (rows are in text order). */
function firstRowFrom(t: RecordTable, offset: number): number {
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function rowChange(before: ZoneFile, after: ZoneFile): RowChange {
  const oldText = before.source.text;
  const newText = after.source.text;
  const oldT = before.table;
  const newT = after.table;
  const delta = newText.length - oldText.length;
  const p = commonPrefix(oldText, newText);
  const s = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - p);
  // Rows whose last line ends before the first change: parsed from the same text, the same rows.
  let cut = firstRowFrom(oldT, p);
  while (cut > 0) {
    const nl = oldText.indexOf('\n', oldT.rdataEnd[cut - 1]);
    if (nl >= 0 && nl < p) break;
    cut--;
  }
  cut = Math.min(cut, newT.count);
  // Rows on lines that start after the last change (the line break before them unchanged too).
  const nl = oldText.indexOf('\n', oldText.length - s);
  const boundary = nl < 0 ? oldText.length + 1 : nl + 1;
  const firstMoved = Math.max(firstRowFrom(oldT, boundary), cut);
  const rowDelta = newT.count - oldT.count;
  // (Old rows that would map before `cut` cannot be the same: they hold text after the edit.)
  const resumeOld = firstSameFromEnd(oldT, newT, Math.max(firstMoved, cut - rowDelta), rowDelta, delta);
  return { cut, resumeOld, resumeNew: resumeOld + rowDelta, delta, lineDelta: after.source.lineCount - before.source.lineCount };
}

/** Typed-array elements [from, to) of a and [from + shift, to + shift) of b hold the same bytes (a memcmp). */
function sameRun(a: Int32Array | Uint8Array, b: Int32Array | Uint8Array, from: number, to: number, shift: number): boolean {
  const size = a.BYTES_PER_ELEMENT;
  if (to <= from) return true;
  const x = new Uint8Array(a.buffer, a.byteOffset + from * size, (to - from) * size);
  const y = new Uint8Array(b.buffer, b.byteOffset + (from + shift) * size, (to - from) * size);
  return Buffer.compare(x, y) === 0;
}

/**
 * Old rows [from, count) that hold the same records as the new rows `rowDelta` later, their text
 * `delta` characters later: the first of them. This compares every row after the edit, a few
 * megabytes on a big zone, so the columns whose values do not move with the text are compared
 * afterwards in bulk (memcmp), and the row loop reads only the others: the names, and the
 * offsets when the edit changed the text's length.
 */
export function firstSameFromEnd(a: RecordTable, b: RecordTable, from: number, rowDelta: number, delta: number): number {
  const o = delta === 0 ? sameNamesFromEnd(a, b, from, rowDelta) : sameMovedFromEnd(a, b, from, rowDelta, delta);
  const columns = [a.typeCode, a.ttl, a.flags, ...(delta === 0 ? [a.start, a.ownerEnd, a.typeStart, a.rdataStart, a.rdataEnd, a.targetStart, a.targetEnd] : [])];
  const others = [b.typeCode, b.ttl, b.flags, ...(delta === 0 ? [b.start, b.ownerEnd, b.typeStart, b.rdataStart, b.rdataEnd, b.targetStart, b.targetEnd] : [])];
  const maps = sameMapsFrom(a.typeWritten, b.typeWritten, o, rowDelta) && sameMapsFrom(a.rrclass, b.rrclass, o, rowDelta) && sameMapsFrom(a.generated, b.generated, o, rowDelta);
  if (maps && columns.every((col, k) => sameRun(col, others[k], o, a.count, rowDelta))) return o;
  // Some row from o on differs in a column compared in bulk or in a per-row map: row by row.
  return sameRowsFromEnd(a, b, from, rowDelta, delta);
}

/** The per-row map entries of old rows from `from` on are those of the new rows rowDelta later. */
function sameMapsFrom<V>(a: Map<number, V>, b: Map<number, V>, from: number, rowDelta: number): boolean {
  let n = 0;
  for (const [i, v] of a) {
    if (i < from) continue;
    if (b.get(i + rowDelta) !== v) return false;
    n++;
  }
  for (const i of b.keys()) if (i >= from + rowDelta) n--;
  return n === 0;
}

/** The first of the old rows [from, count) whose owner and target names are those of the new rows rowDelta later. */
function sameNamesFromEnd(a: RecordTable, b: RecordTable, from: number, rowDelta: number): number {
  const aOwner = a.owner, aTarget = a.target, bOwner = b.owner, bTarget = b.target;
  let o = a.count;
  while (o > from) {
    const i = o - 1;
    const j = i + rowDelta;
    if (aOwner[i] !== bOwner[j] || aTarget[i] !== bTarget[j]) break;
    o = i;
  }
  return o;
}

/** sameNamesFromEnd, also comparing the offsets, moved by delta. */
function sameMovedFromEnd(a: RecordTable, b: RecordTable, from: number, rowDelta: number, delta: number): number {
  // Columns hoisted: this runs over every row after the edit.
  const aStart = a.start, aOwnerEnd = a.ownerEnd, aTypeStart = a.typeStart, aRdataStart = a.rdataStart, aRdataEnd = a.rdataEnd;
  const bStart = b.start, bOwnerEnd = b.ownerEnd, bTypeStart = b.typeStart, bRdataStart = b.rdataStart, bRdataEnd = b.rdataEnd;
  const aTs = a.targetStart, aTe = a.targetEnd, bTs = b.targetStart, bTe = b.targetEnd;
  const aOwner = a.owner, aTarget = a.target, bOwner = b.owner, bTarget = b.target;
  let o = a.count;
  while (o > from) {
    const i = o - 1;
    const j = i + rowDelta;
    const ts = aTs[i];
    const te = aTe[i];
    if (
      aStart[i] + delta !== bStart[j] ||
      aOwnerEnd[i] + delta !== bOwnerEnd[j] ||
      aTypeStart[i] + delta !== bTypeStart[j] ||
      aRdataStart[i] + delta !== bRdataStart[j] ||
      aRdataEnd[i] + delta !== bRdataEnd[j] ||
      // A missing target (-1) stays -1; without a branch, which records with and without targets would mispredict.
      ts + ((~ts >> 31) & delta) !== bTs[j] ||
      te + ((~te >> 31) & delta) !== bTe[j] ||
      aOwner[i] !== bOwner[j] ||
      aTarget[i] !== bTarget[j]
    ) {
      break;
    }
    o = i;
  }
  return o;
}

/** Every column and the per-row maps, row by row from the end (what firstSameFromEnd must agree with; see rowChange.test.ts). */
export function sameRowsFromEnd(a: RecordTable, b: RecordTable, from: number, rowDelta: number, delta: number): number {
  // Columns hoisted: this runs over every row after the edit.
  const aStart = a.start, aOwnerEnd = a.ownerEnd, aTypeStart = a.typeStart, aRdataStart = a.rdataStart, aRdataEnd = a.rdataEnd;
  const bStart = b.start, bOwnerEnd = b.ownerEnd, bTypeStart = b.typeStart, bRdataStart = b.rdataStart, bRdataEnd = b.rdataEnd;
  const aCode = a.typeCode, aTtl = a.ttl, aFlags = a.flags, aTs = a.targetStart, aTe = a.targetEnd;
  const bCode = b.typeCode, bTtl = b.ttl, bFlags = b.flags, bTs = b.targetStart, bTe = b.targetEnd;
  const aOwner = a.owner, aTarget = a.target, bOwner = b.owner, bTarget = b.target;
  const maps = a.typeWritten.size + b.typeWritten.size + a.rrclass.size + b.rrclass.size + a.generated.size + b.generated.size > 0;
  let o = a.count;
  while (o > from) {
    const i = o - 1;
    const j = i + rowDelta;
    if (
      aStart[i] + delta !== bStart[j] ||
      aOwnerEnd[i] + delta !== bOwnerEnd[j] ||
      aTypeStart[i] + delta !== bTypeStart[j] ||
      aRdataStart[i] + delta !== bRdataStart[j] ||
      aRdataEnd[i] + delta !== bRdataEnd[j] ||
      aCode[i] !== bCode[j] ||
      aTtl[i] !== bTtl[j] ||
      aFlags[i] !== bFlags[j] ||
      (aTs[i] < 0 ? aTs[i] : aTs[i] + delta) !== bTs[j] ||
      (aTe[i] < 0 ? aTe[i] : aTe[i] + delta) !== bTe[j] ||
      aOwner[i] !== bOwner[j] ||
      aTarget[i] !== bTarget[j]
    ) {
      break;
    }
    if (maps && (a.typeWritten.get(i) !== b.typeWritten.get(j) || a.rrclass.get(i) !== b.rrclass.get(j) || a.generated.get(i) !== b.generated.get(j))) break;
    o = i;
  }
  return o;
}

// The offsets a finding points at, from the record table's columns: the same spans as
// ranges.ts gives for a ZoneRecord, without making the record or its range.
import type { RecordTable } from '../../parsers/zone';

export type Span = [start: number, end: number];

export function ownerSpan(t: RecordTable, i: number): Span {
  return t.ownerEnd[i] > t.start[i] ? [t.start[i], t.ownerEnd[i]] : typeSpan(t, i);
}

export function typeSpan(t: RecordTable, i: number): Span {
  return [t.typeStart[i], t.typeEndOf(i)];
}

export function rdataSpan(t: RecordTable, i: number): Span {
  return [t.rdataStart[i], t.rdataEnd[i]];
}

export function recordSpan(t: RecordTable, i: number): Span {
  return [t.start[i], t.rdataEnd[i]];
}

export function targetSpan(t: RecordTable, i: number): Span {
  return t.targetStart[i] >= 0 ? [t.targetStart[i], t.targetEnd[i]] : rdataSpan(t, i);
}

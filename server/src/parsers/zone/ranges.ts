// Offsets to LSP-style positions and ranges, by binary search in a source's line starts.
import { lineAtOffset, type Position, type Range } from '../range';
import type { ZoneRecord, ZoneSource } from './tree';

/** Line of an offset, by binary search in the line starts (records do not store their line). */
export function lineOf(source: ZoneSource, offset: number): number {
  return lineAtOffset(source.lineStarts, source.lineCount, offset);
}

export function positionAt(source: ZoneSource, offset: number): Position {
  const line = lineOf(source, offset);
  return { line, character: offset - source.lineStarts[line] };
}

export function offsetRange(source: ZoneSource, start: number, end: number): Range {
  return { start: positionAt(source, start), end: positionAt(source, end) };
}

/** Offset of a position (clamped to the text). */
export function offsetAt(source: ZoneSource, pos: Position): number {
  if (pos.line >= source.lineCount) return source.text.length;
  if (pos.line < 0) return 0;
  // Past the end of a line means its end, before the line break (as LSP clients expect).
  let lineEnd = pos.line + 1 < source.lineCount ? source.lineStarts[pos.line + 1] : source.text.length;
  if (pos.line + 1 < source.lineCount) {
    if (source.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (source.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  }
  return Math.min(source.lineStarts[pos.line] + Math.max(0, pos.character), lineEnd);
}

/** The owner's range, or for an inherited owner the range of the type (something on the line to point at). */
export function ownerRange(r: ZoneRecord): Range {
  return r.ownerEnd > r.start ? offsetRange(r.source, r.start, r.ownerEnd) : typeRange(r);
}

export function typeRange(r: ZoneRecord): Range {
  return offsetRange(r.source, r.typeStart, r.typeEnd);
}

export function rdataRange(r: ZoneRecord): Range {
  return offsetRange(r.source, r.rdataStart, r.rdataEnd);
}

export function recordRange(r: ZoneRecord): Range {
  return offsetRange(r.source, r.start, r.rdataEnd);
}

export function targetRange(r: ZoneRecord): Range {
  return r.targetStart >= 0 ? offsetRange(r.source, r.targetStart, r.targetEnd) : rdataRange(r);
}

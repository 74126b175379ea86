// Positions are zero-based lines and UTF-16 code-unit columns, the same convention as LSP, so the
// language service can hand parser ranges to the protocol without conversion. Defined here rather
// than imported so that parsers stay free of any LSP dependency.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The line holding an offset, by binary search in the offsets where lines start (starts[0] is 0). */
export function lineAtOffset(starts: ArrayLike<number>, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Splits text into lines, accepting \n, \r\n and lone \r like editors do. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

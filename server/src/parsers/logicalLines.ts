// Splits a Postfix configuration file (main.cf or master.cf) into logical lines the way Postfix's
// own reader does, so that what we parse is exactly what Postfix sees:
// - a line whose first non-blank character is '#' is a comment, and an all-blank line is skipped;
//   neither ends a logical line, so a value may continue after them;
// - a line that starts with whitespace continues the current logical line; Postfix glues the
//   physical lines together as they are, leading whitespace included, without the newline;
// - a logical line that would start with whitespace (a continuation with nothing before it) is
//   dropped with a warning.
// Only '\n' ends a physical line, as in Postfix; a '\r' before it is just trailing whitespace.
import { english, msg } from '../l10n';
import { Range, range } from './range';

/** One physical line's contribution to a logical line's text. */
export interface LinePiece {
  /** Offset of this piece within the logical line's text. */
  offset: number;
  line: number;
  /** Column where the piece starts in its physical line (0: the whole line). */
  character: number;
  length: number;
  /**
   * Columns the editor shows: the length without the '\r' of a CRLF line end, which Postfix keeps
   * as trailing whitespace but an editor counts as part of the line break.
   */
  width: number;
}

export interface LogicalLine {
  /** The physical lines joined exactly as Postfix joins them, untrimmed. */
  text: string;
  pieces: LinePiece[];
  /** From the first to the last non-blank character. */
  range: Range;
}

export interface CommentLine {
  text: string;
  range: Range;
}

export interface LogicalLines {
  lines: LogicalLine[];
  comments: CommentLine[];
  /** Logical lines that start with whitespace: Postfix warns and ignores them. */
  orphans: LogicalLine[];
}

/** Postfix's ISSPACE: space, tab, newline, vertical tab, form feed, carriage return. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
}

/** Postfix's ISALNUM in the C locale: one ASCII letter or digit (by code, not a regular expression: it runs per character). */
export function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const k = ch.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
}

export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

export function trailingSpaceStart(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s[i - 1])) i--;
  return i;
}

export function splitPhysicalLines(text: string): string[] {
  return text.split('\n');
}

export function readLogicalLines(text: string): LogicalLines {
  const lines: LogicalLine[] = [];
  return { lines, ...eachLogicalLine(text, (l) => lines.push(l)) };
}

/**
 * The logical lines handed to `visit` one by one as each is complete, for a reader that keeps
 * only what it makes of them: a large file's lines and pieces then never all live at once.
 */
export function eachLogicalLine(text: string, visit: (line: LogicalLine) => void): Omit<LogicalLines, 'lines'> {
  const physical = splitPhysicalLines(text);
  const out: Omit<LogicalLines, 'lines'> = { comments: [], orphans: [] };
  let current: { text: string; pieces: LinePiece[] } | undefined;

  const flush = () => {
    if (!current) return;
    const first = current.pieces[0];
    const last = current.pieces[current.pieces.length - 1];
    const lead = leadingSpace(current.text);
    const startChar = first.character + Math.min(lead, first.length);
    const lastText = physical[last.line];
    const logical: LogicalLine = {
      text: current.text,
      pieces: current.pieces,
      range: range(first.line, startChar, last.line, trailingSpaceStart(lastText)),
    };
    if (lead > 0) out.orphans.push(logical);
    else visit(logical);
    current = undefined;
  };

  for (let line = 0; line < physical.length; line++) {
    const t = physical[line];
    if (t === '' && line === physical.length - 1) break;
    const lead = leadingSpace(t);
    // All blank (isSpace is Postfix's whole set of blanks).
    if (lead === t.length) continue;
    if (t[lead] === '#') {
      const end = trailingSpaceStart(t);
      out.comments.push({ text: t.slice(lead, end), range: range(line, lead, line, end) });
      continue;
    }
    if (lead === 0) flush();
    if (!current) current = { text: '', pieces: [] };
    current.pieces.push({ offset: current.text.length, line, character: 0, length: t.length, width: t.endsWith('\r') ? t.length - 1 : t.length });
    current.text += t;
  }
  flush();
  return out;
}

/** The piece holding an offset of a logical line's text (binary search over the pieces). */
function pieceAt(pieces: LinePiece[], offset: number): LinePiece {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}

/** Maps an offset in a logical line's text back to a document position. */
export function positionIn(logical: { pieces: LinePiece[] }, offset: number): { line: number; character: number } {
  const p = pieceAt(logical.pieces, offset);
  return { line: p.line, character: p.character + Math.min(offset - p.offset, p.width) };
}

/** The document range of [start, end) in a logical line's text. */
export function rangeIn(logical: { pieces: LinePiece[] }, start: number, end: number): Range {
  const s = positionIn(logical, start);
  if (end <= start) return { start: s, end: s };
  // An end offset that falls exactly at a piece boundary belongs to the earlier piece.
  const p = pieceAt(logical.pieces, end - 1);
  return { start: s, end: { line: p.line, character: p.character + Math.min(end - p.offset, p.width) } };
}

/** What main.cf and master.cf both do with a continuation line that has nothing to continue. */
export function orphanFindings(orphans: LogicalLine[]) {
  return {
    orphans: orphans.map((o) => ({ text: o.text, line: o.pieces[0].line })),
    errors: orphans.map((o) => ({
      code: 'leading-continuation' as const,
      ...english(msg('syntax.leading-continuation')),
      range: o.range,
    })),
  };
}

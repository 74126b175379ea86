// Splits master-file text into logical records (RFC 1035 §5.1): a line, or several lines joined
// by parentheses, minus comments. Tokens are kept as offsets in reusable typed arrays so scanning
// a large zone allocates almost nothing; callers slice the text only for tokens they need.
import { Localized, msg } from '../../l10n';

export type LexProblem = (code: string, message: Localized, start: number, end: number) => void;

const SPACE = 32, TAB = 9, LF = 10, CR = 13, SEMI = 59, LPAREN = 40, RPAREN = 41, QUOTE = 34, BACKSLASH = 92;

export class RecordLexer {
  /** Token offsets of the current logical record; for quoted tokens they include the quotes. */
  starts: Int32Array;
  ends: Int32Array;
  quoted: Uint8Array;
  count = 0;
  /** Whether the current record's first line started with a token (an owner) rather than a blank. */
  ownerPresent = false;
  /** Offset and line where the current record starts. */
  recordStart = 0;
  recordLine = 0;
  /** Offset just past the record's last character that is not a comment or blank. */
  recordEnd = 0;
  lineStarts: Int32Array;
  lineCount = 1;
  parens: Array<{ open: number; close: number }> = [];

  private pos = 0;
  private line = 0;

  constructor(
    readonly text: string,
    private readonly problem: LexProblem,
    /** Expected lines: a whole file gets room for all its line starts; one record's data needs little. */
    lines = 16,
  ) {
    this.starts = new Int32Array(16);
    this.ends = new Int32Array(16);
    this.quoted = new Uint8Array(16);
    this.lineStarts = new Int32Array(Math.max(16, lines + 1));
  }

  /** Advances to the next logical record that has tokens; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    for (;;) {
      if (this.pos >= n) return false;
      this.count = 0;
      this.recordStart = this.pos;
      this.recordLine = this.line;
      const first = text.charCodeAt(this.pos);
      this.ownerPresent = !(first === SPACE || first === TAB);
      let depth = 0;
      let openAt = -1;
      let pos = this.pos;
      scan: for (;;) {
        if (pos >= n) {
          if (depth > 0) this.problem('unbalanced-parentheses', msg('zone.read.paren-never-closed'), openAt, openAt + 1);
          break;
        }
        const c = text.charCodeAt(pos);
        switch (c) {
          case SPACE:
          case TAB:
            pos++;
            continue;
          case CR:
          case LF:
            pos++;
            if (c === CR && pos < n && text.charCodeAt(pos) === LF) pos++;
            this.newLine(pos);
            if (depth === 0) break scan;
            continue;
          case SEMI:
            while (pos < n) {
              const d = text.charCodeAt(pos);
              if (d === LF || d === CR) break;
              pos++;
            }
            continue;
          case LPAREN:
            if (depth === 0) openAt = pos;
            depth++;
            pos++;
            continue;
          case RPAREN:
            if (depth === 0) {
              this.problem('unbalanced-parentheses', msg('zone.read.paren-unopened'), pos, pos + 1);
            } else {
              depth--;
              if (depth === 0) this.parens.push({ open: openAt, close: pos });
            }
            pos++;
            continue;
          case QUOTE: {
            const start = pos;
            pos++;
            let closed = false;
            while (pos < n) {
              const d = text.charCodeAt(pos);
              if (d === BACKSLASH) {
                pos = this.escape(pos);
                continue;
              }
              if (d === LF || d === CR) break;
              pos++;
              if (d === QUOTE) {
                closed = true;
                break;
              }
            }
            if (pos > n) pos = n;
            if (!closed) this.problem('unbalanced-quotes', msg('zone.read.quote-unclosed'), start, pos);
            this.push(start, pos, 1);
            continue;
          }
          default: {
            const start = pos;
            while (pos < n) {
              const d = text.charCodeAt(pos);
              if (d === SPACE || d === TAB || d === LF || d === CR || d === SEMI || d === LPAREN || d === RPAREN || d === QUOTE) break;
              pos = d === BACKSLASH ? this.escape(pos) : pos + 1;
            }
            if (pos > n) pos = n;
            this.push(start, pos, 0);
          }
        }
      }
      this.pos = pos;
      if (this.count > 0) {
        this.recordEnd = this.ends[this.count - 1];
        return true;
      }
    }
  }

  /** The line (0-based) of an offset already read: a search in the lines met so far. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text of token i (quotes included for quoted tokens). */
  token(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private push(start: number, end: number, quoted: number): void {
    const i = this.count;
    if (i === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      const q = new Uint8Array(i * 2);
      q.set(this.quoted);
      this.quoted = q;
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.quoted[i] = quoted;
    this.count = i + 1;
  }

  /** Skips a backslash and the character it escapes; an escaped line break still starts a line. */
  private escape(pos: number): number {
    const c = this.text.charCodeAt(pos + 1);
    if (c !== LF && c !== CR) return pos + 2;
    pos += 2;
    if (c === CR && this.text.charCodeAt(pos) === LF) pos++;
    this.newLine(pos);
    return pos;
  }

  private newLine(offset: number): void {
    if (this.lineCount === this.lineStarts.length) this.lineStarts = grow(this.lineStarts);
    this.lineStarts[this.lineCount++] = offset;
    this.line++;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Tokens of a piece of record data (re-lexing one record later, e.g. for typed data or ranges). */
export interface TokenSpan {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  quoted: Uint8Array;
  count: number;
}

/** Lexes text[start, end) as one record's data (parentheses and comments allowed, problems ignored). */
export function lexSpan(text: string, start: number, end: number): TokenSpan {
  const lexer = new RecordLexer(text.slice(0, end), () => undefined);
  (lexer as unknown as { pos: number }).pos = start;
  const starts: number[] = [];
  const ends: number[] = [];
  const quoted: number[] = [];
  // The span may hold several physical lines when the data was in parentheses: keep lexing.
  while (lexer.next()) {
    for (let i = 0; i < lexer.count; i++) {
      starts.push(lexer.starts[i]);
      ends.push(lexer.ends[i]);
      quoted.push(lexer.quoted[i]);
    }
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), quoted: Uint8Array.from(quoted), count: starts.length };
}

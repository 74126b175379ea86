// Positions inside a parameter value. Postfix glues continuation lines together and skips the
// comment and blank lines between them, so an offset in the value is not an offset in the
// document; this maps one to the other by walking the document alongside the value.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export interface ValueToken {
  text: string;
  /** Offsets in the value. */
  start: number;
  end: number;
}

/** A run of characters other than the list separators (comma and Postfix's blanks). */
const PLAIN_TOKEN = /[^, \t\r\n\v\f]+/g;
/** The next brace: inside a group only braces matter, and a group may hold a whole table. */
const BRACE = /[{}]/g;

const isListSeparator = (c: number) => c === 0x2c || c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** Splits a list like Postfix does (commas and blanks), keeping `{ ... }` groups as one token. */
export function listTokens(value: string): ValueToken[] {
  const out: ValueToken[] = [];
  // Without braces a token is a plain run: let the regular expression engine find them.
  if (!value.includes('{') && !value.includes('}')) {
    for (const m of value.matchAll(PLAIN_TOKEN)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    return out;
  }
  // An inline: table of thousands of entries is one group: jump from brace to brace inside it
  // rather than look at each character (a stray '}' outside a group is part of its token).
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isListSeparator(value.charCodeAt(i))) i++;
    if (i >= value.length) break;
    const start = i;
    let depth = 0;
    while (i < value.length) {
      const c = value.charCodeAt(i);
      if (c === 0x7b) depth++;
      else if (c === 0x7d) depth = Math.max(0, depth - 1);
      else if (depth === 0 && isListSeparator(c)) break;
      if (depth === 0) {
        i++;
        continue;
      }
      BRACE.lastIndex = i + 1;
      i = BRACE.exec(value)?.index ?? value.length;
    }
    out.push({ text: value.slice(start, i), start, end: i });
  }
  return out;
}

export type RangeOf = (start: number, end: number) => Range;

/** A function giving the document range of [start, end) in a value that begins at `from`. */
export function valueRanges(doc: TextDocument, from: Position, value: string): RangeOf {
  let offsets: number[] | undefined;
  // Nothing is located until a finding asks: most values have none, and the document's line
  // offsets (a walk over all of it) are not needed before.
  const build = () => {
    const text = doc.getText();
    const base = doc.offsetAt(from);
    const pos: number[] = new Array(value.length + 1);
    let p = base;
    let i = 0;
    while (i < value.length && p < text.length) {
      if (text[p] === value[i]) {
        pos[i++] = p++;
      } else if (text[p] === '\n') {
        p = skipIgnoredLines(text, p + 1);
      } else p++;
    }
    for (; i <= value.length; i++) pos[i] = p;
    return pos;
  };
  return (start, end) => {
    offsets ??= build();
    const s = offsets[Math.min(start, value.length)];
    const e = end > start ? offsets[Math.min(end - 1, value.length)] + 1 : s;
    return { start: doc.positionAt(s), end: doc.positionAt(e) };
  };
}

/** Skips blank and comment lines starting at offset p (a line start); returns the next real line. */
function skipIgnoredLines(text: string, p: number): number {
  for (;;) {
    let q = p;
    while (q < text.length && (text[q] === ' ' || text[q] === '\t' || text[q] === '\r' || text[q] === '\v' || text[q] === '\f')) q++;
    if (q < text.length && text[q] !== '\n' && text[q] !== '#') return p;
    const nl = text.indexOf('\n', q);
    if (nl < 0) return p;
    p = nl + 1;
  }
}

// Positions inside a parameter value. Postfix glues continuation lines together and skips the
// comment and blank lines between them, so an offset in the value is not an offset in the
// document; this maps one to the other by walking the document alongside the value.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

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

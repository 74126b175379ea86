// Postfix's list values cut into their items, with where each item lies in the value: commas
// and Postfix's blanks separate items, and a `{ ... }` group (an inline: table, a policy service
// with its options) is one item, however many separators it holds.

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

// Input generators shared by every parser's properties. A document is a list of lines joined by
// a random mix of \n, \r\n and \r; each line is a corpus line (as is or mutated), a string of the
// language's own tokens, random unicode, control characters, lone surrogates, deep nesting of
// ${...}, (...), {...} or quotes, or occasionally a huge line.
import fc from 'fast-check';

export interface Flavour {
  /** Lines from real files of this language. */
  lines: string[];
  /** Tokens that mean something to this parser ('=', '${', '(', ';', ...). */
  tokens: string[];
}

const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 8 });
const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const ODD_CHARS = fc.constantFrom('\0', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u{1f4e7}', 'ñ', 'é', '\x7f', '\v', '\f', '\\');

/** A small piece of hostile text. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 3 },
  { arbitrary: CONTROL, weight: 2 },
  { arbitrary: LONE_SURROGATE, weight: 1 },
  { arbitrary: ODD_CHARS, weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
);

/** Deep nesting of the brackets and quotes parsers recurse on, balanced or not. */
export function nesting(tokens: string[]): fc.Arbitrary<string> {
  const openers = ['${a?', '${a:', '$(', '{', '(', '"', '${{', '${a?{'].concat(tokens.filter((t) => /[({"]$/.test(t)));
  const closers = ['}', ')', '"', '}}', '} == {b}?{x}'];
  return fc
    .tuple(fc.constantFrom(...openers), fc.integer({ min: 1, max: 400 }), fc.constantFrom(...closers), fc.integer({ min: 0, max: 400 }), fc.string({ maxLength: 4 }))
    .map(([o, n, c, m, mid]) => o.repeat(n) + mid + c.repeat(m));
}

function mutate(flavour: Flavour): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...flavour.lines), fc.nat(), fc.nat({ max: 6 }), fc.oneof(junk, fc.constantFrom(...flavour.tokens)))
    .map(([line, at, cut, insert]) => {
      const p = at % (line.length + 1);
      return line.slice(0, p) + insert + line.slice(p + cut);
    });
}

function tokenSoup(flavour: Flavour): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom(...flavour.tokens), weight: 6 },
    { arbitrary: fc.constantFrom(' ', '\t', '  '), weight: 3 },
    { arbitrary: fc.stringMatching(/^[a-z0-9_.-]{1,12}$/), weight: 4 },
    { arbitrary: junk, weight: 1 },
  );
  return fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
}

/** A line of a few KB up to 64 KB: long values, long continuations, repeated tokens. */
function hugeLine(flavour: Flavour): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof(fc.constantFrom(...flavour.tokens), fc.constantFrom(...flavour.lines), junk), fc.integer({ min: 200, max: 8000 }))
    .map(([t, n]) => (t === '' ? 'x' : t).repeat(Math.max(1, Math.floor(n / Math.max(1, t.length)) * 8)).slice(0, 65536));
}

export function line(flavour: Flavour): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...flavour.lines), weight: 8 },
    { arbitrary: mutate(flavour), weight: 8 },
    { arbitrary: tokenSoup(flavour), weight: 6 },
    { arbitrary: junk, weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(' ', '\t', ' \t '), fc.constantFrom(...flavour.lines)).map(([a, b]) => a + b), weight: 2 },
    { arbitrary: nesting(flavour.tokens), weight: 1 },
  );
}

const EOL = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r', '\\\n', '');

/** A whole document of a language: mostly lines, sometimes one huge line. */
export function document(flavour: Flavour, maxLines = 30): fc.Arbitrary<string> {
  const l = fc.oneof({ arbitrary: line(flavour), weight: 200 }, { arbitrary: hugeLine(flavour), weight: 1 });
  return fc
    .array(fc.tuple(l, EOL), { maxLength: maxLines })
    .map((parts) => parts.map(([a, b]) => a + b).join(''));
}

/**
 * A large document built by repeating a generated one, 64-256 KB: parse time must grow linearly
 * with it, so a quadratic loop shows up here as a blown per-KB budget.
 */
export function amplified(flavour: Flavour): fc.Arbitrary<string> {
  return fc.tuple(document(flavour, 8), fc.integer({ min: 64, max: 256 })).map(([doc, kb]) => {
    const unit = doc.length > 0 ? doc + '\n' : flavour.lines[0] + '\n';
    return unit.repeat(Math.ceil((kb * 1024) / unit.length)).slice(0, kb * 1024);
  });
}

// Parser for Postfix alias tables (/etc/aliases, aliases(5)): `name: target, target, ...`.
// A line whose first non-blank character is '#' is a comment; a line starting with whitespace
// continues the previous entry. A target is an address, a /file, a |command, or :include:/file;
// quotes protect commas and spaces inside one target ("|/usr/bin/prog -a x").
import { Range, range, splitLines } from './range';

export type AliasTargetKind = 'local' | 'address' | 'file' | 'pipe' | 'include';

export interface AliasTarget {
  /** The target as written, quotes included. */
  text: string;
  kind: AliasTargetKind;
  /** For 'local': the user name (a leading backslash, which stops further expansion, removed). */
  local?: string;
  range: Range;
}

export interface AliasEntry {
  name: string;
  nameRange: Range;
  targets: AliasTarget[];
  /** The whole logical line, across continuation lines. */
  range: Range;
}

export interface AliasesSyntaxError {
  code: 'missing-colon' | 'leading-continuation' | 'empty-name' | 'no-targets' | 'empty-target' | 'unclosed-quote' | 'include-without-file';
  message: string;
  range: Range;
}

export interface AliasesFile {
  entries: AliasEntry[];
  comments: { text: string; range: Range }[];
  errors: AliasesSyntaxError[];
}

interface Physical {
  line: number;
  text: string;
}

export function parseAliases(text: string): AliasesFile {
  const out: AliasesFile = { entries: [], comments: [], errors: [] };
  let logical: Physical[] = [];
  const flush = () => {
    if (logical.length > 0) parseEntry(logical, out);
    logical = [];
  };
  splitLines(text).forEach((lineText, line) => {
    const trimmed = lineText.trimStart();
    const indent = lineText.length - trimmed.length;
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      out.comments.push({ text: trimmed, range: range(line, indent, line, lineText.length) });
      return;
    }
    if (indent > 0) {
      if (logical.length > 0) logical.push({ line, text: lineText });
      else
        out.errors.push({
          code: 'leading-continuation',
          message: 'This line starts with whitespace, so it continues a previous entry, but there is none',
          range: range(line, indent, line, lineText.length),
        });
      return;
    }
    flush();
    logical.push({ line, text: lineText });
  });
  flush();
  return out;
}

/** Characters of a logical line with their positions, so targets keep exact ranges across lines. */
interface Char {
  c: string;
  line: number;
  col: number;
}

function parseEntry(parts: Physical[], out: AliasesFile): void {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const whole = range(first.line, 0, last.line, last.text.trimEnd().length);
  const colon = nameEnd(first.text);
  if (colon < 0) {
    out.errors.push({
      code: 'missing-colon',
      message: "An alias needs a ':' after its name, as in 'postmaster: root'",
      range: range(first.line, 0, first.line, first.text.trimEnd().length),
    });
    return;
  }
  const rawName = first.text.slice(0, colon).trimEnd();
  if (rawName === '') {
    out.errors.push({ code: 'empty-name', message: "The alias name before ':' is empty", range: range(first.line, 0, first.line, colon + 1) });
    return;
  }
  const name = rawName.startsWith('"') && rawName.endsWith('"') && rawName.length > 1 ? rawName.slice(1, -1) : rawName;
  const entry: AliasEntry = { name, nameRange: range(first.line, 0, first.line, rawName.length), targets: [], range: whole };

  const chars: Char[] = [];
  parts.forEach((p, i) => {
    const from = i === 0 ? colon + 1 : 0;
    if (i > 0) chars.push({ c: ' ', line: p.line, col: -1 });
    for (let col = from; col < p.text.length; col++) chars.push({ c: p.text[col], line: p.line, col });
  });
  const errorsBefore = out.errors.length;
  splitTargets(chars, entry, out);
  if (entry.targets.length === 0 && out.errors.length === errorsBefore) {
    out.errors.push({
      code: 'no-targets',
      message: `The alias '${name}' has no targets after ':'`,
      range: entry.nameRange,
    });
  }
  out.entries.push(entry);
}

/** Index of the colon that ends the name; a quoted name may contain colons. */
function nameEnd(text: string): number {
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    if (close < 0) return -1;
    return text.indexOf(':', close);
  }
  return text.indexOf(':');
}

function splitTargets(chars: Char[], entry: AliasEntry, out: AliasesFile): void {
  let current: Char[] = [];
  let quoted = false;
  const finish = () => {
    let s = 0;
    let e = current.length;
    while (s < e && /\s/.test(current[s].c)) s++;
    while (e > s && /\s/.test(current[e - 1].c)) e--;
    const piece = current.slice(s, e);
    current = [];
    if (piece.length === 0) return;
    const start = piece[0];
    const end = piece[piece.length - 1];
    entry.targets.push(classify(piece.map((p) => p.c).join(''), range(start.line, start.col, end.line, end.col + 1), out));
  };
  for (const ch of chars) {
    if (ch.c === '"') quoted = !quoted;
    if (ch.c === ',' && !quoted) {
      if (current.every((x) => /\s/.test(x.c))) {
        out.errors.push({ code: 'empty-target', message: 'Empty target before this comma', range: range(ch.line, ch.col, ch.line, ch.col + 1) });
        current = [];
      } else finish();
      continue;
    }
    current.push(ch);
  }
  if (quoted) {
    const startQuote = [...current].reverse().find((c) => c.c === '"') ?? current[0];
    if (startQuote)
      out.errors.push({ code: 'unclosed-quote', message: 'This quote is never closed', range: range(startQuote.line, startQuote.col, startQuote.line, startQuote.col + 1) });
  }
  finish();
}

function classify(text: string, r: Range, out: AliasesFile): AliasTarget {
  const bare = text.startsWith('"') && text.endsWith('"') && text.length > 1 ? text.slice(1, -1) : text;
  if (bare.startsWith('|')) return { text, kind: 'pipe', range: r };
  if (bare.startsWith('/')) return { text, kind: 'file', range: r };
  if (bare.toLowerCase().startsWith(':include:')) {
    if (bare.slice(':include:'.length).trim() === '')
      out.errors.push({ code: 'include-without-file', message: ':include: needs the path of a file listing the targets', range: r });
    return { text, kind: 'include', range: r };
  }
  if (bare.includes('@')) return { text, kind: 'address', range: r };
  return { text, kind: 'local', local: bare.replace(/^\\/, ''), range: r };
}

// Parser for Postfix main.cf. A logical line starts at column 0; lines that start with whitespace
// continue it; lines whose first non-blank character is '#' are comments, even inside a value.
import { Range, range, splitLines } from './range';

export interface MainCfEntry {
  name: string;
  nameRange: Range;
  /** The value as postconf sees it: continuation lines joined with a single space, trimmed. */
  value: string;
  /** From the first to the last character of the value, across continuation lines. */
  valueRange: Range;
  /** The whole logical line. */
  range: Range;
}

export interface MainCfComment {
  text: string;
  range: Range;
}

export interface MainCfSyntaxError {
  message: string;
  code: 'missing-equals' | 'leading-continuation' | 'bad-name';
  range: Range;
}

export interface MainCfFile {
  entries: MainCfEntry[];
  comments: MainCfComment[];
  errors: MainCfSyntaxError[];
}

interface PhysicalLine {
  line: number;
  text: string;
}

export function parseMainCf(text: string): MainCfFile {
  const lines = splitLines(text);
  const out: MainCfFile = { entries: [], comments: [], errors: [] };
  let logical: PhysicalLine[] = [];

  const flush = () => {
    if (logical.length > 0) parseLogicalLine(logical, out);
    logical = [];
  };

  lines.forEach((text, line) => {
    const trimmed = text.trimStart();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      out.comments.push({ text, range: range(line, text.length - trimmed.length, line, text.length) });
      return;
    }
    if (text !== trimmed) {
      if (logical.length === 0) {
        out.errors.push({
          code: 'leading-continuation',
          message: 'This line starts with whitespace, so it continues a previous line, but there is none',
          range: range(line, text.length - trimmed.length, line, text.length),
        });
      } else {
        logical.push({ line, text });
      }
      return;
    }
    flush();
    logical.push({ line, text });
  });
  flush();
  return out;
}

function parseLogicalLine(parts: PhysicalLine[], out: MainCfFile): void {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const whole = range(first.line, 0, last.line, last.text.trimEnd().length);
  const eq = first.text.indexOf('=');
  if (eq < 0) {
    out.errors.push({
      code: 'missing-equals',
      message: `Missing '=' after '${first.text.trim()}': a main.cf line must read 'name = value'`,
      range: whole,
    });
    return;
  }
  const rawName = first.text.slice(0, eq);
  const name = rawName.trim();
  const nameRange = range(first.line, 0, first.line, rawName.trimEnd().length);
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    out.errors.push({
      code: 'bad-name',
      message: `'${name}' is not a valid parameter name`,
      range: nameRange,
    });
    return;
  }

  const pieces: { line: number; start: number; text: string }[] = [];
  const head = first.text.slice(eq + 1);
  const headStart = eq + 1 + (head.length - head.trimStart().length);
  if (head.trim() !== '') pieces.push({ line: first.line, start: headStart, text: head.trim() });
  for (const p of parts.slice(1)) {
    const start = p.text.length - p.text.trimStart().length;
    pieces.push({ line: p.line, start, text: p.text.trim() });
  }
  const value = pieces.map((p) => p.text).join(' ');
  const valueRange =
    pieces.length === 0
      ? range(first.line, first.text.length, first.line, first.text.length)
      : range(
          pieces[0].line,
          pieces[0].start,
          pieces[pieces.length - 1].line,
          pieces[pieces.length - 1].start + pieces[pieces.length - 1].text.length,
        );
  out.entries.push({ name, nameRange, value, valueRange, range: whole });
}

// Parser for Postfix lookup-table sources, the text that postmap(1) turns into .db/.lmdb files:
// `key whitespace value`. A line whose first non-blank character is '#' is a comment; a line that
// starts with whitespace continues the previous entry's value. The same files serve as regexp and
// pcre tables (header_checks, a *_access table read as pcre:): there the key is a pattern,
// `/.../flags` (the first character delimits it, a backslash escapes it, '!' negates), which may
// hold blanks, and `if /pattern/` ... `endif` group lines without a value.
import { Range, range, splitLines } from './range';

export interface MapEntry {
  key: string;
  /** A regexp/pcre table's pattern, or its `if`/`endif`: matched in order, never looked up by key. */
  pattern?: boolean;
  keyRange: Range;
  /** Continuation lines joined with a single space, trimmed; '' when missing. */
  value: string;
  /** From the value's first to its last character; empty at the key's end when there is no value. */
  valueRange: Range;
  range: Range;
}

export interface MapSyntaxError {
  code: 'missing-value' | 'leading-continuation';
  message: string;
  range: Range;
}

export interface MapFile {
  entries: MapEntry[];
  comments: { text: string; range: Range }[];
  errors: MapSyntaxError[];
}

export function parsePostfixMap(text: string): MapFile {
  const out: MapFile = { entries: [], comments: [], errors: [] };
  let current: MapEntry | undefined;
  const finish = () => {
    if (current && current.value === '')
      out.errors.push({
        code: 'missing-value',
        message: `'${current.key}' has no value; postmap expects 'key whitespace value' and skips this line`,
        range: current.keyRange,
      });
    current = undefined;
  };
  splitLines(text).forEach((lineText, line) => {
    const trimmed = lineText.trim();
    const indent = lineText.length - lineText.trimStart().length;
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      out.comments.push({ text: trimmed, range: range(line, indent, line, lineText.trimEnd().length) });
      return;
    }
    const end = lineText.trimEnd().length;
    if (indent > 0) {
      if (!current) {
        out.errors.push({
          code: 'leading-continuation',
          message: 'This line starts with whitespace, so it continues a previous entry, but there is none',
          range: range(line, indent, line, end),
        });
        return;
      }
      if (current.value === '') current.valueRange = range(line, indent, line, end);
      else current.valueRange = { start: current.valueRange.start, end: { line, character: end } };
      current.value = current.value === '' ? trimmed : `${current.value} ${trimmed}`;
      current.range = { start: current.range.start, end: { line, character: end } };
      return;
    }
    finish();
    const condition = /^(if|endif)\b/i.exec(lineText)?.[1].toLowerCase();
    const patternEnd = condition === 'endif' ? 'endif'.length : patternKeyEnd(lineText, condition ? 2 + (lineText.slice(2).length - lineText.slice(2).trimStart().length) : 0);
    const blank = lineText.search(/\s/);
    const keyEnd = condition ? end : patternEnd ?? (blank < 0 ? end : blank);
    const rest = lineText.slice(keyEnd);
    const valueStart = keyEnd + (rest.length - rest.trimStart().length);
    current = {
      key: lineText.slice(0, keyEnd),
      ...(condition || patternEnd !== undefined ? { pattern: true } : {}),
      keyRange: range(line, 0, line, keyEnd),
      value: lineText.slice(valueStart, end),
      valueRange: valueStart < end ? range(line, valueStart, line, end) : range(line, keyEnd, line, keyEnd),
      range: range(line, 0, line, end),
    };
    out.entries.push(current);
    if (condition) current = undefined;
  });
  finish();
  return out;
}

/**
 * Where a `/pattern/flags` that starts at `at` ends (past its flags), or undefined when the text
 * there is no pattern. The delimiter is '/' (the tables' own manual pages write no other), a
 * backslash escapes the next character, and a leading '!' negates the match.
 */
function patternKeyEnd(text: string, at: number): number | undefined {
  let i = text[at] === '!' ? at + 1 : at;
  if (text[i] !== '/') return undefined;
  for (i++; i < text.length && text[i] !== '/'; i++) if (text[i] === '\\') i++;
  if (i >= text.length) return undefined;
  i++;
  while (i < text.length && /[A-Za-z]/.test(text[i])) i++;
  return i;
}

// Parser for Postfix lookup-table sources, the text that postmap(1) turns into .db/.lmdb files:
// `key whitespace value`. A line whose first non-blank character is '#' is a comment; a line that
// starts with whitespace continues the previous entry's value.
import { Range, range, splitLines } from './range';

export interface MapEntry {
  key: string;
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
    const keyEnd = lineText.search(/\s/) < 0 ? end : lineText.search(/\s/);
    const rest = lineText.slice(keyEnd);
    const valueStart = keyEnd + (rest.length - rest.trimStart().length);
    current = {
      key: lineText.slice(0, keyEnd),
      keyRange: range(line, 0, line, keyEnd),
      value: lineText.slice(valueStart, end),
      valueRange: valueStart < end ? range(line, valueStart, line, end) : range(line, keyEnd, line, keyEnd),
      range: range(line, 0, line, end),
    };
    out.entries.push(current);
  });
  finish();
  return out;
}

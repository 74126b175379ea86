// Parser for Dovecot 2.3 configuration files (dovecot.conf, conf.d/*.conf, *.conf.ext), following
// the reader in Dovecot's config-parser.c line by line, so that what it refuses we refuse at the
// same line:
// - blanks before a line are skipped; a line that is then empty or starts with '#' is skipped, even
//   in the middle of a continued line;
// - '#' outside quotes ends the line (Dovecot warns when no blank precedes it);
// - a line ending in '\' continues on the next one, joined with one space;
// - then the line is `key = value`, `type [name] {`, `}`, `!include PATH` or `!include_try PATH`.
//   A value starting with '<' names a file whose content is the value; an unquoted value with '$'
//   refers to other settings; a value in matching quotes loses them and its backslash escapes.
// Included files are only named here; following them is the analysis' job.
import { Position, Range } from './range';

export interface DovecotVariable {
  name: string;
  range: Range;
}

export interface DovecotSetting {
  kind: 'setting';
  key: string;
  keyRange: Range;
  /** The value as Dovecot stores it: quotes and escapes removed, or the file name after '<'. */
  value: string;
  valueRange: Range;
  valueKind: 'plain' | 'file' | 'variable';
  /** $name references of a 'variable' value. */
  variables: DovecotVariable[];
  range: Range;
}

export interface DovecotSection {
  kind: 'section';
  type: string;
  typeRange: Range;
  /** '' for sections written without a name (`passdb {`). */
  name: string;
  nameRange?: Range;
  /** The `type name {` line. */
  headerRange: Range;
  /** The closing '}', absent when the file ends first (an error). */
  closeRange?: Range;
  /** From the header to the closing brace (or the end of the file). */
  range: Range;
  children: DovecotNode[];
}

export interface DovecotInclude {
  kind: 'include';
  /** !include_try: a pattern that matches nothing is not an error. */
  optional: boolean;
  path: string;
  pathRange: Range;
  range: Range;
}

export type DovecotNode = DovecotSetting | DovecotSection | DovecotInclude;

export type DovecotErrorCode =
  | 'missing-key'
  | 'unexpected-close'
  | 'missing-close'
  | 'expecting-brace'
  | 'garbage-after-brace'
  | 'include-without-path';

export interface DovecotSyntaxError {
  code: DovecotErrorCode;
  range: Range;
}

export interface DovecotFile {
  nodes: DovecotNode[];
  comments: { text: string; range: Range }[];
  errors: DovecotSyntaxError[];
  /** '#' right after a non-blank: Dovecot takes it as a comment and warns. */
  ambiguousHashes: Range[];
}

const WHITE = (c: string | undefined) => c === ' ' || c === '\t';

/** A logical line: its characters with the position each came from (one more at the end). */
interface Logical {
  text: string;
  at: Position[];
}

export function parseDovecot(text: string): DovecotFile {
  const out: DovecotFile = { nodes: [], comments: [], errors: [], ambiguousHashes: [] };
  const stack: DovecotSection[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let pending: Logical | undefined;
  for (let line = 0; line < lines.length; line++) {
    const raw = lines[line];
    let start = 0;
    while (WHITE(raw[start])) start++;
    if (start === raw.length) continue;
    if (raw[start] === '#') {
      out.comments.push({ text: raw.slice(start).trimEnd(), range: span(line, start, raw.trimEnd().length) });
      continue;
    }
    let end = stripComment(raw, start, line, out);
    while (end > start && WHITE(raw[end - 1])) end--;
    if (end > start && raw[end - 1] === '\\') {
      let body = end - 1;
      while (body > start && WHITE(raw[body - 1])) body--;
      pending ??= { text: '', at: [] };
      if (body > start) {
        append(pending, raw, line, start, body);
        pending.text += ' ';
        pending.at.push({ line, character: end - 1 });
      }
      continue;
    }
    const logical = pending ?? { text: '', at: [] };
    pending = undefined;
    append(logical, raw, line, start, end);
    logical.at.push({ line, character: end });
    parseLogical(logical, out, stack);
  }
  if (pending && pending.text.length > 0) {
    // A continuation on the last line: Dovecot never reads the rest, so nothing is set.
    pending.at.push(pending.at[pending.at.length - 1]);
  }
  const eof = { line: lines.length - 1, character: lines[lines.length - 1].length };
  for (const open of stack) {
    open.range = { start: open.range.start, end: eof };
  }
  if (stack.length > 0) out.errors.push({ code: 'missing-close', range: stack[stack.length - 1].headerRange });
  return out;
}

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function append(l: Logical, raw: string, line: number, start: number, end: number): void {
  l.text += raw.slice(start, end);
  for (let i = start; i < end; i++) l.at.push({ line, character: i });
}

/** Where the line's content ends once a '#' comment outside quotes is cut off. */
function stripComment(raw: string, start: number, line: number, out: DovecotFile): number {
  for (let p = start; p < raw.length; p++) {
    const c = raw[p];
    if (c === '"' || c === "'") {
      for (p++; p < raw.length && raw[p] !== c; p++) if (raw[p] === '\\' && p + 1 < raw.length) p++;
      if (p >= raw.length) return raw.length;
    } else if (c === '#') {
      if (!WHITE(raw[p - 1])) out.ambiguousHashes.push(span(line, p, p + 1));
      out.comments.push({ text: raw.slice(p).trimEnd(), range: span(line, p, raw.trimEnd().length) });
      return p;
    }
  }
  return raw.length;
}

function rangeOf(l: Logical, from: number, to: number): Range {
  const start = l.at[Math.min(from, l.at.length - 1)];
  const endChar = to > from ? l.at[to - 1] : start;
  return { start, end: to > from ? { line: endChar.line, character: endChar.character + 1 } : start };
}

function parseLogical(l: Logical, out: DovecotFile, stack: DovecotSection[]): void {
  const s = l.text;
  const whole = rangeOf(l, 0, s.length);
  let p = 0;
  while (p < s.length && !WHITE(s[p]) && s[p] !== '=') p++;
  const key = s.slice(0, p);
  const keyRange = rangeOf(l, 0, p);
  while (WHITE(s[p])) p++;
  const into = stack.length > 0 ? stack[stack.length - 1].children : out.nodes;

  if (key === '!include' || key === '!include_try') {
    const path = s.slice(p);
    if (path === '') out.errors.push({ code: 'include-without-path', range: keyRange });
    into.push({ kind: 'include', optional: key === '!include_try', path, pathRange: rangeOf(l, p, s.length), range: whole });
    return;
  }
  if (s[p] === '=') {
    if (key === '') {
      out.errors.push({ code: 'missing-key', range: rangeOf(l, p, p + 1) });
      return;
    }
    p++;
    while (WHITE(s[p])) p++;
    into.push(setting(l, key, keyRange, p, whole));
    return;
  }
  if (key === '}' && p === s.length) {
    const open = stack.pop();
    if (!open) {
      out.errors.push({ code: 'unexpected-close', range: keyRange });
      return;
    }
    open.closeRange = keyRange;
    open.range = { start: open.range.start, end: keyRange.end };
    return;
  }
  let name = '';
  let nameRange: Range | undefined;
  if (s[p] !== '{') {
    const nameStart = p;
    if (s[p] === '"' || s[p] === "'") {
      const close = s.indexOf(s[p], p + 1);
      if (close < 0) {
        out.errors.push({ code: 'expecting-brace', range: whole });
        return;
      }
      name = s.slice(p + 1, close);
      nameRange = rangeOf(l, p + 1, close);
      p = close + 1;
    } else {
      while (p < s.length && !WHITE(s[p])) p++;
      name = s.slice(nameStart, p);
      nameRange = rangeOf(l, nameStart, p);
    }
    while (WHITE(s[p])) p++;
    if (s[p] !== '{') {
      out.errors.push({ code: 'expecting-brace', range: whole });
      return;
    }
  }
  if (p + 1 < s.length) {
    out.errors.push({ code: 'garbage-after-brace', range: rangeOf(l, p + 1, s.length) });
    return;
  }
  const section: DovecotSection = { kind: 'section', type: key, typeRange: keyRange, name, nameRange, headerRange: whole, range: whole, children: [] };
  into.push(section);
  stack.push(section);
}

function setting(l: Logical, key: string, keyRange: Range, p: number, whole: Range): DovecotSetting {
  const s = l.text;
  const base = { kind: 'setting' as const, key, keyRange, range: whole, variables: [] as DovecotVariable[] };
  if (s[p] === '<') {
    let q = p + 1;
    while (WHITE(s[q])) q++;
    return { ...base, value: s.slice(q), valueRange: rangeOf(l, q, s.length), valueKind: 'file' };
  }
  const valueRange = rangeOf(l, p, s.length);
  const raw = s.slice(p);
  if (raw[0] !== '"' && raw[0] !== "'" && raw.includes('$')) {
    const variables: DovecotVariable[] = [];
    const re = /\$(ENV:)?[A-Za-z0-9_]+/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) variables.push({ name: m[0].slice(1), range: rangeOf(l, p + m.index, p + m.index + m[0].length) });
    return { ...base, value: raw, valueRange, valueKind: 'variable', variables };
  }
  const quoted = raw.length > 1 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  const value = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  return { ...base, value, valueRange, valueKind: 'plain' };
}

/** A section and the sections around it, innermost first; shared by every node inside it. */
export interface DovecotFrame {
  section: DovecotSection;
  up?: DovecotFrame;
}

/**
 * Every node of the file, depth first, with the frame of the section that holds it. Iterative and
 * with shared frames, so that thousands of nested sections cost neither stack nor quadratic memory.
 */
export function walkDovecot(nodes: DovecotNode[]): { node: DovecotNode; frame?: DovecotFrame }[] {
  const out: { node: DovecotNode; frame?: DovecotFrame }[] = [];
  const todo: { nodes: DovecotNode[]; index: number; frame?: DovecotFrame }[] = [{ nodes, index: 0 }];
  while (todo.length > 0) {
    const top = todo[todo.length - 1];
    if (top.index >= top.nodes.length) {
      todo.pop();
      continue;
    }
    const node = top.nodes[top.index++];
    out.push({ node, frame: top.frame });
    if (node.kind === 'section') todo.push({ nodes: node.children, index: 0, frame: { section: node, up: top.frame } });
  }
  return out;
}

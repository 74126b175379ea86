// Re-parsing a zone after an edit without reading it all again. A keystroke in a 100,000-record
// zone changes one record, but a full parse costs tens of milliseconds: here only the lines
// around the change are parsed (from the nearest line that names its owner, through the records
// after it that inherit that owner), and the rest of the previous parse is copied with its
// offsets, lines and row numbers moved. Edits the shortcut cannot follow safely (parentheses,
// directives, escapes, $INCLUDE, a zone with no $TTL before the change) return undefined, and the
// caller parses in full. The answer is always the one a full parse gives (see the property test).
import { absoluteName, checkName } from './names';
import { parseZoneFragment, ParseOptions } from './parser';
import { lineOf } from './ranges';
import { commonPrefix, commonSuffix } from './textEdges';
import { MAX_TTL, parseTtl } from './ttl';
import { RecordTable, ZoneDirective, ZoneError, ZoneFile, ZoneRecord, ZoneSource } from './tree';

const LF = 10, CR = 13, SPACE = 32, TAB = 9, SEMI = 59, DOLLAR = 36;

/** A line that starts with its owner name (not a blank, comment, empty line or directive). */
function startsWithOwner(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  return c !== SPACE && c !== TAB && c !== LF && c !== CR && c !== SEMI && c !== DOLLAR;
}

/** Start of the line holding offset `at`. */
function lineStartOf(text: string, at: number): number {
  // lastIndexOf reads a negative start as 0, which would find a newline at 0 for offset 0.
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

/** True when text[from, to) has nothing the line-wise shortcut cannot follow. */
function plainLines(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // ( ) span lines, $ starts directives, \ escapes, a lone CR is a line break of its own.
    if (c === 40 || c === 41 || c === DOLLAR || c === 92) return false;
    if (c === CR && text.charCodeAt(i + 1) !== LF) return false;
  }
  return true;
}

/** The $ORIGIN and $TTL in force at `offset`, replayed from the directives before it. */
function stateAt(zone: ZoneFile, offset: number): { origin: string; defaultTtl: number } {
  let origin = zone.origin;
  let defaultTtl = -1;
  for (const d of zone.directives) {
    if (d.start >= offset) break;
    if (d.name === '$ORIGIN' && d.args.length > 0) {
      const o = absoluteName(d.args[0], origin);
      if (!checkName(o)) origin = o;
    } else if (d.name === '$TTL' && d.args.length > 0) {
      const v = parseTtl(d.args[0]);
      if (v >= 0) defaultTtl = v > MAX_TTL ? 0 : v;
    }
  }
  return { origin, defaultTtl };
}

/** First row of `table` whose record starts at or after `offset` (rows are in text order). */
function firstRowFrom(table: RecordTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** old rows [0, cut) + fragment rows moved by `base` + old rows [resume, count) moved by `delta`. */
function spliceTable(old: RecordTable, cut: number, resume: number, frag: RecordTable, base: number, delta: number, source: ZoneSource): RecordTable {
  const tail = old.count - resume;
  const count = cut + frag.count + tail;
  const t = new RecordTable(count + 16, old.apex);
  t.sources = [source];
  const int32 = ['typeCode', 'ttl', 'start', 'ownerEnd', 'typeStart', 'rdataStart', 'rdataEnd', 'targetStart', 'targetEnd'] as const;
  const offsets = new Set<string>(['start', 'ownerEnd', 'typeStart', 'rdataStart', 'rdataEnd', 'targetStart', 'targetEnd']);
  const at = cut + frag.count;
  for (const k of int32) {
    const dst = t[k];
    dst.set(old[k].subarray(0, cut), 0);
    dst.set(frag[k].subarray(0, frag.count), cut);
    dst.set(old[k].subarray(resume, old.count), at);
    if (!offsets.has(k)) continue;
    const missing = k === 'targetStart' || k === 'targetEnd';
    for (let i = cut; i < at; i++) if (!missing || dst[i] >= 0) dst[i] += base;
    for (let i = at; i < count; i++) if (!missing || dst[i] >= 0) dst[i] += delta;
  }
  t.flags.set(old.flags.subarray(0, cut), 0);
  t.flags.set(frag.flags.subarray(0, frag.count), cut);
  t.flags.set(old.flags.subarray(resume, old.count), at);
  // sourceIndex stays 0 everywhere: one source, and the new table's arrays start zeroed.
  for (let i = 0; i < cut; i++) {
    t.owner[i] = old.owner[i];
    t.target[i] = old.target[i];
  }
  for (let i = 0; i < frag.count; i++) {
    t.owner[cut + i] = frag.owner[i];
    t.target[cut + i] = frag.target[i];
  }
  for (let i = 0; i < tail; i++) {
    t.owner[at + i] = old.owner[resume + i];
    t.target[at + i] = old.target[resume + i];
  }
  const moveMap = <V>(from: Map<number, V>, to: Map<number, V>, fragMap: Map<number, V>) => {
    for (const [i, v] of from) {
      if (i < cut) to.set(i, v);
      else if (i >= resume) to.set(i - resume + at, v);
    }
    for (const [i, v] of fragMap) to.set(cut + i, v);
  };
  moveMap(old.typeWritten, t.typeWritten, frag.typeWritten);
  moveMap(old.rrclass, t.rrclass, frag.rrclass);
  moveMap(old.generated, t.generated, frag.generated);
  t.count = count;
  return t;
}

/**
 * The parse of `text`, given `previous` (the parse of the text before the edit, with the same
 * options), or undefined when this edit needs a full parse.
 */
export function reparseZone(previous: ZoneFile, text: string, options: ParseOptions): ZoneFile | undefined {
  const prev = previous.source;
  const old = prev.text;
  // $INCLUDEd files may have changed on disk, or been unreadable to the previous parse: read them again.
  if (previous.directives.some((d) => d.name === '$INCLUDE') || previous.includes.length > 0 || prev.includedFrom || previous.table.sources.length > 1 || previous.outOfZone.sources.length > 1) return undefined;
  if (old === text) return undefined;
  const delta = text.length - old.length;
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  // The changed lines, then back to a line that names its owner in both texts (the lines before
  // the change are the same in both), then on through the lines that inherit an owner.
  let from = lineStartOf(old, p);
  while (!(startsWithOwner(old, from) && startsWithOwner(text, from))) {
    if (from === 0 || old.charCodeAt(from) === DOLLAR) return undefined;
    from = lineStartOf(old, from - 1);
  }
  let to = old.indexOf('\n', old.length - s);
  to = to < 0 ? old.length : to + 1;
  while (to < old.length && !startsWithOwner(old, to)) {
    if (old.charCodeAt(to) === DOLLAR) return undefined;
    const next = old.indexOf('\n', to);
    to = next < 0 ? old.length : next + 1;
  }
  // Nor may the lines be part of a parenthesised record, or follow an unclosed one.
  if (!plainLines(old, from, to) || !plainLines(text, from, to + delta)) return undefined;
  for (const pair of previous.parens) if (pair.open < to && pair.close >= from) return undefined;
  if (previous.errors.some((e) => e.code === 'unbalanced-parentheses')) return undefined;
  const start = stateAt(previous, from);
  if (start.defaultTtl < 0) return undefined;

  const frag = parseZoneFragment(text.slice(from, to + delta), { uri: prev.uri, origin: previous.origin }, start);
  if (frag.directives.length > 0 || frag.parens.length > 0) return undefined;

  // Lines: those before the fragment, the fragment's, and the rest moved by delta.
  const firstLine = lineOf(prev, from);
  const endLine = to >= old.length ? prev.lineCount : lineOf(prev, to);
  const fragLines = frag.source.lineCount - (to + delta >= text.length ? 0 : 1);
  const lineDelta = fragLines - (endLine - firstLine);
  const lineCount = prev.lineCount + lineDelta;
  const lineStarts = new Int32Array(Math.max(16, lineCount + 1));
  lineStarts.set(prev.lineStarts.subarray(0, firstLine), 0);
  for (let i = 0; i < fragLines; i++) lineStarts[firstLine + i] = frag.source.lineStarts[i] + from;
  for (let i = endLine; i < prev.lineCount; i++) lineStarts[i + lineDelta] = prev.lineStarts[i] + delta;
  const source: ZoneSource = { uri: prev.uri, text, lineStarts, lineCount };

  const main = spliceTable(previous.table, firstRowFrom(previous.table, from), firstRowFrom(previous.table, to), frag.table, from, delta, source);
  const outOfZone = spliceTable(previous.outOfZone, firstRowFrom(previous.outOfZone, from), firstRowFrom(previous.outOfZone, to), frag.outOfZone, from, delta, source);

  const moved = (e: ZoneError, lines: number): ZoneError => ({
    ...e,
    source,
    range: { start: { line: e.range.start.line + lines, character: e.range.start.character }, end: { line: e.range.end.line + lines, character: e.range.end.character } },
  });
  const errors: ZoneError[] = [];
  for (const e of previous.errors) if (e.range.start.line < firstLine) errors.push(moved(e, 0));
  for (const e of frag.errors) errors.push(moved(e, firstLine));
  for (const e of previous.errors) if (e.range.start.line >= endLine) errors.push(moved(e, lineDelta));
  const directives: ZoneDirective[] = previous.directives.map((d) =>
    d.start < from ? { ...d, source } : { ...d, source, line: d.line + lineDelta, start: d.start + delta, end: d.end + delta },
  );
  const parens = previous.parens.map((q) => (q.open < from ? q : { open: q.open + delta, close: q.close + delta }));

  let views: ZoneRecord[] | undefined;
  return {
    source,
    origin: previous.origin,
    table: main,
    get records() {
      if (!views) {
        views = new Array<ZoneRecord>(main.count);
        for (let i = 0; i < main.count; i++) views[i] = main.record(i);
      }
      return views;
    },
    outOfZone,
    directives,
    errors,
    includes: [],
    parens,
  };
}


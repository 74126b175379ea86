// Re-parsing a big main.cf on every keystroke costs more than the editor's budget, so an edit
// re-parses only the logical lines it touches: the text before the change and after it is the
// same, so are the entries there (those after it move by the number of lines added or removed).
// A logical line starts at a line whose first character is neither blank nor '#'; everything
// between two such starts belongs to one entry, so cutting there is always safe.
import { MainCfFile, parseMainCf } from '../../parsers/maincf';
import type { Range } from '../../parsers/range';

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether the line at `start` begins a logical line (first character neither blank nor '#'). */
function beginsLogicalLine(text: string, start: number): boolean {
  const c = text[start];
  return c !== undefined && c !== '\n' && c !== ' ' && c !== '\t' && c !== '\r' && c !== '\v' && c !== '\f' && c !== '#';
}

const shiftRange = (r: Range, d: number): Range => ({ start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } });

function shifted(tree: MainCfFile, d: number): MainCfFile {
  if (d === 0) return tree;
  return {
    entries: tree.entries.map((e) => ({
      ...e,
      nameRange: shiftRange(e.nameRange, d),
      valueRange: shiftRange(e.valueRange, d),
      range: shiftRange(e.range, d),
      line: e.line + d,
      references: e.references.map((r) => ({ ...r, range: shiftRange(r.range, d), nameRange: shiftRange(r.nameRange, d) })),
    })),
    comments: tree.comments.map((c) => ({ ...c, range: shiftRange(c.range, d) })),
    errors: tree.errors.map((x) => ({ ...x, range: shiftRange(x.range, d) })),
    orphans: tree.orphans.map((o) => ({ ...o, line: o.line + d })),
  };
}

function slice(tree: MainCfFile, from: number, to: number): MainCfFile {
  const inside = (line: number) => line >= from && line < to;
  return {
    entries: tree.entries.filter((e) => inside(e.line)),
    comments: tree.comments.filter((c) => inside(c.range.start.line)),
    errors: tree.errors.filter((x) => inside(x.range.start.line)),
    orphans: tree.orphans.filter((o) => inside(o.line)),
  };
}

/** The tree of `newText`, reusing what `oldTree` (the tree of `oldText`) says about unchanged lines. */
export function reparseMainCf(oldText: string, oldTree: MainCfFile, newText: string): MainCfFile {
  if (oldText === newText) return oldTree;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const oldStarts = lineStarts(oldText);
  const newStarts = lineStarts(newText);
  const delta = newStarts.length - oldStarts.length;
  // Start one line early: an edit at the start of a line can turn it into a continuation of the previous one.
  let from = Math.max(0, lineOf(oldStarts, p) - 1);
  while (from > 0 && !beginsLogicalLine(oldText, oldStarts[from])) from--;
  let to = lineOf(oldStarts, oldText.length - s) + 1;
  while (to < oldStarts.length && !beginsLogicalLine(oldText, oldStarts[to])) to++;
  if (from === 0 && to >= oldStarts.length) return parseMainCf(newText);
  const newTo = to + delta;
  const segEnd = newTo < newStarts.length ? newStarts[newTo] : newText.length;
  const middle = shifted(parseMainCf(newText.slice(newStarts[from], segEnd)), from);
  const before = slice(oldTree, 0, from);
  const after = shifted(slice(oldTree, to, Infinity), delta);
  const errors = [...before.errors, ...middle.errors, ...after.errors];
  const orphans = [...before.orphans, ...middle.orphans, ...after.orphans];
  // The parser orders errors by line when there are orphans; keep the same order.
  if (orphans.length > 0) errors.sort((a, b) => a.range.start.line - b.range.start.line);
  return {
    entries: [...before.entries, ...middle.entries, ...after.entries],
    comments: [...before.comments, ...middle.comments, ...after.comments],
    errors,
    orphans,
  };
}

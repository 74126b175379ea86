// Re-parsing a big main.cf on every keystroke costs more than the editor's budget, so an edit
// re-parses only the logical lines it touches: the text before the change and after it is the
// same, so are the entries there (those after it move by the number of lines added or removed).
// A logical line starts at a line whose first character is neither blank nor '#'; everything
// between two such starts belongs to one entry, so cutting there is always safe.
import { byPosition, MainCfEntry, MainCfFile, parseMainCf } from '../../parsers/maincf';
import type { Range } from '../../parsers/range';

/** Whether the line at `start` begins a logical line (first character neither blank nor '#'). */
function beginsLogicalLine(text: string, start: number): boolean {
  const c = text[start];
  return c !== undefined && c !== '\n' && c !== ' ' && c !== '\t' && c !== '\r' && c !== '\v' && c !== '\f' && c !== '#';
}

const shiftRange = (r: Range, d: number): Range => ({ start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } });

/**
 * An entry that only moved, to the entry it was before the edit: analyses that cache per entry
 * (with line numbers relative to the entry) can reuse their results for it.
 */
export const movedFrom = new WeakMap<MainCfEntry, MainCfEntry>();

function shiftEntry(e: MainCfEntry, d: number): MainCfEntry {
  const moved: MainCfEntry = {
    ...e,
    nameRange: shiftRange(e.nameRange, d),
    valueRange: shiftRange(e.valueRange, d),
    range: shiftRange(e.range, d),
    line: e.line + d,
    references: e.references.map((r) => ({ ...r, range: shiftRange(r.range, d), nameRange: shiftRange(r.nameRange, d) })),
  };
  movedFrom.set(moved, movedFrom.get(e) ?? e);
  return moved;
}

function shifted(tree: MainCfFile, d: number): MainCfFile {
  if (d === 0) return tree;
  return {
    entries: tree.entries.map((e) => shiftEntry(e, d)),
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

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The tree of `newText`, reusing what `oldTree` (the tree of `oldText`) says about unchanged lines. */
export function reparseMainCf(oldText: string, oldTree: MainCfFile, newText: string): MainCfFile {
  if (oldText === newText) return oldTree;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const oldEnd = oldText.length - s;
  const delta = countNewlines(newText, p, newText.length - s) - countNewlines(oldText, p, oldEnd);
  // Back to the start of the line before the change (an edit at the start of a line can turn it
  // into a continuation of the previous one), then on back to the start of its logical line.
  const previousLine = (start: number) => (start < 2 ? 0 : oldText.lastIndexOf('\n', start - 2) + 1);
  let fromOffset = p === 0 ? 0 : oldText.lastIndexOf('\n', p - 1) + 1;
  fromOffset = previousLine(fromOffset);
  while (fromOffset > 0 && !beginsLogicalLine(oldText, fromOffset)) fromOffset = previousLine(fromOffset);
  // Forward to the first logical line that starts after the line where the change ends.
  let toOffset = oldText.indexOf('\n', oldEnd);
  toOffset = toOffset < 0 ? oldText.length : toOffset + 1;
  while (toOffset < oldText.length && !beginsLogicalLine(oldText, toOffset)) {
    const nl = oldText.indexOf('\n', toOffset);
    toOffset = nl < 0 ? oldText.length : nl + 1;
  }
  if (fromOffset === 0 && toOffset >= oldText.length) return parseMainCf(newText);
  const from = countNewlines(oldText, 0, fromOffset);
  const to = toOffset >= oldText.length ? Infinity : from + countNewlines(oldText, fromOffset, toOffset);
  const middle = shifted(parseMainCf(newText.slice(fromOffset, toOffset + (newText.length - oldText.length))), from);
  const before = slice(oldTree, 0, from);
  const after = to === Infinity ? slice(oldTree, Infinity, Infinity) : shifted(slice(oldTree, to, Infinity), delta);
  const errors = [...before.errors, ...middle.errors, ...after.errors];
  const orphans = [...before.orphans, ...middle.orphans, ...after.orphans];
  // The parser gives errors in document order; so must the pieces put together.
  errors.sort(byPosition);
  return {
    entries: [...before.entries, ...middle.entries, ...after.entries],
    comments: [...before.comments, ...middle.comments, ...after.comments],
    errors,
    orphans,
  };
}

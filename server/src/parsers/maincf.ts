// Parser for Postfix main.cf. Logical lines come from logicalLines.ts (Postfix's own rules for
// comments, blank lines and continuations); each one must read `name = value`, split like
// Postfix's split_nameval(): the name runs to the first blank or '=', the value is what follows
// the '=' with surrounding blanks removed. A '#' inside a value is literal.
import { english, Localized, msg } from '../l10n';
import { checkBraceGrouping, ExpansionErrorCode, parseExpansion, ValueReference } from './expansion';
import { eachLogicalLine, isSpace, LinePiece, LogicalLine, orphanFindings, rangeIn } from './logicalLines';
import { Range } from './range';

export interface MainCfReference extends ValueReference {
  /** Document range of the whole reference, '$' included. */
  range: Range;
  /** Document range of the name alone. */
  nameRange: Range;
}

export interface MainCfEntry {
  name: string;
  nameRange: Range;
  /** The value with each physical line trimmed and joined by one space (for display and checks). */
  value: string;
  /** The value exactly as Postfix stores it: physical lines glued as they are, then trimmed. */
  rawValue: string;
  /** From the first to the last character of the value, across continuation lines. */
  valueRange: Range;
  /** The whole logical line. */
  range: Range;
  /** $name references in the value, nested ones included, in order of appearance. */
  references: MainCfReference[];
  /** Zero-based line of the logical line's first physical line (Postfix reports it 1-based). */
  line: number;
}

export interface MainCfComment {
  text: string;
  range: Range;
}

export type MainCfErrorCode = 'missing-equals' | 'missing-name' | 'leading-continuation' | 'bad-name' | ExpansionErrorCode;

export interface MainCfSyntaxError {
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n: Localized;
  code: MainCfErrorCode;
  range: Range;
}

export interface MainCfFile {
  entries: MainCfEntry[];
  comments: MainCfComment[];
  errors: MainCfSyntaxError[];
  /** Logical lines Postfix ignores because they start with whitespace (raw text, first line). */
  orphans: { text: string; line: number }[];
}

/** Names Postfix itself would write; anything else is legal to Postfix but almost surely a typo. */
const NAME = /^[A-Za-z0-9_.-]+$/;

export function parseMainCf(text: string): MainCfFile {
  // Each logical line is parsed as soon as it is read: only the entries stay.
  const entries: MainCfEntry[] = [];
  const entryErrors: MainCfSyntaxError[] = [];
  const logical = eachLogicalLine(text, (l) => parseEntry(l, entries, entryErrors));
  const orphans = orphanFindings(logical.orphans);
  const errors: MainCfSyntaxError[] = orphans.errors;
  const out: MainCfFile = { entries, comments: logical.comments, orphans: orphans.orphans, errors: errors.concat(entryErrors) };
  // Errors in document order, always: a tree pieced together after an edit (incremental.ts) must
  // equal this one whatever other lines hold.
  out.errors.sort(byPosition);
  return out;
}

/** Document order of two syntax errors. */
export function byPosition(a: MainCfSyntaxError, b: MainCfSyntaxError): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function parseEntry(line: LogicalLine, entries: MainCfEntry[], errors: MainCfSyntaxError[]): void {
  const { text, pieces, range: whole } = line;
  let i = 0;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '=') i++;
  const nameEnd = i;
  while (i < text.length && isSpace(text[i])) i++;
  if (nameEnd === 0) {
    errors.push({ code: 'missing-name', ...english(msg('syntax.missing-name')), range: whole });
    return;
  }
  const name = text.slice(0, nameEnd);
  if (text[i] !== '=') {
    errors.push({
      code: 'missing-equals',
      ...english(msg('syntax.missing-equals', name)),
      range: whole,
    });
    return;
  }
  i++;
  while (i < text.length && isSpace(text[i])) i++;
  let end = text.length;
  while (end > i && isSpace(text[end - 1])) end--;
  const rawValue = text.slice(i, end);
  const nameRange = rangeIn(line, 0, nameEnd);
  if (!NAME.test(name)) {
    errors.push({ code: 'bad-name', ...english(msg('syntax.bad-name', name)), range: nameRange });
  }
  const valueRange = rangeIn(line, i, end);
  // Without '$' a value has no references (and no reference errors) to parse.
  const parsed = rawValue.includes('$') ? parseExpansion(rawValue) : undefined;
  const references: MainCfReference[] = parsed ? parsed.references.map((r) => Object.assign(r, { range: rangeIn(line, i + r.start, i + r.end), nameRange: rangeIn(line, i + r.nameStart, i + r.nameEnd) })) : [];
  for (const e of parsed ? parsed.errors.concat(checkBraceGrouping(rawValue)) : checkBraceGrouping(rawValue)) {
    errors.push({ code: e.code, message: e.message, l10n: e.l10n, range: rangeIn(line, i + e.start, i + e.end) });
  }
  entries.push({
    name,
    nameRange,
    value: displayValue(text, pieces, i, end),
    rawValue,
    valueRange,
    range: whole,
    references,
    line: pieces[0].line,
  });
}

/** The value's physical pieces, each trimmed, joined by single spaces. */
function displayValue(text: string, pieces: LinePiece[], start: number, end: number): string {
  // One physical line (most settings): the value itself, trimmed as below.
  if (pieces.length === 1) return text.slice(start, end).trim();
  const parts: string[] = [];
  for (const p of pieces) {
    const s = Math.max(start, p.offset);
    const e = Math.min(end, p.offset + p.length);
    if (e <= s) continue;
    const t = text.slice(s, e).trim();
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

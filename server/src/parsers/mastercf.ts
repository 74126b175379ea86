// Parser for Postfix master.cf. Logical lines follow the same rules as main.cf (see
// logicalLines.ts). Each is split into blank-separated fields the way Postfix does it, except that
// text between balanced { } stays in one field, so `-o { name = value with blanks }` is one option.
// The first 8 fields are service, type, private, unpriv, chroot, wakeup, maxproc and command; the
// rest are the command's arguments, starting with daemon options such as `-o name=value`.
// Syntax only: whether a type or flag is valid is for the analyses, which get every field's range.
import { english, Localized, msg } from '../l10n';
import { ExpansionErrorCode, parseExpansion, ValueReference } from './expansion';
import { isSpace, LinePiece, orphanFindings, readLogicalLines, rangeIn } from './logicalLines';
import { Range } from './range';

export interface MasterCfField {
  /** The field as written, braces included. */
  text: string;
  range: Range;
  /** Offsets in the logical line's text. */
  start: number;
  end: number;
}

export interface MasterCfReference extends ValueReference {
  range: Range;
  nameRange: Range;
}

export interface MasterCfOption {
  /** The `-o` field (or `-oname=value` when written together). */
  flag: MasterCfField;
  /** The name=value text, without braces; undefined when `-o` is the last field. */
  argument?: MasterCfField;
  /** True for `-o { name = value }`. */
  long: boolean;
  name?: string;
  value?: string;
  nameRange?: Range;
  valueRange?: Range;
  references: MasterCfReference[];
  /** Faults of the $name syntax in the value; whether Postfix reads it as $names is the language service's call. */
  referenceErrors: ValueReferenceError[];
  range: Range;
}

export interface ValueReferenceError {
  code: ExpansionErrorCode;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n: Localized;
  range: Range;
}

export const MASTER_FIELD_NAMES = ['service', 'type', 'private', 'unpriv', 'chroot', 'wakeup', 'maxproc', 'command'] as const;
export type MasterFieldName = (typeof MASTER_FIELD_NAMES)[number];

export interface MasterCfEntry {
  /** All fields of the logical line, as written. */
  fields: MasterCfField[];
  service?: MasterCfField;
  type?: MasterCfField;
  private?: MasterCfField;
  unpriv?: MasterCfField;
  chroot?: MasterCfField;
  wakeup?: MasterCfField;
  maxproc?: MasterCfField;
  command?: MasterCfField;
  /** The fields after the command. */
  args: MasterCfField[];
  /** The `-o` daemon options among args. */
  options: MasterCfOption[];
  /** The logical line exactly as Postfix reads it. */
  text: string;
  range: Range;
  line: number;
}

export type MasterCfErrorCode = 'field-count' | 'leading-continuation' | 'unbalanced-braces' | 'missing-option-value' | 'option-syntax';

export interface MasterCfSyntaxError {
  code: MasterCfErrorCode;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n: Localized;
  range: Range;
}

export interface MasterCfFile {
  entries: MasterCfEntry[];
  comments: { text: string; range: Range }[];
  errors: MasterCfSyntaxError[];
  orphans: { text: string; line: number }[];
}

export function parseMasterCf(text: string): MasterCfFile {
  const logical = readLogicalLines(text);
  const out: MasterCfFile = { entries: [], comments: logical.comments, ...orphanFindings(logical.orphans) };
  for (const l of logical.lines) out.entries.push(parseEntry(l.text, l.pieces, l.range, out));
  if (logical.orphans.length > 0) out.errors.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
}

/** Splits like Postfix's mystrtokq(): blanks separate fields except inside balanced { }. */
export function splitMasterFields(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let level = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '{') level++;
      else if (level > 0 && c === '}') level--;
      else if (level === 0 && isSpace(c)) break;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

function parseEntry(text: string, pieces: LinePiece[], whole: Range, out: MasterCfFile): MasterCfEntry {
  const at = (s: number, e: number) => rangeIn({ pieces }, s, e);
  const fields = splitMasterFields(text) as MasterCfField[];
  for (const f of fields) f.range = at(f.start, f.end);
  const entry: MasterCfEntry = { fields, args: fields.slice(8), options: [], text, range: whole, line: pieces[0].line };
  MASTER_FIELD_NAMES.forEach((n, i) => {
    if (fields[i]) entry[n] = fields[i];
  });
  if (fields.length < 8) {
    out.errors.push({
      code: 'field-count',
      ...english(msg('syntax.field-count', fields.length)),
      range: whole,
    });
  }
  for (const f of fields) {
    if (f.text.startsWith('{') && balancedEnd(f.text) !== f.text.length) {
      out.errors.push({ code: 'unbalanced-braces', ...english(msg('syntax.unbalanced-field-braces', f.text)), range: f.range });
    }
  }
  parseOptions(entry, at, out);
  return entry;
}

/** Length of the balanced {...} at the start of s, or 0 when unbalanced. */
function balancedEnd(s: string): number {
  let level = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') level++;
    else if (s[i] === '}' && --level === 0) return i + 1;
  }
  return 0;
}

function parseOptions(entry: MasterCfEntry, at: (s: number, e: number) => Range, out: MasterCfFile): void {
  const args = entry.args;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!a.text.startsWith('-') || a.text === '--') break;
    if (a.text[1] !== 'o') continue;
    let arg: MasterCfField | undefined;
    if (a.text.length > 2) arg = { text: a.text.slice(2), start: a.start + 2, end: a.end, range: at(a.start + 2, a.end) };
    else if (args[k + 1]) arg = args[++k];
    const flag = a.text.length > 2 ? { text: '-o', start: a.start, end: a.start + 2, range: at(a.start, a.start + 2) } : a;
    const option: MasterCfOption = { flag, argument: arg, long: false, references: [], referenceErrors: [], range: at(flag.start, arg ? arg.end : flag.end) };
    entry.options.push(option);
    if (!arg) {
      out.errors.push({ code: 'missing-option-value', ...english(msg('syntax.option-needs-value')), range: flag.range });
      continue;
    }
    let s = arg.start;
    let e = arg.end;
    if (arg.text.startsWith('{')) {
      option.long = true;
      const len = balancedEnd(arg.text);
      if (len === 0) continue; // reported as unbalanced-braces above
      s += 1;
      e = arg.start + len - 1;
    }
    splitOption(entry.text, s, e, option, at, out);
  }
}

/** Splits name=value like Postfix's split_nameval(), with ranges. */
function splitOption(text: string, s: number, e: number, option: MasterCfOption, at: (s: number, e: number) => Range, out: MasterCfFile): void {
  let i = s;
  while (i < e && isSpace(text[i])) i++;
  const nameStart = i;
  while (i < e && !isSpace(text[i]) && text[i] !== '=') i++;
  const nameEnd = i;
  while (i < e && isSpace(text[i])) i++;
  if (nameEnd === nameStart || text[i] !== '=') {
    out.errors.push({
      code: 'option-syntax',
      ...english(nameEnd === nameStart ? msg('syntax.option-needs-name') : msg('syntax.option-missing-equals', text.slice(nameStart, nameEnd))),
      range: at(s, Math.max(e, s + 1)),
    });
    return;
  }
  i++;
  while (i < e && isSpace(text[i])) i++;
  let ve = e;
  while (ve > i && isSpace(text[ve - 1])) ve--;
  option.name = text.slice(nameStart, nameEnd);
  option.value = text.slice(i, ve);
  option.nameRange = at(nameStart, nameEnd);
  option.valueRange = at(i, ve);
  const base = i;
  if (!option.value.includes('$')) return;
  const parsed = parseExpansion(option.value);
  option.references = parsed.references.map((r) =>
    Object.assign(r, { range: at(base + r.start, base + r.end), nameRange: at(base + r.nameStart, base + r.nameEnd) }),
  );
  option.referenceErrors = parsed.errors.map((e) => ({ code: e.code, message: e.message, l10n: e.l10n, range: at(base + e.start, base + e.end) }));
}

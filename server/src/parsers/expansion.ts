// Finds the $name references in a Postfix parameter value, with offsets, following the syntax
// Postfix's macro expander accepts:
//   $name  ${name}  $(name)           the value of name
//   ${name?text}  ${name?{text}}      text when name is non-empty
//   ${name:text}  ${name:{text}}      text when name is empty or undefined
//   ${name?{text1}:{text2}}           either (Postfix 3.0 and later)
//   ${{text1} == {text2} ? {a} : {b}} a comparison (==, !=, <, <=, >, >=; Postfix 3.0 and later)
//   $$                                a literal '$'
// Branch texts are parsed in turn, so references nest. Offsets are UTF-16 indexes into the value.
// Pure and total: malformed input gives errors, never an exception.
import { english, Localized, msg } from '../l10n';
import { isAlnum, isSpace } from './logicalLines';

export type ReferenceForm = 'plain' | 'braces' | 'parens';

export interface ValueReference {
  name: string;
  /** The whole reference, from '$' to the closing bracket. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  form: ReferenceForm;
  /** Set for ${name?...} and ${name:...}. */
  test?: '?' | ':' | '?:';
  /** 0 for a reference at the top level of the value, 1 inside a branch of another, ... */
  depth: number;
}

export type ExpansionErrorCode = 'truncated-reference' | 'empty-reference' | 'bad-reference' | 'unbalanced-braces';

/** A fault of the $name syntax itself, as opposed to the { } grouping of a list value. */
export const isReferenceError = (code: string): boolean => code === 'truncated-reference' || code === 'empty-reference' || code === 'bad-reference';

export interface ExpansionError {
  code: ExpansionErrorCode;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n: Localized;
  start: number;
  end: number;
}

export interface ParsedExpansion {
  references: ValueReference[];
  errors: ExpansionError[];
}

const isNameChar = (c: string | undefined) => isAlnum(c) || c === '_';
const RELOPS = ['==', '!=', '<=', '>=', '<', '>'];

export function parseExpansion(text: string): ParsedExpansion {
  const out: ParsedExpansion = { references: [], errors: [] };
  parseRange(text, 0, text.length, 0, out);
  return out;
}

/** Parses text[from, to) as a value; reports offsets relative to the whole text. */
function parseRange(text: string, from: number, to: number, depth: number, out: ParsedExpansion): void {
  let i = from;
  while (i < to) {
    // Only a '$' starts a reference: jump to the next one.
    i = text.indexOf('$', i);
    if (i < 0 || i >= to) return;
    if (text[i + 1] === '$' && i + 1 < to) {
      i += 2;
      continue;
    }
    const open = text[i + 1];
    if ((open === '{' || open === '(') && i + 1 < to) {
      const close = open === '{' ? '}' : ')';
      let level = 1;
      let j = i + 2;
      for (; j < to && level > 0; j++) {
        if (text[j] === open) level++;
        else if (text[j] === close) level--;
      }
      if (level > 0) {
        out.errors.push({
          code: 'truncated-reference',
          ...english(msg('syntax.reference-unclosed', text.slice(i, to), close)),
          start: i,
          end: to,
        });
        return;
      }
      parseInside(text, i, i + 2, j - 1, j, open === '{' ? 'braces' : 'parens', depth, out);
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < to && isNameChar(text[j])) j++;
    if (j === i + 1) {
      out.errors.push({ code: 'empty-reference', ...english(msg('syntax.lone-dollar')), start: i, end: i + 1 });
      return;
    }
    out.references.push({ name: text.slice(i + 1, j), start: i, end: j, nameStart: i + 1, nameEnd: j, form: 'plain', depth });
    i = j;
  }
}

/** The inside of ${...} or $(...): a name with an optional test, or a comparison. */
function parseInside(
  text: string,
  refStart: number,
  from: number,
  to: number,
  refEnd: number,
  form: ReferenceForm,
  depth: number,
  out: ParsedExpansion,
): void {
  let i = skipWs(text, from, to);
  if (text[i] === '{') {
    parseComparison(text, i, to, depth, out);
    return;
  }
  const nameStart = i;
  while (i < to && isNameChar(text[i])) i++;
  const nameEnd = i;
  const k = skipWs(text, i, to);
  if (nameEnd === nameStart && k >= to) {
    out.errors.push({ code: 'empty-reference', ...english(msg('syntax.reference-needs-name')), start: refStart, end: refEnd });
    return;
  }
  if (k < to && text[k] !== '?' && text[k] !== ':') {
    out.errors.push({
      code: 'bad-reference',
      ...english(msg('syntax.reference-bad-char', text[k], text.slice(refStart, refEnd))),
      start: k,
      end: k + 1,
    });
    return;
  }
  if (nameEnd === nameStart) {
    out.errors.push({ code: 'empty-reference', ...english(msg('syntax.reference-needs-name')), start: refStart, end: refEnd });
    return;
  }
  const ref: ValueReference = {
    name: text.slice(nameStart, nameEnd),
    start: refStart,
    end: refEnd,
    nameStart,
    nameEnd,
    form,
    depth,
  };
  out.references.push(ref);
  if (k >= to) return;
  ref.test = text[k] as '?' | ':';
  parseBranches(text, k, to, depth, out, ref);
}

/** Parses "?a", ":b", "?{a}:{b}" starting at the operator at `op`. */
function parseBranches(text: string, op: number, to: number, depth: number, out: ParsedExpansion, ref?: ValueReference): void {
  let i = op + 1;
  const first = text[op];
  const j = skipWs(text, i, to);
  if (text[j] !== '{') {
    // Without braces the branch runs to the end of the reference.
    parseRange(text, i, to, depth + 1, out);
    return;
  }
  const end = curly(text, j, to, out);
  if (end < 0) return;
  parseRange(text, j + 1, end - 1, depth + 1, out);
  i = skipWs(text, end, to);
  if (i >= to) return;
  if (first === '?' && text[i] === ':') {
    if (ref) ref.test = '?:';
    const k = skipWs(text, i + 1, to);
    if (text[k] !== '{') {
      parseRange(text, i + 1, to, depth + 1, out);
      return;
    }
    const end2 = curly(text, k, to, out);
    if (end2 < 0) return;
    parseRange(text, k + 1, end2 - 1, depth + 1, out);
    i = skipWs(text, end2, to);
    if (i >= to) return;
  }
  out.errors.push({ code: 'bad-reference', ...english(msg('syntax.reference-after-branch', text.slice(i, to))), start: i, end: to });
}

function parseComparison(text: string, open: number, to: number, depth: number, out: ParsedExpansion): void {
  const leftEnd = curly(text, open, to, out);
  if (leftEnd < 0) return;
  parseRange(text, open + 1, leftEnd - 1, depth + 1, out);
  const opStart = skipWs(text, leftEnd, to);
  const op = RELOPS.find((o) => text.startsWith(o, opStart));
  if (!op) {
    out.errors.push({ code: 'bad-reference', ...english(msg('syntax.reference-operator')), start: opStart, end: Math.min(to, opStart + 1) });
    return;
  }
  const right = skipWs(text, opStart + op.length, to);
  if (text[right] !== '{') {
    out.errors.push({ code: 'bad-reference', ...english(msg('syntax.reference-right-side')), start: right, end: Math.min(to, right + 1) });
    return;
  }
  const rightEnd = curly(text, right, to, out);
  if (rightEnd < 0) return;
  parseRange(text, right + 1, rightEnd - 1, depth + 1, out);
  const q = skipWs(text, rightEnd, to);
  if (q >= to) return;
  if (text[q] !== '?' && text[q] !== ':') {
    out.errors.push({ code: 'bad-reference', ...english(msg('syntax.reference-question')), start: q, end: q + 1 });
    return;
  }
  parseBranches(text, q, to, depth, out);
}

/** Returns the offset just after the '}' matching the '{' at `open`, or -1 with an error. */
function curly(text: string, open: number, to: number, out: ParsedExpansion): number {
  let level = 0;
  for (let i = open; i < to; i++) {
    if (text[i] === '{') level++;
    else if (text[i] === '}' && --level === 0) return i + 1;
  }
  out.errors.push({ code: 'unbalanced-braces', ...english(msg('syntax.reference-open-brace')), start: open, end: to });
  return -1;
}

function skipWs(text: string, i: number, to: number): number {
  while (i < to && isSpace(text[i])) i++;
  return i;
}

/**
 * Checks the { } grouping of a value outside references (as in "check_policy_service { inet:host:port,
 * timeout=10s }"): returns an error for each unmatched brace. ${...} and $(...) are skipped whole.
 */
export function checkBraceGrouping(text: string): ExpansionError[] {
  const errors: ExpansionError[] = [];
  // Only a brace can be unmatched (most values have none).
  if (!text.includes('{') && !text.includes('}')) return errors;
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$') {
      const o = text[i + 1];
      if (o === '$') i++;
      else if (o === '{' || o === '(') {
        const close = o === '{' ? '}' : ')';
        let level = 1;
        let j = i + 2;
        for (; j < text.length && level > 0; j++) {
          if (text[j] === o) level++;
          else if (text[j] === close) level--;
        }
        i = j - 1;
      }
    } else if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length === 0) errors.push({ code: 'unbalanced-braces', ...english(msg('syntax.close-brace')), start: i, end: i + 1 });
      else open.pop();
    }
  }
  for (const i of open) errors.push({ code: 'unbalanced-braces', ...english(msg('syntax.open-brace')), start: i, end: i + 1 });
  return errors;
}

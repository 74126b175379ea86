// A restriction list as smtpd reads it: the value expanded, then cut at blanks and commas with
// `{ ... }` kept whole. Postfix expands first and splits after; we split the written text first
// so each word keeps its line, and expand word by word. A word that is only `$name` is followed
// into that parameter's own text, so `$port25_recipient_restrictions` points at main.cf's lines.
import { Origin, originIn, ParameterView, Setting } from './settings';

export interface RestrictionWord {
  text: string;
  origin: Origin;
}

/** The separators of mystrtokq(): blank, comma, tab, CR, LF. */
const isSeparator = (c: number) => c === 32 || c === 44 || c === 9 || c === 13 || c === 10;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const DOLLAR = 36;

/** A run of characters other than mystrtokq()'s separators. */
const PLAIN_WORD = /[^ ,\t\r\n]+/g;

/** Splits like Postfix's mystrtokq() with " ,\t\r\n" and {}; `$(...)` stays whole as well. */
export function splitWords(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  // Without braces or parentheses every word is a plain run (most values).
  if (!/[{}()]/.test(text)) {
    for (const m of text.matchAll(PLAIN_WORD)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    return out;
  }
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let braces = 0;
    let parens = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) braces++;
      else if (c === CLOSE_BRACE && braces > 0) braces--;
      else if (c === OPEN_PAREN && text.charCodeAt(i - 1) === DOLLAR) parens++;
      else if (c === CLOSE_PAREN && parens > 0) parens--;
      else if (braces === 0 && parens === 0 && isSeparator(c)) break;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

const REFERENCE = /^\$(?:([A-Za-z0-9_]+)|\{([A-Za-z0-9_]+)\}|\(([A-Za-z0-9_]+)\))$/;

/** The words of a list-valued parameter, each with where it was written. */
export function listWords(view: ParameterView, parameter: string): RestrictionWord[] {
  const out: RestrictionWord[] = [];
  walk(view, parameter, (text, list, setting, start, end) => out.push({ text, origin: originIn(list, setting, start, end) }), 0);
  return out;
}

/**
 * Whether a list-valued parameter holds any word listWords() would give, with every `$name`
 * expanded as it does (so a bad expansion fails the same way), but without locating the words.
 * A value without `$` needs no expansion: any character other than a separator is a word.
 */
export function hasWords(view: ParameterView, parameter: string): boolean {
  const raw = view.raw(parameter);
  if (raw === undefined) return false;
  if (!raw.includes('$')) {
    for (let i = 0; i < raw.length; i++) if (!isSeparator(raw.charCodeAt(i))) return true;
    return false;
  }
  let n = 0;
  walk(view, parameter, () => n++, 0);
  return n > 0;
}

type Visit = (text: string, parameter: string, setting: Setting | undefined, start: number, end: number) => void;

function walk(view: ParameterView, parameter: string, visit: Visit, depth: number): void {
  const raw = view.raw(parameter);
  if (raw === undefined || depth > 100) return;
  const setting = view.setting(parameter);
  for (const w of splitWords(raw)) {
    const m = REFERENCE.exec(w.text);
    if (m) {
      walk(view, m[1] ?? m[2] ?? m[3], visit, depth + 1);
      continue;
    }
    if (!w.text.includes('$')) visit(w.text, parameter, setting, w.start, w.end);
    else for (const piece of splitWords(view.expand(w.text))) visit(piece.text, parameter, setting, w.start, w.end);
  }
}

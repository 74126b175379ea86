// A restriction list as smtpd reads it: the value expanded, then cut at blanks and commas with
// `{ ... }` kept whole. Postfix expands first and splits after; we split the written text first
// so each word keeps its line, and expand word by word. A word that is only `$name` is followed
// into that parameter's own text, so `$port25_recipient_restrictions` points at main.cf's lines.
import { Origin, ParameterView, Setting } from './settings';

export interface RestrictionWord {
  text: string;
  origin: Origin;
}

const SEPARATORS = ' ,\t\r\n';

/** Splits like Postfix's mystrtokq() with " ,\t\r\n" and {}; `$(...)` stays whole as well. */
export function splitWords(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SEPARATORS.includes(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let braces = 0;
    let parens = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '{') braces++;
      else if (c === '}' && braces > 0) braces--;
      else if (c === '(' && text[i - 1] === '$') parens++;
      else if (c === ')' && parens > 0) parens--;
      else if (braces === 0 && parens === 0 && SEPARATORS.includes(c)) break;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

const REFERENCE = /^\$(?:([A-Za-z0-9_]+)|\{([A-Za-z0-9_]+)\}|\(([A-Za-z0-9_]+)\))$/;

/** The words of a list-valued parameter, each with where it was written. */
export function listWords(view: ParameterView, parameter: string): RestrictionWord[] {
  const out: RestrictionWord[] = [];
  collect(view, parameter, out, 0);
  return out;
}

function collect(view: ParameterView, parameter: string, out: RestrictionWord[], depth: number): void {
  const raw = view.raw(parameter);
  if (raw === undefined || depth > 100) return;
  const setting = view.setting(parameter);
  for (const w of splitWords(raw)) {
    const m = REFERENCE.exec(w.text);
    if (m) {
      collect(view, m[1] ?? m[2] ?? m[3], out, depth + 1);
      continue;
    }
    const origin = originOf(parameter, setting, w.start, w.end);
    const expanded = w.text.includes('$') ? view.expand(w.text) : w.text;
    for (const piece of splitWords(expanded)) out.push({ text: piece.text, origin });
  }
}

function originOf(parameter: string, setting: Setting | undefined, start: number, end: number): Origin {
  if (!setting) return { parameter };
  const range = setting.locate(start, end);
  return { parameter, file: setting.file, line: range.start.line + 1, range };
}

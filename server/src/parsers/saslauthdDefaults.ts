// Parser for /etc/default/saslauthd: a shell fragment that Debian's init script sources, so it is
// read as the shell reads simple assignments (`NAME=value`, optionally after `export`, the value
// unquoted, in '...' or in "..."), with '#' comments. OPTIONS is then split into words like the
// script's unquoted $OPTIONS and read as saslauthd's command line (getopt "a:cdhlm:n:O:rs:t:vV"),
// so each flag and its argument keep their exact place in the file.
import { Range, range, splitLines } from './range';

export interface ShellWord {
  /** After quote removal. */
  text: string;
  range: Range;
}

export interface ShellAssignment {
  name: string;
  nameRange: Range;
  /** The value after quote removal. */
  value: string;
  /** The value as written (quotes included); empty at the '=' when there is none. */
  valueRange: Range;
  /** The value split into words as an unquoted $NAME would be. */
  words: ShellWord[];
  /**
   * The words of the rest of the line up to a comment, as systemd's EnvironmentFile= reads a value
   * (blanks do not end it, one pair of quotes around it is removed) and an unquoted $NAME in
   * ExecStart= splits it: Red Hat's unit reads the file so.
   */
  lineWords: ShellWord[];
  range: Range;
}

export interface SaslauthdFlag {
  /** The option letter, such as 'm'. */
  letter: string;
  /** The '-m' part (for grouped flags such as -cm, the letter alone). */
  range: Range;
  /** Present for flags that take one. */
  argument?: ShellWord;
}

export interface SaslauthdOptions {
  flags: SaslauthdFlag[];
  /** Words that are not flags (saslauthd takes no operands) and letters it does not know. */
  stray: ShellWord[];
  unknown: { letter: string; range: Range }[];
  /** Flags that need an argument but are last. */
  missingArgument: SaslauthdFlag[];
}

export interface SaslauthdDefaultsError {
  code: 'unclosed-quote' | 'not-an-assignment';
  range: Range;
}

export interface SaslauthdDefaultsFile {
  assignments: ShellAssignment[];
  comments: { text: string; range: Range }[];
  errors: SaslauthdDefaultsError[];
}

/** saslauthd's option letters and whether each takes an argument (from its getopt string). */
export const SASLAUTHD_FLAGS: Record<string, boolean> = {
  a: true, c: false, d: false, h: false, l: false, m: true, n: true, O: true, r: false, s: true, t: true, v: false, V: false,
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function parseSaslauthdDefaults(text: string): SaslauthdDefaultsFile {
  const out: SaslauthdDefaultsFile = { assignments: [], comments: [], errors: [] };
  splitLines(text).forEach((lineText, line) => {
    const end = lineText.trimEnd().length;
    let at = lineText.length - lineText.trimStart().length;
    if (at >= end) return;
    if (lineText[at] === '#') {
      out.comments.push({ text: lineText.slice(at, end), range: range(line, at, line, end) });
      return;
    }
    const lineStart = at;
    const exported = /^export\s+/.exec(lineText.slice(at));
    if (exported) at += exported[0].length;
    const name = NAME.exec(lineText.slice(at));
    if (!name || lineText[at + name[0].length] !== '=') {
      out.errors.push({ code: 'not-an-assignment', range: range(line, lineStart, line, end) });
      return;
    }
    const nameEnd = at + name[0].length;
    const value = readWords(lineText, line, nameEnd + 1);
    if (value.unclosedAt !== undefined) out.errors.push({ code: 'unclosed-quote', range: range(line, value.unclosedAt, line, value.unclosedAt + 1) });
    if (value.commentAt !== undefined)
      out.comments.push({ text: lineText.slice(value.commentAt, end), range: range(line, value.commentAt, line, end) });
    out.assignments.push({
      name: name[0],
      nameRange: range(line, at, line, nameEnd),
      value: value.first?.text ?? '',
      valueRange: range(line, nameEnd + 1, line, value.first ? value.first.range.end.character : nameEnd + 1),
      words: value.first ? splitValue(value.first, lineText, line) : [],
      lineWords: value.first ? splitValue({ text: '', range: range(line, nameEnd + 1, line, value.commentAt !== undefined ? lineText.slice(0, value.commentAt).trimEnd().length : end) }, lineText, line) : [],
      range: range(line, lineStart, line, value.commentAt !== undefined ? lineText.slice(0, value.commentAt).trimEnd().length : end),
    });
  });
  return out;
}

/**
 * Reads the assignment's value: one shell word starting right after '=' (a blank ends it, and
 * whatever follows is a command the shell would run with the assignment in its environment,
 * which a defaults file has no use for; a '#' after a blank starts a comment).
 */
function readWords(lineText: string, line: number, from: number): { first?: ShellWord; unclosedAt?: number; commentAt?: number } {
  let text = '';
  let i = from;
  let unclosedAt: number | undefined;
  while (i < lineText.length && !/\s/.test(lineText[i])) {
    const c = lineText[i];
    if (c === "'" || c === '"') {
      const close = findClose(lineText, i + 1, c);
      if (close < 0) {
        unclosedAt = i;
        text += lineText.slice(i + 1);
        i = lineText.length;
        break;
      }
      text += c === '"' ? lineText.slice(i + 1, close).replace(/\\([$`"\\])/g, '$1') : lineText.slice(i + 1, close);
      i = close + 1;
    } else if (c === '\\' && i + 1 < lineText.length) {
      text += lineText[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  const first = i > from ? { text, range: range(line, from, line, i) } : undefined;
  const rest = lineText.slice(i);
  const hash = rest.search(/\s#/);
  const commentAt = hash >= 0 ? i + hash + 1 + (rest.slice(hash + 1).length - rest.slice(hash + 1).trimStart().length) : undefined;
  return { first, unclosedAt, commentAt };
}

function findClose(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === quote) return i;
    if (quote === '"' && s[i] === '\\') i++;
  }
  return -1;
}

/**
 * Splits a value into blank-separated words with their columns in the file. The columns come from
 * the raw text between the value's quotes, so this is exact for the usual one-quoted-string value.
 */
function splitValue(value: ShellWord, lineText: string, line: number): ShellWord[] {
  const raw = lineText.slice(value.range.start.character, value.range.end.character);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  const inner = quoted ? raw.slice(1, -1) : raw;
  const base = value.range.start.character + (quoted ? 1 : 0);
  const words: ShellWord[] = [];
  const re = /\S+/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    words.push({ text: m[0], range: range(line, base + m.index, line, base + m.index + m[0].length) });
  }
  return words;
}

/** Reads saslauthd's flags from OPTIONS' words, as its getopt would. */
export function parseSaslauthdOptions(words: ShellWord[]): SaslauthdOptions {
  const out: SaslauthdOptions = { flags: [], stray: [], unknown: [], missingArgument: [] };
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word.text === '--') {
      out.stray.push(...words.slice(w + 1));
      break;
    }
    if (!word.text.startsWith('-') || word.text === '-') {
      out.stray.push(word);
      continue;
    }
    const { line, character } = word.range.start;
    for (let i = 1; i < word.text.length; i++) {
      const letter = word.text[i];
      const takes = SASLAUTHD_FLAGS[letter];
      const letterRange = range(line, character + (i === 1 ? 0 : i), line, character + i + 1);
      if (takes === undefined) {
        out.unknown.push({ letter, range: letterRange });
        continue;
      }
      const flag: SaslauthdFlag = { letter, range: letterRange };
      out.flags.push(flag);
      if (!takes) continue;
      if (i + 1 < word.text.length) {
        flag.argument = { text: word.text.slice(i + 1), range: range(line, character + i + 1, line, word.range.end.character) };
      } else if (w + 1 < words.length) {
        flag.argument = words[++w];
      } else out.missingArgument.push(flag);
      break;
    }
  }
  return out;
}

/** The last assignment of each name, as the shell keeps it. */
export function lastAssignments(assignments: ShellAssignment[]): Map<string, ShellAssignment> {
  return new Map(assignments.map((a) => [a.name, a]));
}

// master.cf formatting: each entry laid out the way `postconf -Mf` prints it (the eight columns
// aligned, every `-o` option on its own line, other arguments folded at 80 columns), except that
// a { } argument is kept exactly as written. postconf unwraps those and adds braces back only
// around text with blanks, which is fine for its output but not for a formatter: `{ }` (an empty
// argument) would vanish, `{{x}}` would be read back as `{x}`, and the user's braces would go.
// So the formatter only ever changes the blanks between fields: it cannot change their meaning.
// (It adds one only where getopt would split anyway: after the 'o' of `-oname=value`.)
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import type { MasterCfEntry, MasterCfFile } from '../../parsers/mastercf';
import { SERVICE_TYPES } from '../../postfix/masterDaemons';
import { COLUMN_GOAL, printMasterEntry } from '../../postfix/postconf/print';
import { parsedMasterCf } from './parsed';

const LINE_LIMIT = 80;
const INDENT = '    ';

/** Each entry rewritten like `postconf -Mf`, braces kept; entries it cannot rewrite safely are left alone. */
export function masterCfFormat(doc: TextDocument): TextEdit[] {
  const tree = parsedMasterCf(doc);
  const edits: TextEdit[] = [];
  for (const e of tree.entries) {
    if (!formattable(e, tree)) continue;
    const argv = splitDaemonFlags(e.fields.map((f) => f.text));
    const columns = printMasterEntry(argv.slice(0, 8), true, (v) => v).replace(/\n$/, '');
    const text = columns + printArguments(argv, columns.length);
    if (doc.getText(e.range) !== text) edits.push(TextEdit.replace(e.range, text));
  }
  return edits.concat(headerEdits(doc, tree));
}

/** The column-header comment of Postfix's master.cf, and the line of defaults under it. */
const HEADER = /^#\s*(service)\s+(type)\s+(private)\s+(unpriv)\s+(chroot)\s+(wakeup)\s+(maxproc)\s+(command\b.*?)\s*$/;
const DEFAULTS = /^#\s+(\([^()\s]*\))\s+(\([^()\s]*\))\s+(\([^()\s]*\))\s+(\([^()\s]*\))\s+(\([^()\s]*\))\s*$/;

/** Words at the columns the entries are printed at (at least one blank apart), after '#'. */
function atColumns(words: string[], columns: readonly number[]): string {
  let out = '#';
  words.forEach((w, i) => {
    do out += ' ';
    while (out.length < columns[i]);
    out += w;
  });
  return out;
}

/**
 * The header comment moved to the columns the entries are formatted at, so that `type` stays
 * above `inet` and `(never)` under `wakeup` (postconf -Mf's columns are one further right than
 * the header of Debian's and Postfix's own master.cf).
 */
function headerEdits(doc: TextDocument, tree: MasterCfFile): TextEdit[] {
  const edits: TextEdit[] = [];
  const lineText = (line: number) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const replace = (line: number, text: string) => {
    const old = lineText(line);
    if (old !== text) edits.push(TextEdit.replace({ start: { line, character: 0 }, end: { line, character: old.length } }, text));
  };
  for (const c of tree.comments) {
    const line = c.range.start.line;
    const header = HEADER.exec(lineText(line));
    if (!header) continue;
    replace(line, atColumns(header.slice(1), [2, ...COLUMN_GOAL.slice(1)]));
    const defaults = line + 1 < doc.lineCount ? DEFAULTS.exec(lineText(line + 1)) : null;
    if (defaults) replace(line + 1, atColumns(defaults.slice(1), COLUMN_GOAL.slice(2, 7)));
  }
  return edits;
}

function formattable(e: MasterCfEntry, tree: MasterCfFile): boolean {
  if (e.fields.length < 8) return false;
  // A comment line inside the entry would be lost when the entry is re-printed.
  if (tree.comments.some((c) => c.range.start.line > e.range.start.line && c.range.start.line < e.range.end.line)) return false;
  // An entry that did not parse, or whose braces do not balance (Postfix then takes the rest of the
  // line as one field), is left as written: re-printing it could lose or add text.
  if (tree.errors.some((err) => err.range.start.line >= e.range.start.line && err.range.start.line <= e.range.end.line)) return false;
  if (e.fields.some((f) => openBraces(f.text) !== 0)) return false;
  // A line whose type column is not a service type is no entry to master (postconf -Mf stops at
  // it): often prose, such as a comment glued to the word before it (`smtp## ...`). Aligning its
  // words in columns would only scatter them; the diagnostics say what is wrong.
  if (!(SERVICE_TYPES as readonly string[]).includes(e.fields[1].text)) return false;
  // A { } field continued over lines of a CRLF file holds a '\r', which an editor takes for a
  // line break: moved into the middle of a line, it would split the entry differently.
  if (e.fields.some((f) => f.text.includes('\r'))) return false;
  return true;
}

/** Letters that take an argument in every Postfix daemon's getopt string "cdDi:lm:n:o:s:St:uvVz". */
const WITH_ARGUMENT = 'imnost';

/** Where the first letter that takes an argument is in an option field, or -1 for flags only. */
function argumentLetter(arg: string): number {
  for (let j = 1; j < arg.length; j++) if (WITH_ARGUMENT.includes(arg[j])) return j;
  return -1;
}

const isOptionField = (arg: string) => arg[0] === '-' && arg !== '--' && arg !== '-';

/**
 * The part of pcf_normalize_daemon_args() that only adds a blank: `-oname=value` becomes
 * `-o name=value` (and `-vox=y` becomes `-vo x=y`). The fields are walked as the daemon's getopt
 * reads them, which postconf does not quite do: it splits at any later 'o', so
 * `-osmtpd_delay_reject=no` would print as `-o smtpd_delay_reject=n -o`, and takes the argument
 * of `-s -ofoo` for an option of its own. Unlike postconf, `-vo` stays one field (splitting it
 * would add a '-'), and { } arguments are never unwrapped (see the top of the file).
 */
export function splitDaemonFlags(argv: string[]): string[] {
  const out = argv.slice();
  for (let field = 8; field < out.length; field++) {
    const arg = out[field];
    if (!isOptionField(arg)) break;
    // Letters before it are flags (getopt also steps over unknown ones, which the daemon refuses).
    const j = argumentLetter(arg);
    if (j < 0) continue;
    // The letter's argument is the rest of the field, or else the next field (never an option,
    // even when it starts with '-'); only -o's is given a field of its own.
    if (arg[j] === 'o' && j < arg.length - 1) out.splice(field, 1, arg.slice(0, j + 1), arg.slice(j + 1));
    if (arg[j] === 'o' || j === arg.length - 1) field += 1;
  }
  return out;
}

/** pcf_print_master_entry()'s layout of the arguments after the command, fields as given. */
function printArguments(argv: string[], columnsLength: number): string {
  let out = '';
  let lineLen = columnsLength;
  let inOptions = true;
  for (let field = 8; field < argv.length; field++) {
    let word = argv[field];
    let option = false;
    if (inOptions) {
      if (!isOptionField(word)) inOptions = false;
      else if (argumentLetter(word) === word.length - 1 && field + 1 < argv.length) {
        // A letter and its argument stay together; postconf gives `-o name=value` a line of its own.
        option = word.endsWith('o');
        word += ' ' + argv[++field];
      }
    }
    // An option starts a line and ends it; other words fold before the 80th column. But a line
    // whose first non-blank is '#' is a comment to Postfix: such a word never starts one.
    if ((option || lineLen + 1 + word.length >= LINE_LIMIT) && word[0] !== '#') {
      out += '\n' + INDENT;
      lineLen = INDENT.length;
    } else {
      out += ' ';
      lineLen += 1;
    }
    out += word;
    lineLen = option ? LINE_LIMIT : lineLen + word.length;
  }
  return out;
}

/**
 * The { } nesting left open at the end of a field, counted as the field splitter counts it (a '}'
 * with nothing open is an ordinary character): a field left open ran to the end of the line,
 * trailing blanks included, so `}{ ` is unbalanced although it has one brace of each kind.
 */
function openBraces(text: string): number {
  let level = 0;
  for (const ch of text) {
    if (ch === '{') level++;
    else if (ch === '}' && level > 0) level--;
  }
  return level;
}

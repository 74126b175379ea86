// postconf's output formats: one "name = value" line with whitespace normalised (folded at 80
// columns with -f), and master.cf entries aligned in its fixed columns.
const SEPARATORS = /[ \t\r\n]+/;
const LINE_LIMIT = 80;
const INDENT = '    ';

/** pcf_print_line(): words joined by single spaces, optionally folded. Returns the text with '\n'. */
export function printLine(text: string, fold: boolean): string {
  let out = '';
  let lineLen = 0;
  for (const word of text.split(SEPARATORS)) {
    if (word === '') continue;
    if (lineLen > 0) {
      if (!fold || lineLen + word.length < LINE_LIMIT) {
        out += ' ';
        lineLen += 1;
      } else {
        out += '\n' + INDENT;
        lineLen = INDENT.length;
      }
    }
    out += word;
    lineLen += word.length;
  }
  return out + '\n';
}

export const COLUMN_GOAL = [0, 11, 17, 25, 33, 41, 49, 57];
const BLANK = /[ \t\r\n]/;

/**
 * pcf_print_master_entry() (and the command field of -F when `startLen` is given): daemon options
 * with a value end a line when folding; other arguments with blanks are shown in { }.
 */
export function printMasterArgs(argv: string[], first: number, lineLenAtStart: number, fold: boolean, expand: (v: string) => string, extraPerOption: number): string {
  let out = '';
  let lineLen = lineLenAtStart;
  let inOptions = true;
  for (let field = first; field < argv.length; field++) {
    const arg = argv[field];
    let argLen = arg.length;
    let aval: string | undefined;
    let parens = false;
    if (inOptions) {
      if (arg[0] !== '-' || arg === '--') inOptions = false;
      else if (arg[1] === 'o' && field + 1 < argv.length) {
        aval = argv[field + 1];
        lineLen = LINE_LIMIT;
        if (arg === '-o') aval = expand(aval);
        argLen += aval.length + extraPerOption;
        parens = BLANK.test(aval);
        if (parens) argLen += 2;
      }
    }
    if (!inOptions) parens = BLANK.test(arg);
    if (lineLen > INDENT.length) {
      if (!fold || lineLen + 1 + argLen < LINE_LIMIT) {
        out += ' ';
        lineLen += 1;
      } else {
        out += '\n' + INDENT;
        lineLen = INDENT.length;
      }
    }
    const shown = !inOptions && parens ? `{${arg}}` : arg;
    out += shown;
    lineLen += shown.length;
    if (aval !== undefined) {
      out += ' ' + (parens ? `{${aval}}` : aval);
      field += 1;
      lineLen = LINE_LIMIT;
    }
  }
  return out;
}

export function printMasterEntry(argv: string[], fold: boolean, expand: (v: string) => string): string {
  let out = '';
  for (let f = 0; f < 8; f++) {
    if (out.length > 0) {
      do out += ' ';
      while (out.length < COLUMN_GOAL[f]);
    }
    out += argv[f];
  }
  return out + printMasterArgs(argv, 8, out.length, fold, expand, 3) + '\n';
}

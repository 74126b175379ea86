// Parser for a Cyrus SASL application configuration file, such as /etc/postfix/sasl/smtpd.conf.
// The rules are libsasl2's own (lib/config.c): blank lines and lines whose first non-blank
// character is '#' are skipped; otherwise the line is a key made of letters, digits, '-' and '_'
// (read case-insensitively), then ':' right after it, then a value that must not be empty.
// libsasl refuses the whole file (SASL_CONFIGERR) at the first line that breaks these rules, so
// every such line is an error here.
import { Range, range, splitLines } from './range';

export interface SaslOption {
  /** The key in lower case, as libsasl stores it. */
  key: string;
  keyRange: Range;
  /** The value without the blanks around it; '' when missing (an error). */
  value: string;
  valueRange: Range;
  range: Range;
}

export interface SaslConfError {
  code: 'missing-colon' | 'missing-value';
  range: Range;
}

export interface SaslConfFile {
  options: SaslOption[];
  comments: { text: string; range: Range }[];
  errors: SaslConfError[];
}

const KEY_CHAR = /[A-Za-z0-9_-]/;
const BLANK = /\s/;

export function parseSaslConf(text: string): SaslConfFile {
  const out: SaslConfFile = { options: [], comments: [], errors: [] };
  splitLines(text).forEach((lineText, line) => {
    let start = 0;
    while (start < lineText.length && BLANK.test(lineText[start])) start++;
    if (start === lineText.length) return;
    const end = lineText.trimEnd().length;
    if (lineText[start] === '#') {
      out.comments.push({ text: lineText.slice(start, end), range: range(line, start, line, end) });
      return;
    }
    let keyEnd = start;
    while (keyEnd < lineText.length && KEY_CHAR.test(lineText[keyEnd])) keyEnd++;
    if (lineText[keyEnd] !== ':') {
      // The key as the reader sees it: up to the first blank or ':'.
      const shown = /^[^\s:]*/.exec(lineText.slice(start))![0].length || 1;
      out.errors.push({ code: 'missing-colon', range: range(line, start, line, Math.min(end, start + shown)) });
      return;
    }
    let valueStart = keyEnd + 1;
    while (valueStart < end && BLANK.test(lineText[valueStart])) valueStart++;
    const option: SaslOption = {
      key: lineText.slice(start, keyEnd).toLowerCase(),
      keyRange: range(line, start, line, keyEnd),
      value: lineText.slice(valueStart, Math.max(valueStart, end)),
      valueRange: range(line, valueStart, line, Math.max(valueStart, end)),
      range: range(line, start, line, end),
    };
    if (option.value === '') out.errors.push({ code: 'missing-value', range: range(line, start, line, keyEnd + 1) });
    out.options.push(option);
  });
  return out;
}

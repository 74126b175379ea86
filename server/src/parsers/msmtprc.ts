// Parser for msmtp configuration files (~/.msmtprc, /etc/msmtprc): one `command [argument]` per
// line, indentation free, '#' starting a comment line. `defaults` and `account NAME [: PARENT,...]`
// open sections; every other command belongs to the section above it.
import { Range, range, splitLines } from './range';

export interface MsmtpCommand {
  keyword: string;
  keywordRange: Range;
  /** The argument with surrounding double quotes removed; '' when absent. */
  argument: string;
  /** The argument as written; empty at the keyword's end when absent. */
  argumentRange: Range;
  range: Range;
}

export interface MsmtpAccountRef {
  name: string;
  range: Range;
}

export interface MsmtpSection {
  /** 'preamble' holds commands written before any defaults/account line. */
  kind: 'preamble' | 'defaults' | 'account';
  /** The account's name ('' for defaults and the preamble). */
  name: string;
  nameRange?: Range;
  /** Accounts named after ':' whose settings this one inherits. */
  parents: MsmtpAccountRef[];
  /** The header line (defaults/account), or the first command of the preamble. */
  headerRange: Range;
  commands: MsmtpCommand[];
}

export interface MsmtpSyntaxError {
  code: 'account-without-name' | 'unclosed-quote';
  message: string;
  range: Range;
}

export interface MsmtprcFile {
  sections: MsmtpSection[];
  comments: { text: string; range: Range }[];
  errors: MsmtpSyntaxError[];
}

export function parseMsmtprc(text: string): MsmtprcFile {
  const out: MsmtprcFile = { sections: [], comments: [], errors: [] };
  let section: MsmtpSection | undefined;
  splitLines(text).forEach((lineText, line) => {
    const end = lineText.trimEnd().length;
    const start = lineText.length - lineText.trimStart().length;
    if (start >= end) return;
    if (lineText[start] === '#') {
      out.comments.push({ text: lineText.slice(start, end), range: range(line, start, line, end) });
      return;
    }
    const kwMatch = /^\S+/.exec(lineText.slice(start));
    const keyword = kwMatch ? kwMatch[0] : '';
    const kwEnd = start + keyword.length;
    const gap = lineText.slice(kwEnd, end);
    const argStart = kwEnd + (gap.length - gap.trimStart().length);
    const rawArg = lineText.slice(argStart, end);
    const whole = range(line, start, line, end);

    if (keyword === 'defaults') {
      section = { kind: 'defaults', name: '', parents: [], headerRange: whole, commands: [] };
      out.sections.push(section);
      return;
    }
    if (keyword === 'account' || keyword.startsWith('account:')) {
      section = parseAccountHeader(lineText, line, start, end, out);
      out.sections.push(section);
      return;
    }
    if (!section) {
      section = { kind: 'preamble', name: '', parents: [], headerRange: whole, commands: [] };
      out.sections.push(section);
    }
    let argument = rawArg;
    if (rawArg.startsWith('"')) {
      if (rawArg.length > 1 && rawArg.endsWith('"')) argument = rawArg.slice(1, -1);
      else
        out.errors.push({ code: 'unclosed-quote', message: 'This quote is never closed', range: range(line, argStart, line, argStart + 1) });
    }
    section.commands.push({
      keyword,
      keywordRange: range(line, start, line, kwEnd),
      argument,
      argumentRange: argStart < end ? range(line, argStart, line, end) : range(line, kwEnd, line, kwEnd),
      range: whole,
    });
  });
  return out;
}

function parseAccountHeader(lineText: string, line: number, start: number, end: number, out: MsmtprcFile): MsmtpSection {
  const afterKeyword = start + 'account'.length;
  const rest = lineText.slice(afterKeyword, end);
  const colon = rest.indexOf(':');
  const namePart = colon < 0 ? rest : rest.slice(0, colon);
  const nameOffset = afterKeyword + (namePart.length - namePart.trimStart().length);
  const name = namePart.trim();
  const section: MsmtpSection = {
    kind: 'account',
    name,
    nameRange: name ? range(line, nameOffset, line, nameOffset + name.length) : undefined,
    parents: [],
    headerRange: range(line, start, line, end),
    commands: [],
  };
  if (!name)
    out.errors.push({
      code: 'account-without-name',
      message: "'account' needs a name, as in 'account vm25'",
      range: range(line, start, line, afterKeyword),
    });
  if (colon >= 0) {
    let offset = afterKeyword + colon + 1;
    for (const piece of rest.slice(colon + 1).split(',')) {
      const lead = piece.length - piece.trimStart().length;
      const parent = piece.trim();
      if (parent) section.parents.push({ name: parent, range: range(line, offset + lead, line, offset + lead + parent.length) });
      offset += piece.length + 1;
    }
  }
  return section;
}

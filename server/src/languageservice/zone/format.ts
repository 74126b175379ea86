// Formatting aligns the owner, TTL, class and type columns of every record and leaves the data,
// comments, directives and continuation lines as they are, so nothing the user wrote is lost.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { positionAt } from '../../parsers/zone';
import { mainRecords } from './locate';
import { parsedZone } from './parsed';

interface Row {
  line: number;
  lineStart: number;
  /** Offset where the data begins (or the end of the type when there is none). */
  dataStart: number;
  owner: string;
  ttl: string;
  cls: string;
  type: string;
}

const MAX_OWNER_WIDTH = 32;

/**
 * BIND separates fields with spaces and tabs only (and ends lines at CR/LF): a vertical tab, form
 * feed or no-break space is part of a token (named-checkzone reads `SRV\v10` as type "SRV10").
 * JavaScript's trim() and \s take them for blanks, so they must not decide where a field ends,
 * or a rewritten header would glue the type to data that starts with one of them.
 */
const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const BLANKS = /[ \t]+/;

export function zoneFormat(doc: TextDocument, options: FormattingOptions): TextEdit[] {
  const { zone } = parsedZone(doc);
  const text = zone.source.text;
  const rows: Row[] = [];
  let lastStart = -1;
  for (const r of mainRecords(zone)) {
    if (r.generated !== undefined || r.start === lastStart) continue;
    lastStart = r.start;
    const lineStart = zone.source.lineStarts[r.line];
    const dataStart = r.rdataEnd > r.rdataStart ? r.rdataStart : r.typeEnd;
    // Only records whose header and data start share one line (the usual case).
    // Parentheses or stray text before the record would be lost when the columns are rewritten.
    if (positionAt(zone.source, dataStart).line !== r.line || /[()]/.test(text.slice(lineStart, Math.max(dataStart, r.typeEnd))) || ![...text.slice(lineStart, r.start)].every(isBlank)) continue;
    const header = text.slice(r.ownerEnd, r.typeStart).split(BLANKS).filter((w) => w !== '');
    const ttl = header.find((w) => /^\d/.test(w)) ?? '';
    const cls = header.find((w) => !/^\d/.test(w)) ?? '';
    // Only a TTL and a class fit the columns; anything more is left for the diagnostics to flag.
    if (header.length > (ttl ? 1 : 0) + (cls ? 1 : 0)) continue;
    // A type that is not a word (a stray quote...) is a broken record: aligning it would move the
    // other records' columns again on the next run.
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(r.type)) continue;
    rows.push({ line: r.line, lineStart, dataStart, owner: text.slice(r.start, r.ownerEnd), ttl, cls: cls.toUpperCase(), type: r.type });
  }
  const widthOf = (f: (r: Row) => string, cap = Infinity) => Math.min(cap, Math.max(0, ...rows.map((r) => f(r).length)));
  const ow = widthOf((r) => r.owner, MAX_OWNER_WIDTH);
  const tw = widthOf((r) => r.ttl);
  const cw = widthOf((r) => r.cls);
  const yw = widthOf((r) => r.type);
  const edits: TextEdit[] = [];
  const gap = ' '.repeat(Math.max(1, Math.min(options.tabSize || 2, 2)));
  for (const row of rows) {
    const cols = [row.owner.padEnd(ow)];
    if (tw > 0) cols.push(row.ttl.padEnd(tw));
    if (cw > 0) cols.push(row.cls.padEnd(cw));
    cols.push(row.dataStart > 0 && row.type ? row.type.padEnd(yw) : row.type);
    let header = cols.join(gap);
    // Data (or a comment or parenthesis) right after the type needs a separator; a blank is kept.
    const hasData = row.dataStart > 0 && row.dataStart < text.length && !isBlank(text[row.dataStart]);
    header = hasData ? header + gap : header.replace(/ +$/, '');
    // An owner longer than the column still needs a separator before the next field.
    if (row.owner.length >= ow && row.owner.length > 0 && !header.startsWith(row.owner + ' ')) header = header.replace(row.owner, row.owner + ' ');
    const old = text.slice(row.lineStart, row.dataStart);
    if (old !== header) {
      edits.push({ range: { start: { line: row.line, character: 0 }, end: { line: row.line, character: row.dataStart - row.lineStart } }, newText: header });
    }
  }
  return edits;
}

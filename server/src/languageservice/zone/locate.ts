// What the cursor is on in a zone file: a directive, or a part of a record (owner, TTL, class,
// type, or the n-th data token), found by binary search over the records of the main file.
import type { Position } from 'vscode-languageserver-types';
import { offsetAt, recordTokens, ZoneDirective, ZoneFile, ZoneRecord } from '../../parsers/zone';
import type { TokenSpan } from '../../parsers/zone/lexer';

export type Spot =
  | { kind: 'directive'; directive: ZoneDirective; argIndex: number; start: number; end: number }
  | { kind: 'owner' | 'ttl' | 'class' | 'type'; record: ZoneRecord; start: number; end: number; text: string }
  | { kind: 'data'; record: ZoneRecord; tokens: TokenSpan; index: number; start: number; end: number; text: string };

/** Records of the main file, in text order (the parser appends included records in between). */
export function mainRecords(zone: ZoneFile): ZoneRecord[] {
  return zone.includes.length === 0 ? zone.records : zone.records.filter((r) => r.source === zone.source);
}

export function recordAt(zone: ZoneFile, offset: number): ZoneRecord | undefined {
  const records = mainRecords(zone);
  let lo = 0;
  let hi = records.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  // $GENERATE makes several records at one offset: the first stands for them.
  while (found > 0 && records[found - 1].start === records[found].start) found--;
  const r = records[found];
  return offset <= Math.max(r.rdataEnd, r.typeEnd) ? r : undefined;
}

export function spotAt(zone: ZoneFile, pos: Position): Spot | undefined {
  const source = zone.source;
  const offset = offsetAt(source, pos);
  const text = source.text;
  for (const d of zone.directives) {
    if (d.source !== source || offset < d.start || offset > d.end) continue;
    // Arguments: re-scan the directive's text for word boundaries.
    let i = d.start;
    let arg = -1;
    while (i <= d.end) {
      while (i < d.end && /\s/.test(text[i])) i++;
      const s = i;
      while (i < d.end && !/\s/.test(text[i])) i++;
      if (offset >= s && offset <= i) return { kind: 'directive', directive: d, argIndex: arg, start: s, end: i };
      arg++;
      if (i >= d.end) break;
    }
    return undefined;
  }
  const r = recordAt(zone, offset);
  if (!r || r.generated !== undefined) return undefined;
  if (r.ownerEnd > r.start && offset <= r.ownerEnd) return { kind: 'owner', record: r, start: r.start, end: r.ownerEnd, text: text.slice(r.start, r.ownerEnd) };
  if (offset >= r.typeStart && offset <= r.typeEnd) return { kind: 'type', record: r, start: r.typeStart, end: r.typeEnd, text: text.slice(r.typeStart, r.typeEnd) };
  if (offset < r.typeStart) {
    // Between owner and type: a TTL or a class.
    const re = /\S+/g;
    re.lastIndex = r.ownerEnd;
    for (let m = re.exec(text); m && m.index < r.typeStart; m = re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (offset >= s && offset <= e) return { kind: /^\d/.test(m[0]) ? 'ttl' : 'class', record: r, start: s, end: e, text: m[0] };
    }
    return undefined;
  }
  const tokens = recordTokens(r);
  for (let i = 0; i < tokens.count; i++) {
    if (offset >= tokens.starts[i] && offset <= tokens.ends[i]) {
      return { kind: 'data', record: r, tokens, index: i, start: tokens.starts[i], end: tokens.ends[i], text: text.slice(tokens.starts[i], tokens.ends[i]) };
    }
  }
  return undefined;
}

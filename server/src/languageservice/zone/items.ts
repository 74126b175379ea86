// Where the checks put what they find: items tied to rows (see Item in findings.ts), turned into
// findings with ranges only when diagnostics are asked for.
import { offsetRange, RecordTable, ZoneFile } from '../../parsers/zone';
import type { Finding, Item, Severity } from './findings';
import { localize, Localized } from '../../l10n';
import type { Span } from './spans';

export class Items {
  constructor(
    readonly table: RecordTable,
    readonly list: Item[] = [],
  ) {}

  /**
   * Adds a finding on row `row` (-1: the zone as a whole, with absolute offsets) spanning
   * `span`. `lineRef` is a row whose line number the message quotes.
   */
  add(rank: number, ord: number, row: number, code: string, severity: Severity, message: string | Localized, span: Span, data?: unknown, dataKind?: Item['dataKind'], lineRef?: number): void {
    const base = row >= 0 ? this.table.start[row] : 0;
    const text = typeof message === 'string' ? message : localize('en', message);
    const item: Item = { rank, ord, row, code, severity, message: text, start: span[0] - base, end: span[1] - base };
    if (typeof message !== 'string') item.l10n = message;
    if (data !== undefined) {
      if (dataKind === 'offsets') {
        const d = data as { start: number; end: number };
        item.data = { ...d, start: d.start - base, end: d.end - base };
      } else item.data = data;
      if (dataKind) item.dataKind = dataKind;
    }
    if (lineRef !== undefined) item.lineRef = lineRef;
    this.list.push(item);
  }
}

/** A finding with the order it sorts in among findings at the same position. */
export type RankedFinding = Finding & { rank: number; row: number; ord: number };

/** The finding an item stands for in `zone` (the parse its row numbers refer to). */
export function itemFinding(zone: ZoneFile, item: Item): RankedFinding {
  const t = zone.table;
  const row = item.row;
  const source = row >= 0 ? t.sources[t.sourceIndex[row]] : zone.source;
  const base = row >= 0 ? t.start[row] : 0;
  const range = offsetRange(source, base + item.start, base + item.end);
  const f: RankedFinding = { code: item.code, severity: item.severity, message: item.message, source, range, rank: item.rank, row, ord: item.ord };
  if (item.l10n) f.l10n = item.l10n;
  if (item.data !== undefined) {
    if (item.dataKind === 'offsets') {
      const d = item.data as { start: number; end: number };
      f.data = { ...d, start: base + d.start, end: base + d.end };
    } else if (item.dataKind === 'range') {
      f.data = { typeStart: range };
    } else f.data = item.data;
  }
  return f;
}

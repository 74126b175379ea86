// Outline by owner name, with each record as a child; folding of parenthesised records.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { nameKey, offsetRange, positionAt, recordRange, relativeName } from '../../parsers/zone';
import { mainRecords } from './locate';
import { parsedZone } from './parsed';

export function zoneSymbols(doc: TextDocument): DocumentSymbol[] {
  const { zone } = parsedZone(doc);
  const byOwner = new Map<string, DocumentSymbol>();
  const out: DocumentSymbol[] = [];
  for (const r of mainRecords(zone)) {
    const range = recordRange(r);
    const data = (r.generated ?? r.source.text.slice(r.rdataStart, r.rdataEnd)).replace(/\s+/g, ' ');
    const child: DocumentSymbol = {
      name: r.type,
      detail: data.length > 60 ? data.slice(0, 57) + '...' : data,
      kind: SymbolKind.Field,
      range,
      selectionRange: offsetRange(r.source, r.typeStart, r.typeEnd),
    };
    const key = nameKey(r.owner);
    let parent = byOwner.get(key);
    if (!parent) {
      parent = { name: relativeName(r.owner, zone.origin), detail: r.owner, kind: SymbolKind.Namespace, range, selectionRange: r.ownerEnd > r.start ? offsetRange(r.source, r.start, r.ownerEnd) : child.selectionRange, children: [] };
      byOwner.set(key, parent);
      out.push(parent);
    } else if (range.end.line > parent.range.end.line || (range.end.line === parent.range.end.line && range.end.character > parent.range.end.character)) {
      // Keep the parent range enclosing its children (records of one name may be far apart).
      parent.range = { start: parent.range.start, end: range.end };
    }
    parent.children!.push(child);
  }
  return out;
}

export function zoneFolding(doc: TextDocument): FoldingRange[] {
  const { zone } = parsedZone(doc);
  const out: FoldingRange[] = [];
  for (const p of zone.parens) {
    const a = positionAt(zone.source, p.open).line;
    const b = positionAt(zone.source, p.close).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  }
  // Runs of three or more comment lines fold as comments.
  const lines = doc.getText().split(/\r\n|\r|\n/);
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const comment = i < lines.length && /^\s*;/.test(lines[i]);
    if (comment && start < 0) start = i;
    if (!comment && start >= 0) {
      if (i - 1 - start >= 2) out.push({ startLine: start, endLine: i - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return out;
}

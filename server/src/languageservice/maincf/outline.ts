// Outline, folding and formatting of main.cf: one symbol per setting, a fold per continued value,
// and `name = value` spacing on the first line (continuation lines keep their indentation,
// which is what makes them continuations).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, FoldingRange, SymbolKind, TextEdit } from 'vscode-languageserver-types';
import { parsedMainCf } from './parsed';

export function mainCfSymbols(doc: TextDocument): DocumentSymbol[] {
  return parsedMainCf(doc).entries.map((e) => ({
    name: e.name,
    detail: e.value.length > 60 ? `${e.value.slice(0, 57)}...` : e.value,
    kind: SymbolKind.Property,
    range: e.range,
    selectionRange: e.nameRange,
  }));
}

export function mainCfFolding(doc: TextDocument): FoldingRange[] {
  const tree = parsedMainCf(doc);
  const out: FoldingRange[] = [];
  for (const e of tree.entries) if (e.range.end.line > e.range.start.line) out.push({ startLine: e.range.start.line, endLine: e.range.end.line });
  // Runs of comment lines fold too: main.cf files carry long explanatory comments.
  let start = -1;
  let last = -2;
  for (const c of tree.comments) {
    const line = c.range.start.line;
    if (line !== last + 1) {
      if (last - start >= 1) out.push({ startLine: start, endLine: last, kind: 'comment' });
      start = line;
    }
    last = line;
  }
  if (start >= 0 && last - start >= 1) out.push({ startLine: start, endLine: last, kind: 'comment' });
  return out;
}

export function mainCfFormat(doc: TextDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  const tree = parsedMainCf(doc);
  for (const e of tree.entries) {
    const line = e.nameRange.start.line;
    // A setting that did not parse is left as written: re-spacing it could add or lose text.
    if (tree.errors.some((err) => err.range.start.line >= e.range.start.line && err.range.start.line <= e.range.end.line)) continue;
    const sameLine = e.rawValue !== '' && e.valueRange.start.line === line;
    const end = sameLine ? e.valueRange.start : { line, character: doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length };
    const current = doc.getText({ start: e.nameRange.end, end });
    // Only the spacing around an '=' on the name's own line is ours to change.
    if (!/^\s*=\s*$/.test(current)) continue;
    const wanted = sameLine ? ' = ' : ' =';
    if (current !== wanted) edits.push(TextEdit.replace({ start: e.nameRange.end, end }, wanted));
  }
  return edits;
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { parsedAliases } from './parsed';

export function aliasesSymbols(doc: TextDocument): DocumentSymbol[] {
  return parsedAliases(doc).entries.map((e) => ({
    name: e.name,
    detail: e.targets.map((t) => t.text).join(', '),
    kind: SymbolKind.Key,
    range: e.range,
    selectionRange: e.nameRange,
  }));
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { parsedMsmtprc } from './parsed';

export function msmtprcSymbols(doc: TextDocument): DocumentSymbol[] {
  return parsedMsmtprc(doc)
    .sections.filter((s) => s.kind !== 'preamble')
    .map((s) => {
      const last = s.commands[s.commands.length - 1];
      const range = { start: s.headerRange.start, end: last ? last.range.end : s.headerRange.end };
      return { name: s.kind === 'defaults' ? 'defaults' : s.name || 'account', kind: SymbolKind.Namespace, range, selectionRange: s.nameRange ?? s.headerRange };
    });
}

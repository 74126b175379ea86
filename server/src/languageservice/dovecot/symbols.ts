import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { DovecotNode } from '../../parsers/dovecot';
import { parsedDovecot } from './parsed';

/** Sections as an outline, nested like the file (iteratively, so deep nesting cannot overflow). */
export function dovecotSymbols(doc: TextDocument): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const todo: { nodes: DovecotNode[]; into: DocumentSymbol[]; depth: number }[] = [{ nodes: parsedDovecot(doc).nodes, into: roots, depth: 0 }];
  while (todo.length > 0) {
    const { nodes, into, depth } = todo.pop()!;
    for (const n of nodes) {
      if (n.kind !== 'section') continue;
      const symbol: DocumentSymbol = { name: n.name ? `${n.type} ${n.name}` : n.type, kind: SymbolKind.Namespace, range: n.range, selectionRange: n.typeRange, children: [] };
      into.push(symbol);
      if (depth < 32) todo.push({ nodes: n.children, into: symbol.children!, depth: depth + 1 });
    }
  }
  return roots;
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver-types';
import { allParameters } from '../../postfix/parameters';
import type { ServiceContext } from '../service';
import { parameterDoc } from './hover';

export function mainCfCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  // Parameter names belong at the start of a logical line, before any '='.
  if (!/^[A-Za-z0-9_.-]*$/.test(line)) return [];
  const items: CompletionItem[] = [];
  for (const p of allParameters()) {
    items.push({
      label: p.name,
      kind: CompletionItemKind.Property,
      detail: p.defaultValue === '' ? '(empty by default)' : `default: ${p.defaultValue}`,
      documentation: { kind: MarkupKind.Markdown, value: parameterDoc(p, ctx.locale) },
      insertText: `${p.name} = $0`,
      insertTextFormat: InsertTextFormat.Snippet,
    });
  }
  return items;
}

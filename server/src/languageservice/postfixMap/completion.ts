// In access maps, the value's first word is an action: offer them with their meaning.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../service';
import { ACCESS_ACTIONS, isAccessMap } from './access';

export function mapCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  if (!isAccessMap(doc.uri)) return [];
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  // Right after the key and its whitespace, before any other word of the value.
  if (!/^[^\s#]+\s+[A-Za-z_]*$/.test(before)) return [];
  return ACCESS_ACTIONS.map((a) => ({
    label: a.name,
    kind: CompletionItemKind.Keyword,
    documentation: a[ctx.locale],
    insertText: a.argument ? `${a.name} \${1:${a.argument}}` : a.name,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

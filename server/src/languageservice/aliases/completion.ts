// After the colon of an alias, offers the other aliases and, when known, the system's users.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../service';
import { parsedAliases } from './parsed';
import { siblingPasswd } from './users';

export function aliasesCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  const inTargets = /^\s/.test(before) || /^[^#]*:/.test(before);
  if (!inTargets || !/(^|[\s:,])[\w.+-]*$/.test(before)) return [];
  const items = new Map<string, CompletionItem>();
  for (const e of parsedAliases(doc).entries)
    items.set(e.name, { label: e.name, kind: CompletionItemKind.Reference, detail: 'alias' });
  for (const u of siblingPasswd(doc.uri, ctx.workspace)?.names ?? [])
    if (!items.has(u)) items.set(u, { label: u, kind: CompletionItemKind.Value, detail: 'user' });
  return [...items.values()];
}

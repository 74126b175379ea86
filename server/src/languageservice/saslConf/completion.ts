// At the start of a line: the options. After `option:`: that option's words.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../service';
import { SASL_OPTIONS, saslOption } from './options';

export function saslConfCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  if (/^\s*[\w-]*$/.test(before))
    return SASL_OPTIONS.map((o) => ({ label: o.name, kind: CompletionItemKind.Property, documentation: o[ctx.locale], insertText: `${o.name}: ` }));
  const m = /^\s*([\w-]+):(.*)$/.exec(before);
  const info = m && saslOption(m[1].toLowerCase());
  return info?.values ? info.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember })) : [];
}

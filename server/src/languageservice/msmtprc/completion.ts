// At the start of a line: the msmtp commands. After a command with fixed choices: those choices.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../service';
import { MSMTP_KEYWORDS, msmtpKeyword } from './keywords';

export function msmtprcCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  if (/^\s*[a-z_]*$/.test(before))
    return MSMTP_KEYWORDS.map((k) => ({ label: k.name, kind: CompletionItemKind.Keyword, documentation: k[ctx.locale] }));
  const m = /^\s*([a-z_]+)\s+[\w-]*$/.exec(before);
  const kw = m && msmtpKeyword(m[1]);
  if (kw?.value.kind === 'choice') return kw.value.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  return [];
}

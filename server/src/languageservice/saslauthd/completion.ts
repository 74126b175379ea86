// At the start of a line: the variables the file's start-up reads. In MECHANISMS (MECH): the
// mechanisms. In OPTIONS (FLAGS), after a '-': saslauthd's flags.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../service';
import { saslauthdDialect } from './launch';
import { parsedSaslauthd } from './parsed';
import { SASLAUTHD_FLAG_NOTES, SASLAUTHD_MECHANISMS, SASLAUTHD_VARIABLES } from './variables';

export function saslauthdCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  if (/^\s*[A-Z_]*$/i.test(before))
    return Object.entries(SASLAUTHD_VARIABLES[saslauthdDialect(doc.uri, parsedSaslauthd(doc))]).map(([name, note]) => ({ label: name, kind: CompletionItemKind.Variable, documentation: note[ctx.locale], insertText: `${name}=` }));
  if (/^\s*(?:MECHANISMS|MECH)="?\w*$/.test(before)) return SASLAUTHD_MECHANISMS.map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
  if (/^\s*START="?\w*$/.test(before)) return [{ label: 'yes', kind: CompletionItemKind.EnumMember }];
  if (/^\s*(?:export\s+)?(?:OPTIONS|FLAGS|SASLAUTHD_OPTS)=["']?(?:[^"']*\s)?-$/.test(before))
    return Object.entries(SASLAUTHD_FLAG_NOTES).map(([letter, note]) => ({ label: `-${letter}`, insertText: letter, filterText: `-${letter}`, kind: CompletionItemKind.Value, documentation: note[ctx.locale] }));
  return [];
}

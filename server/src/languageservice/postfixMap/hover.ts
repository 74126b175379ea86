// In access maps, hovering the action word of a value explains what Postfix does with it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { accessAction, isAccessMap } from './access';
import { parsedMap } from './parsed';

export function mapHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  if (!isAccessMap(doc.uri)) return null;
  const entry = parsedMap(doc).entries.find((e) => e.value !== '' && contains(e.valueRange, pos));
  if (!entry) return null;
  const word = /^\S+/.exec(entry.value)![0];
  const start = entry.valueRange.start;
  const range = { start, end: { line: start.line, character: start.character + word.length } };
  const action = accessAction(word);
  if (!action || !contains(range, pos)) return null;
  const usage = action.argument ? ` \`${action.name} ${action.argument}\`` : '';
  return { range, contents: { kind: MarkupKind.Markdown, value: `**${action.name}**${usage}\n\n${action[ctx.locale]}` } };
}

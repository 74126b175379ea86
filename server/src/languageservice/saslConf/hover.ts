import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { saslOption } from './options';
import { parsedSaslConf } from './parsed';

export function saslConfHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const o = parsedSaslConf(doc).options.find((x) => contains(x.keyRange, pos));
  const info = o && saslOption(o.key);
  if (!o || !info) return null;
  return { range: o.keyRange, contents: { kind: MarkupKind.Markdown, value: `**${info.name}**\n\n${info[ctx.locale]}` } };
}

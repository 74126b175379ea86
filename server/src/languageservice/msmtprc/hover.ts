import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { msmtpKeyword } from './keywords';
import { parsedMsmtprc } from './parsed';

export function msmtprcHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const tree = parsedMsmtprc(doc);
  for (const s of tree.sections) {
    if (s.kind !== 'preamble' && contains(s.headerRange, pos) && pos.character <= s.headerRange.start.character + (s.kind === 'account' ? 7 : 8)) {
      const kw = msmtpKeyword(s.kind)!;
      return { range: s.headerRange, contents: { kind: MarkupKind.Markdown, value: `**${kw.name}**\n\n${kw[ctx.locale]}` } };
    }
    const c = s.commands.find((x) => contains(x.keywordRange, pos));
    const kw = c && msmtpKeyword(c.keyword);
    if (c && kw) return { range: c.keywordRange, contents: { kind: MarkupKind.Markdown, value: `**${kw.name}**\n\n${kw[ctx.locale]}` } };
  }
  return null;
}

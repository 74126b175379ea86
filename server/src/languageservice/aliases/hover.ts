// Hover on an alias name (with the newaliases reminder) or on a target (what kind it is).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { parsedAliases } from './parsed';

export function aliasesHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  for (const e of parsedAliases(doc).entries) {
    if (contains(e.nameRange, pos))
      return { range: e.nameRange, contents: { kind: MarkupKind.Markdown, value: t(ctx.locale, 'aliases.hover.name', e.name) } };
    const target = e.targets.find((x) => contains(x.range, pos));
    if (target) return { range: target.range, contents: { kind: MarkupKind.Markdown, value: t(ctx.locale, `aliases.hover.${target.kind}`) } };
  }
  return null;
}

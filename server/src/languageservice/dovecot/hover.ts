// Hover on a setting or section name: our description (for the settings a Postfix SASL setup
// uses) and the default of the installed Dovecot.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { DOVECOT_DOCS } from '../../dovecot/docs';
import { dovecotData } from '../../dovecot/settings';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { parsedDovecot } from './parsed';
import { placedNodes } from './places';

export function dovecotHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  for (const { node, place } of placedNodes(parsedDovecot(doc).nodes)) {
    const nameRange = node.kind === 'setting' ? node.keyRange : node.kind === 'section' ? node.typeRange : node.range;
    if (!contains(nameRange, pos)) continue;
    const name = node.kind === 'setting' ? node.key : node.kind === 'section' ? node.type : node.optional ? '!include_try' : '!include';
    const lines = [`**${name}**`, '', DOVECOT_DOCS[name]?.[ctx.locale] ?? t(ctx.locale, 'dovecot.hover.no-doc', dovecotData().dovecot)];
    const fallback = node.kind === 'setting' && place?.kind === 'settings' ? place.settings[node.key] : undefined;
    if (fallback !== undefined) lines.push('', t(ctx.locale, 'dovecot.hover.default', fallback === '' ? t(ctx.locale, 'dovecot.hover.empty') : `\`${fallback}\``));
    if (node.kind !== 'include' && !DOVECOT_DOCS[name] && fallback === undefined) return null;
    return { range: nameRange, contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
  }
  return null;
}

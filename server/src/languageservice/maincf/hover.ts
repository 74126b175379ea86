import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import { getParameter, ParameterInfo, postconfDocUrl } from '../../postfix/parameters';
import type { ServiceContext } from '../service';
import { parsedMainCf } from './parsed';

export function mainCfHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const entry = parsedMainCf(doc).entries.find((e) => contains(e.nameRange, pos));
  const info = entry && getParameter(entry.name);
  if (!entry || !info) return null;
  return { range: entry.nameRange, contents: { kind: MarkupKind.Markdown, value: parameterDoc(info, ctx.locale) } };
}

export function parameterDoc(p: ParameterInfo, locale: 'en' | 'es'): string {
  const summary = (locale === 'es' ? p.summary?.es : undefined) ?? p.summary?.en;
  const defaultLabel = locale === 'es' ? 'Valor por omisión' : 'Default';
  const shown = p.defaultValue === '' ? (locale === 'es' ? '(vacío)' : '(empty)') : `\`${p.defaultValue}\``;
  return [`**${p.name}**`, summary, `${defaultLabel}: ${shown}`, `[postconf(5)](${postconfDocUrl(p.name)})`]
    .filter(Boolean)
    .join('\n\n');
}

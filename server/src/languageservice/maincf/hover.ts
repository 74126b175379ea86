import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import { describeType } from '../../postfix/docs/describeType';
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
  const es = locale === 'es';
  const summary = (es ? p.summary?.es : undefined) ?? p.summary?.en;
  const defaultLabel = es ? 'Valor por omisión' : 'Default';
  const shown = p.defaultValue === '' ? (es ? '(vacío)' : '(empty)') : `\`${p.defaultValue}\``;
  const hostNote = p.hostDependent ? (es ? ' (depende de la máquina)' : ' (depends on the host)') : '';
  const facts = [`${defaultLabel}: ${shown}${hostNote}`, `${es ? 'Tipo' : 'Type'}: ${describeType(p.type, locale)}`];
  if (p.since) facts.push(`${es ? 'Desde' : 'Since'}: Postfix ${[p.since, ...(p.sinceBackports ?? [])].join(', ')}`);
  const deprecated = p.deprecated && `⚠ ${es ? 'Obsoleto desde' : 'Deprecated since'} Postfix ${p.deprecated.warnedSince}. ${p.deprecated.advice[locale]}`;
  return [`**${p.name}**`, summary, deprecated, p.note?.[locale], facts.join('  \n'), `[postconf(5)](${postconfDocUrl(p.name)})`]
    .filter(Boolean)
    .join('\n\n');
}

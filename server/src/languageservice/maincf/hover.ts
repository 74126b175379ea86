// Hovers for main.cf (and, through the shared helpers, master.cf -o settings): a parameter's
// documentation, a $reference's value as postconf -x would expand it, and restriction and lookup
// table type names inside values.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import { describeType } from '../../postfix/docs/describeType';
import { getMapType } from '../../postfix/mapTypes';
import { getParameter, ParameterInfo, postconfDocUrl } from '../../postfix/parameters';
import { getRestriction } from '../../postfix/restrictions';
import { pairForMainCf } from '../postfixPair';
import type { PostfixModel, ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { ValueSite } from './site';
import { siteOf } from './diagnostics';
import { listTokens } from './valueText';

export function mainCfHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const pair = pairForMainCf(doc, ctx.workspace);
  const entry = pair.main.entries.find((e) => contains(e.range, pos) || contains(e.valueRange, pos));
  if (!entry) return null;
  if (contains(entry.nameRange, pos)) return nameHover(entry.name, entry.nameRange, pair.model, ctx.locale);
  const ref = entry.references.find((r) => contains(r.range, pos));
  if (ref) return referenceHover(ref.name, ref.range, pair.model, undefined, ctx.locale);
  return tokenHover(siteOf(doc, entry, pair.model), pos, ctx.locale);
}

const md = (value: string, range: Range): Hover => ({ range, contents: { kind: MarkupKind.Markdown, value } });

export function nameHover(name: string, range: Range, model: PostfixModel, locale: 'en' | 'es'): Hover | null {
  const info = getParameter(name);
  if (info) return md(parameterDoc(info, locale), range);
  const value = model.raw(name);
  if (value === undefined) return null;
  const es = locale === 'es';
  return md(`**${name}**\n\n${es ? 'Parámetro definido por el usuario' : 'User-defined parameter'}: \`${value}\``, range);
}

export function referenceHover(name: string, range: Range, model: PostfixModel, service: ServiceView | undefined, locale: 'en' | 'es'): Hover {
  const es = locale === 'es';
  const raw = model.raw(name, service);
  const lines = [`**$${name}**`];
  if (raw === undefined) lines.push(es ? 'No está definido: se sustituye por nada.' : 'Not defined anywhere: it expands to nothing.');
  else {
    const expanded = model.expand(raw, service);
    lines.push(`${es ? 'Valor' : 'Value'}: \`${raw || ' '}\``);
    if (expanded !== raw) lines.push(`${es ? 'Expandido (postconf -x)' : 'Expanded (postconf -x)'}: \`${expanded || ' '}\``);
    const entry = model.mainEntries.get(name);
    const where = service?.params.has(name)
      ? `master.cf, ${service.service} -o`
      : entry
        ? `main.cf, ${es ? 'línea' : 'line'} ${entry.line + 1}`
        : es
          ? 'valor por omisión de Postfix'
          : 'Postfix default';
    lines.push(`${es ? 'Definido en' : 'Defined in'}: ${where}`);
  }
  if (getParameter(name)) lines.push(`[postconf(5)](${postconfDocUrl(name)})`);
  return md(lines.join('\n\n'), range);
}

/** A restriction or a lookup table type under the cursor inside a value. */
export function tokenHover(site: ValueSite, pos: Position, locale: 'en' | 'es'): Hover | null {
  for (const t of listTokens(site.value)) {
    const range = site.rangeOf(t.start, t.end);
    if (!contains(range, pos)) continue;
    const r = getRestriction(t.text);
    if (r) {
      const where = r.stage === 'generic' ? (locale === 'es' ? 'cualquier lista' : 'any list') : `${r.stage}`;
      const lines = [`**${r.name}**`, `${locale === 'es' ? 'Restricción' : 'Restriction'} (${where})`];
      if (r.oldNameOf) lines.push(`${locale === 'es' ? 'Nombre antiguo de' : 'Old name of'} \`${r.oldNameOf}\``);
      lines.push(`[postconf(5)](https://www.postfix.org/postconf.5.html#${r.name})`);
      return md(lines.join('\n\n'), range);
    }
    const type = /^([a-z][a-z0-9]*):/.exec(t.text)?.[1];
    const info = type && getMapType(type);
    if (info) {
      const lines = [`**${type}:**`, info.summary[locale]];
      if (info.origin === 'plugin') lines.push(`Debian: \`${info.debianPackage}\``);
      lines.push(`[DATABASE_README](https://www.postfix.org/DATABASE_README.html)`);
      return md(lines.join('\n\n'), site.rangeOf(t.start, t.start + type.length + 1));
    }
    return null;
  }
  return null;
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

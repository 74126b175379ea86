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
import { getDeprecation } from '../../postfix/deprecated';
import { availability, compatibilityDefaults, newestRelease, releaseParameter } from '../../postfix/releaseFacts';
import { targetRelease } from '../postfixTarget';
import { pairForMainCf } from '../postfixPair';
import type { PostfixModel, ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { ValueSite } from './site';
import { siteOf } from './diagnostics';
import { listTokens } from '../../postfix/listTokens';

export function mainCfHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const pair = pairForMainCf(doc, ctx.workspace);
  const entry = pair.main.entries.find((e) => contains(e.range, pos) || contains(e.valueRange, pos));
  if (!entry) return null;
  if (contains(entry.nameRange, pos)) return nameHover(entry.name, entry.nameRange, pair.model, ctx.locale, targetRelease(ctx));
  const ref = entry.references.find((r) => contains(r.range, pos));
  if (ref) return referenceHover(ref.name, ref.range, pair.model, undefined, ctx.locale);
  return tokenHover(siteOf(doc, entry, pair.model), pos, ctx.locale);
}

const md = (value: string, range: Range): Hover => ({ range, contents: { kind: MarkupKind.Markdown, value } });

export function nameHover(name: string, range: Range, model: PostfixModel, locale: 'en' | 'es', target: string = newestRelease()): Hover | null {
  const info = getParameter(name);
  if (info) return md(parameterDoc(info, locale, target), range);
  // A parameter of another release than the emulated 3.7: what the release data knows.
  if (releaseParameter(name)) return md(releaseParameterDoc(name, locale, target), range);
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

export function parameterDoc(p: ParameterInfo, locale: 'en' | 'es', target: string = newestRelease()): string {
  const es = locale === 'es';
  const summary = (es ? p.summary?.es : undefined) ?? p.summary?.en;
  const defaultLabel = es ? 'Valor por omisión' : 'Default';
  const shown = p.defaultValue === '' ? (es ? '(vacío)' : '(empty)') : `\`${p.defaultValue}\``;
  const hostNote = p.hostDependent ? (es ? ' (depende de la máquina)' : ' (depends on the host)') : '';
  const facts = [`${defaultLabel}: ${shown}${hostNote}`, `${es ? 'Tipo' : 'Type'}: ${describeType(p.type, locale)}`];
  const since = p.since ?? releaseParameter(p.name)?.since;
  if (since) facts.push(`${es ? 'Desde' : 'Since'}: Postfix ${[since, ...(p.sinceBackports ?? [])].join(', ')}`);
  facts.push(...releaseFacts(p.name, locale, target));
  return [`**${p.name}**`, summary, deprecationLine(p.name, locale), p.note?.[locale], facts.join('  \n'), `[postconf(5)](${postconfDocUrl(p.name)})`]
    .filter(Boolean)
    .join('\n\n');
}

function deprecationLine(name: string, locale: 'en' | 'es'): string | undefined {
  const d = getDeprecation(name);
  if (!d) return undefined;
  const es = locale === 'es';
  const removed = d.removedIn ? ` ${es ? 'Eliminado en' : 'Removed in'} Postfix ${d.removedIn}.` : '';
  return `⚠ ${es ? 'Obsoleto desde' : 'Deprecated since'} Postfix ${d.warnedSince}.${removed} ${d.advice[locale]}`;
}

/** "Deprecated in", "Removed in" and how the target release stands, from the release data. */
function releaseFacts(name: string, locale: 'en' | 'es', target: string): string[] {
  const es = locale === 'es';
  const out: string[] = [];
  const d = getDeprecation(name);
  if (d) out.push(`${es ? 'Obsoleto en' : 'Deprecated in'}: Postfix ${d.warnedSince}`);
  const removedIn = d?.removedIn ?? releaseParameter(name)?.removedIn;
  if (removedIn) out.push(`${es ? 'Eliminado en' : 'Removed in'}: Postfix ${removedIn}`);
  const a = availability(name, target);
  if (a.status === 'later') out.push(es ? `No existe en Postfix ${target} (el objetivo)` : `Not in Postfix ${target} (the target)`);
  for (const [level, settings] of Object.entries(compatibilityDefaults())) {
    const kept = settings.find(([n]) => n === name);
    if (!kept) continue;
    const shown = kept[1] === '' ? (es ? '(vacío)' : '(empty)') : `\`${kept[1]}\``;
    out.push(es ? `Con compatibility_level < ${level}: ${shown}` : `With compatibility_level < ${level}: ${shown}`);
  }
  return out;
}

/** For a parameter only the release data knows (3.8 and later, or gone before 3.7). */
export function releaseParameterDoc(name: string, locale: 'en' | 'es', target: string): string {
  const es = locale === 'es';
  const p = releaseParameter(name)!;
  const [series, value] = p.defaults[p.defaults.length - 1];
  const facts = [`${es ? 'Valor por omisión documentado' : 'Documented default'} (Postfix ${series}): ${value === '' ? (es ? '(vacío)' : '(empty)') : `\`${value}\``}`];
  if (p.since) facts.push(`${es ? 'Desde' : 'Since'}: Postfix ${p.since}`);
  facts.push(...releaseFacts(name, locale, target));
  return [`**${name}**`, deprecationLine(name, locale), facts.join('  \n'), `[postconf(5)](${postconfDocUrl(name)})`].filter(Boolean).join('\n\n');
}

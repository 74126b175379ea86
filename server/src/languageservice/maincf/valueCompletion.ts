// What may come next in a parameter value, by the parameter's type: yes/no, enum words, time
// units, restriction names valid for that list, lookup table types, and $references. Shared by
// main.cf values and master.cf `-o name=value`.
import { CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { allMapTypes } from '../../postfix/mapTypes';
import { getParameter } from '../../postfix/parameters';
import { getRestriction, restrictionsAcceptedIn } from '../../postfix/restrictions';
import { TIME_UNITS, ValueType } from '../../postfix/valueTypes';
import type { PostfixModel } from '../postfixModel';
import { restrictionSortText } from './restrictionRelevance';
import { listTokens } from '../../postfix/listTokens';

const UNIT_NAMES: Record<string, string> = { s: 'seconds', m: 'minutes', h: 'hours', d: 'days', w: 'weeks' };

export function mapTypeItems(locale: 'en' | 'es'): CompletionItem[] {
  return allMapTypes().map((m) => ({
    label: `${m.name}:`,
    kind: CompletionItemKind.Module,
    detail: m.origin === 'plugin' ? `lookup table (Debian package ${m.debianPackage})` : 'lookup table',
    documentation: m.summary[locale],
    // Reopen completion after the colon is inserted? No: the next part is a path, left to the user.
  }));
}

export function referenceItems(model: PostfixModel, braces: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const name of model.definedNames()) {
    const p = getParameter(name);
    const value = model.raw(name);
    out.push({
      label: name,
      kind: CompletionItemKind.Variable,
      detail: value === undefined ? undefined : `= ${value}`,
      insertText: braces ? name : name,
      sortText: model.mainEntries.has(name) ? `0${name}` : `1${name}`,
      documentation: p?.summary?.en,
    });
  }
  return out;
}

/** `before` is the value text from its start up to the cursor. */
export function valueCompletion(parameter: string, type: ValueType | undefined, before: string, model: PostfixModel, locale: 'en' | 'es'): CompletionItem[] {
  const ref = /\$(\{|\()?([A-Za-z0-9_]*)$/.exec(before);
  if (ref) return referenceItems(model, !!ref[1]);
  if (!type) return [];
  const tokens = listTokens(before);
  const endsInSeparator = before === '' || /[\s,]$/.test(before);
  const current = endsInSeparator ? '' : (tokens[tokens.length - 1]?.text ?? '');
  const previous = endsInSeparator ? tokens[tokens.length - 1]?.text : tokens[tokens.length - 2]?.text;
  const words = (values: string[], kind: CompletionItemKind = CompletionItemKind.EnumMember) => values.map((v) => ({ label: v, kind }));
  switch (type.kind) {
    case 'boolean':
      return words(['yes', 'no']);
    case 'enum':
      return words(type.values);
    case 'time': {
      const digits = /^\d+$/.test(current) ? current : '';
      if (!digits) return [];
      return TIME_UNITS.map((u) => ({ label: `${digits}${u}`, kind: CompletionItemKind.Unit, detail: `${digits} ${UNIT_NAMES[u]}` }));
    }
    case 'lookupTables':
      return mapTypeItems(locale);
    case 'list':
      return current.includes(':') ? [] : mapTypeItems(locale).map((i) => ({ ...i, sortText: `9${i.label}` }));
    case 'restrictions': {
      const prev = previous ? getRestriction(previous) : undefined;
      if (prev?.argument === 'table') return mapTypeItems(locale);
      if (prev?.argument) return [];
      const items: CompletionItem[] = restrictionsAcceptedIn(type.list).map((r) => ({
        label: r.name,
        kind: CompletionItemKind.Function,
        detail: r.argument === 'table' ? `${r.name} type:table` : r.argument === 'dnsDomain' ? `${r.name} domain` : r.argument ? `${r.name} ${r.argument}` : `${r.stage} restriction`,
        // The one line in our own words, then where the full text is.
        documentation: { kind: MarkupKind.Markdown, value: [r.summary?.[locale], `[postconf(5)](https://www.postfix.org/postconf.5.html#${r.name})`].filter(Boolean).join('\n\n') },
        sortText: restrictionSortText(r, type.list),
      }));
      for (const c of model.restrictionClasses) items.push({ label: c, kind: CompletionItemKind.Class, detail: 'restriction class' });
      return items;
    }
    default:
      return [];
  }
}

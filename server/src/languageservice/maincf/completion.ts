// main.cf completion: parameter names at the start of a line (with the default as detail), and
// after the '=' the values the parameter takes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver-types';
import { allParameters } from '../../postfix/parameters';
import { pairForMainCf } from '../postfixPair';
import type { ServiceContext } from '../service';
import { parameterDoc, releaseParameterDoc } from './hover';
import { availability, newestRelease, releaseParameter, releaseParameterNames } from '../../postfix/releaseFacts';
import { getDeprecation } from '../../postfix/deprecated';
import { targetRelease } from '../postfixTarget';
import { typeOfSetting } from './values';
import { valueCompletion } from './valueCompletion';

/**
 * Every parameter name: the 3.7 built-ins and those other releases add. Names the target release
 * lacks say "since X" and sort after the ones it has; names it no longer has are left out.
 */
export function parameterItems(locale: 'en' | 'es', snippet: (name: string) => string, target: string = newestRelease()): CompletionItem[] {
  const items: CompletionItem[] = [];
  const item = (name: string, detail: string, doc: string, deprecated: boolean): CompletionItem | undefined => {
    const a = availability(name, target);
    if (a.status === 'removed') return undefined;
    const later = a.status === 'later';
    return {
      label: name,
      kind: CompletionItemKind.Property,
      detail: later ? `${locale === 'es' ? 'desde' : 'since'} ${a.since} · ${detail}` : detail,
      sortText: `${later ? 1 : 0}${name}`,
      documentation: { kind: MarkupKind.Markdown, value: doc },
      insertText: snippet(name),
      insertTextFormat: InsertTextFormat.Snippet,
      tags: deprecated ? [1] : undefined,
    };
  };
  const seen = new Set<string>();
  for (const p of allParameters()) {
    seen.add(p.name);
    const i = item(p.name, p.defaultValue === '' ? '(empty by default)' : `default: ${p.defaultValue}`, parameterDoc(p, locale, target), !!p.deprecated);
    if (i) items.push(i);
  }
  for (const name of releaseParameterNames()) {
    if (seen.has(name)) continue;
    const p = releaseParameter(name)!;
    const value = p.defaults[p.defaults.length - 1][1];
    const i = item(name, value === '' ? '(empty by default)' : `default: ${value}`, releaseParameterDoc(name, locale, target), !!getDeprecation(name));
    if (i) items.push(i);
  }
  return items;
}

let cachedItems: { key: string; items: CompletionItem[] } | undefined;

export function mainCfCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  // Parameter names belong at the start of a logical line, before any '='.
  if (/^[A-Za-z0-9_.-]*$/.test(line)) {
    const target = targetRelease(ctx);
    const key = `${ctx.locale}/${target}`;
    if (cachedItems?.key !== key) cachedItems = { key, items: parameterItems(ctx.locale, (n) => `${n} = $0`, target) };
    return cachedItems.items;
  }
  if (/^\s*#/.test(line)) return [];
  const pair = pairForMainCf(doc, ctx.workspace);
  // A line that starts with blanks continues the last setting above it.
  const continued = /^\s/.test(line);
  let entry = continued ? undefined : pair.main.entries.find((e) => e.range.start.line === pos.line);
  if (continued) for (const e of pair.main.entries) if (e.range.start.line < pos.line) entry = e;
  let name: string;
  let before: string;
  if (entry && entry.range.start.line < pos.line) {
    name = entry.name;
    before = doc.getText({ start: entry.valueRange.start, end: pos }).replace(/\n/g, ' ');
  } else {
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/s.exec(line);
    if (!m) return [];
    name = m[1];
    before = m[2];
  }
  return valueCompletion(name, typeOfSetting({ parameter: name, model: pair.model }), before, pair.model, ctx.locale);
}

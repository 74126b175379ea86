// main.cf completion: parameter names at the start of a line (with the default as detail), and
// after the '=' the values the parameter takes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver-types';
import { allParameters } from '../../postfix/parameters';
import { pairForMainCf } from '../postfixPair';
import type { ServiceContext } from '../service';
import { parameterDoc } from './hover';
import { typeOfSetting } from './values';
import { valueCompletion } from './valueCompletion';

export function parameterItems(locale: 'en' | 'es', snippet: (name: string) => string): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const p of allParameters()) {
    items.push({
      label: p.name,
      kind: CompletionItemKind.Property,
      detail: p.defaultValue === '' ? '(empty by default)' : `default: ${p.defaultValue}`,
      documentation: { kind: MarkupKind.Markdown, value: parameterDoc(p, locale) },
      insertText: snippet(p.name),
      insertTextFormat: InsertTextFormat.Snippet,
      tags: p.deprecated ? [1] : undefined,
    });
  }
  return items;
}

let cachedItems: { locale: string; items: CompletionItem[] } | undefined;

export function mainCfCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  // Parameter names belong at the start of a logical line, before any '='.
  if (/^[A-Za-z0-9_.-]*$/.test(line)) {
    if (cachedItems?.locale !== ctx.locale) cachedItems = { locale: ctx.locale, items: parameterItems(ctx.locale, (n) => `${n} = $0`) };
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

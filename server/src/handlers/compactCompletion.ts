// Parameter-name completion answers some 850 items; with each one's documentation that was about
// 400 KB per keystroke. For a client that asks for it (initializationOptions.compactCompletion, as
// the VS Code client does), items go out with their label, kind and tags only, and a sort text
// only for the names the target release lacks (`1name`): their detail and documentation come
// through completionItem/resolve, and the client itself adds what every parameter item has, the
// `name = $0` it inserts and the sort text `0name` (see client/src/extension.ts).
// Other clients get the full items, as before.
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';

/** Set at initialize. */
let compact = false;
/** The full items of the last compacted answer, by label, for resolve. */
let lastFull = new Map<string, CompletionItem>();

export function configureCompactCompletion(initializationOptions: unknown): void {
  compact = (initializationOptions as { compactCompletion?: unknown } | undefined)?.compactCompletion === true;
}

/** A parameter item the client completes itself: `name = $0` inserted as a snippet. */
const isParameterItem = (i: CompletionItem) => i.kind === CompletionItemKind.Property && i.insertText === `${i.label} = $0`;

export function compactCompletion(items: CompletionItem[]): CompletionItem[] {
  if (!compact || !items.some(isParameterItem)) return items;
  lastFull = new Map(items.map((i) => [i.label, i]));
  return items.map((i) => {
    if (!isParameterItem(i)) return i;
    const out: CompletionItem = { label: i.label, kind: i.kind };
    if (i.sortText !== undefined && i.sortText !== `0${i.label}`) out.sortText = i.sortText;
    if (i.tags) out.tags = i.tags;
    return out;
  });
}

/** The detail and documentation left out of a compacted item. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const full = lastFull.get(item.label);
  return full && item.kind === CompletionItemKind.Property ? { ...item, detail: full.detail, documentation: full.documentation } : item;
}

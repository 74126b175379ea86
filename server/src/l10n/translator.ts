// `t` over a lookup of messages by key. The server's `t` (./index.ts) looks in every table, each
// loaded when a lookup first reaches it (./tables.ts); code that needs one table (the SMTP
// expectations, which the VS Code extension renders) looks in that table alone, so that the
// extension's main file does not carry all of them (esbuild.mjs, issue 16's activation budget).
import type { Locale } from './index';

/** Messages by key, each in English and Spanish. */
export type MessageTable = Record<string, { en: string; es: string }>;

/** {0}, {1}, ... in a template replaced by the arguments; a missing one stays as written. */
function fill(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

/** The message in the locale (English when the entry lacks it), with its arguments filled in. */
export function translator<K extends string>(find: (key: K) => MessageTable[string] | undefined) {
  return (locale: Locale, key: K, ...args: (string | number)[]): string => {
    const m = find(key);
    // Keys are checked by the compiler; a lookup that still fails shows the key, not a crash.
    return m ? fill(m[locale] ?? m.en, args) : key;
  };
}

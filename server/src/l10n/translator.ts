// `t` over a message table that is fetched when the first message is formatted. The server's `t`
// (./index.ts) uses it over every table, built on that first call; code that needs one table (the
// SMTP expectations, which the VS Code extension renders) uses it over that table alone, so that
// the extension's main file does not carry all of them (esbuild.mjs, issue 16's activation budget).
import type { Locale } from './index';

/** Messages by key, each in English and Spanish. */
export type MessageTable = Record<string, { en: string; es: string }>;

/** {0}, {1}, ... in a template replaced by the arguments; a missing one stays as written. */
function fill(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

/** The message in the locale (English when the table lacks it), with its arguments filled in. */
export function translator<T extends MessageTable>(table: () => T) {
  return (locale: Locale, key: keyof T & string, ...args: (string | number)[]): string => {
    const m = table()[key];
    return fill(m[locale] ?? m.en, args);
  };
}

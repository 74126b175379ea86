// A message table's own `t`: code that needs one table (the SMTP expectations, in the VS Code
// extension) imports that table alone instead of `messages`, every table of the server, which
// would put them all in the extension's main file (esbuild.mjs, issue 16's activation budget).
import type { Locale } from './index';

/** Messages by key, each in English and Spanish. */
export type MessageTable = Record<string, { en: string; es: string }>;

/** {0}, {1}, ... in a template replaced by the arguments; a missing one stays as written. */
function fill(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

/** `t` over one table, got when a message is first asked for: the message in the locale (English when the table lacks it), filled. */
export function translator<T extends MessageTable>(table: () => T) {
  return (locale: Locale, key: keyof T & string, ...args: (string | number)[]): string => {
    const m = table()[key];
    return fill(m[locale] ?? m.en, args);
  };
}

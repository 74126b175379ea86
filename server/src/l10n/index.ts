// Server-side message localisation. The analyses are pure functions that already receive the
// locale in their ServiceContext, so a typed table is enough: no bundle files to load at runtime,
// and the compiler refuses a message that lacks either language.
import { messages, MessageKey } from './messages';

export type Locale = 'en' | 'es';
export type { MessageKey };

/** The message in the locale, with {0}, {1}, ... replaced by the arguments. */
export function t(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  const template = messages[key][locale] ?? messages[key].en;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

// Server-side message localisation. The analyses are pure functions that already receive the
// locale in their ServiceContext, so a typed table is enough: no bundle files to load at runtime,
// and the compiler refuses a message that lacks either language.
import { findMessage, type MessageKey } from './tables';
import { translator } from './translator';

export type Locale = 'en' | 'es';
export type { MessageKey };

/**
 * The message in the locale, with {0}, {1}, ... replaced by the arguments. No table is loaded
 * before a message is formatted, and then only those up to the key's (./tables.ts).
 */
export const t = translator<MessageKey>(findMessage);

/**
 * A message kept as its key and arguments, so that code which runs once whatever the editor's
 * language (parsers, checks and their caches) gives findings shown in English or Spanish when
 * they are placed.
 */
export interface Localized {
  key: MessageKey;
  /** Arguments; a Localized argument is itself put in the same language. */
  args: Array<string | number | Localized>;
}

export const msg = (key: MessageKey, ...args: Localized['args']): Localized => ({ key, args });

export function localize(locale: Locale, m: Localized): string {
  return t(locale, m.key, ...m.args.map((a) => (typeof a === 'object' ? localize(locale, a) : a)));
}

/** A finding's message fields: the English text (for logs, the CLI and tests) and the key it came from. */
export function english(l10n: Localized): { message: string; l10n: Localized } {
  return { message: localize('en', l10n), l10n };
}

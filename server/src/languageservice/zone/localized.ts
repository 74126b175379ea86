// A message kept as its key and arguments, so the checks (which run once, whatever the editor's
// language) give findings that are shown in English or Spanish when they are placed.
import { Locale, MessageKey, t } from '../../l10n';

export interface Localized {
  key: MessageKey;
  /** Arguments; a Localized argument is itself put in the same language. */
  args: Array<string | number | Localized>;
}

export function localize(locale: Locale, m: Localized): string {
  return t(locale, m.key, ...m.args.map((a) => (typeof a === 'object' ? localize(locale, a) : a)));
}

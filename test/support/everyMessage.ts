import { MESSAGE_TABLES } from '../../server/src/l10n/tables';

/** Every server message, from every table (the server itself loads a table only when a lookup reaches it). */
export function everyMessage(): Record<string, { en: string; es: string }> {
  return Object.assign({}, ...MESSAGE_TABLES.map((load) => load()));
}

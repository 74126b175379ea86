// The server's message tables, each required on the first lookup that reaches it.
//
// Why not one merged table: building every table, in both languages, took ~3 ms of a `mailconf
// check main.cf` that formats one message, and their compiled code made up a sixth of the CLI's
// code cache for that run (issue 16's budget for the whole process is 1.3x `node -e 0`). A lookup
// goes through the tables in this order, so a main.cf finding loads the first table only. No key
// is in two tables (test/server/l10n/completeness.test.ts), so the order never changes a text.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { coreMessages } from './messages';
import type { restrictionMessages } from './restrictionMessages';
import type { simulatorMessages } from './simulatorMessages';
import type { saslMessages } from './saslMessages';
import type { zoneMessages } from './zoneMessages';
import type { zoneFileMessages } from './zoneFileMessages';
import type { zoneEditorMessages } from './zoneEditorMessages';
import type { dnsMessages } from './dnsMessages';
import type { smtpMessages } from './smtpMessages';
import type { probeMessages } from './probeMessages';
import type { MessageTable } from './translator';

export type Messages = typeof coreMessages &
  typeof restrictionMessages &
  typeof simulatorMessages &
  typeof saslMessages &
  typeof zoneMessages &
  typeof zoneFileMessages &
  typeof zoneEditorMessages &
  typeof dnsMessages &
  typeof smtpMessages &
  typeof probeMessages;

export type MessageKey = keyof Messages;

/** Each table's loader, most used first. require() and not import: esbuild then defers each one. */
export const MESSAGE_TABLES: ReadonlyArray<() => MessageTable> = [
  () => require('./messages').coreMessages,
  () => require('./restrictionMessages').restrictionMessages,
  () => require('./simulatorMessages').simulatorMessages,
  () => require('./saslMessages').saslMessages,
  () => require('./zoneMessages').zoneMessages,
  () => require('./zoneFileMessages').zoneFileMessages,
  () => require('./zoneEditorMessages').zoneEditorMessages,
  () => require('./dnsMessages').dnsMessages,
  () => require('./smtpMessages').smtpMessages,
  () => require('./probeMessages').probeMessages,
];

const loaded: MessageTable[] = [];

/** The entry of a key, loading tables in order until one has it. */
export function findMessage(key: string): MessageTable[string] | undefined {
  for (let i = 0; i < MESSAGE_TABLES.length; i++) {
    const table = (loaded[i] ??= MESSAGE_TABLES[i]());
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}

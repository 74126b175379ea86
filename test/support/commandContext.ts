// The context a server command runs in, for tests that call commands directly: documents open in
// the "editor" (their text by URI), a workspace that reads from disk or from given texts, and a
// token that is never cancelled unless the test listens for it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommandContext } from '../../server/src/commands/command';
import { readDiskText } from '../../server/src/handlers/diskFiles';
import type { Locale } from '../../server/src/l10n';

export interface CommandContextOptions {
  /** Open documents' texts by URI (the language id does not matter to the commands). */
  open?: Record<string, string>;
  /** The workspace's files; by default they are read from disk. */
  readText?: (uri: string) => string | undefined;
  locale?: Locale;
  /** Called with a function that cancels the command, when the command listens for cancellation. */
  onCancel?: (cancel: () => void) => void;
}

export function commandContext(o: CommandContextOptions = {}): CommandContext {
  const open = o.open ?? {};
  return {
    locale: o.locale ?? 'en',
    workspace: { readText: o.readText ?? readDiskText },
    document: (uri) => (open[uri] === undefined ? undefined : TextDocument.create(uri, 'plaintext', 1, open[uri])),
    token: {
      isCancellationRequested: false,
      onCancellationRequested: (listener: () => void) => {
        o.onCancel?.(() => listener());
        return { dispose() {} };
      },
    } as CommandContext['token'],
    log: () => undefined,
  };
}

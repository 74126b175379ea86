// Commands the server offers through workspace/executeCommand, so every LSP editor can run them
// (VS Code's client registers them automatically). Ids start with "mailconf.lsp.", which keeps
// them apart from the VS Code client's own UI commands.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../languageservice/service';

export interface CommandContext extends ServiceContext {
  /** An open document by URI. */
  document(uri: string): TextDocument | undefined;
  token: CancellationToken;
  log(message: string): void;
  /**
   * Asks the client something mid-command (a server-to-client request); absent outside a live
   * connection. Cancelling `token` withdraws the question (the client closes its prompt).
   */
  request?<T>(method: string, params: unknown, token?: CancellationToken): Promise<T>;
}

export interface ServerCommand {
  id: string;
  /** Resolves to a JSON-serialisable result; throws an Error whose message is shown to the user. */
  run(args: unknown[], ctx: CommandContext): Promise<unknown>;
}

// Wires workspace/executeCommand to the server commands, turning their errors into response errors.
import { Connection, ResponseError, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_COMMANDS } from '../commands';
import type { ServiceContext } from '../languageservice/service';

export const COMMAND_IDS = SERVER_COMMANDS.map((c) => c.id);

export function registerCommands(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  context: () => ServiceContext,
): void {
  connection.onExecuteCommand(async (params, token) => {
    const command = SERVER_COMMANDS.find((c) => c.id === params.command);
    if (!command) throw new ResponseError(-32601, `unknown command '${params.command}'`);
    try {
      return await command.run(params.arguments ?? [], {
        ...context(),
        document: (uri) => documents.get(uri),
        token,
        log: (m) => connection.console.log(m),
        request: (method, params, asked) => connection.sendRequest(method, params, asked),
      });
    } catch (err) {
      throw new ResponseError(-32803, err instanceof Error ? err.message : String(err));
    }
  });
}

// mailconf.lsp.remote.compare: the two sides of "Compare main.cf with server". The client fetches
// the server's `postconf -n` over SSH and sends its text; we emulate `postconf -n` over the main.cf
// being edited (unsaved changes included) and normalise both the same way, so that the diff editor
// shows only settings that really differ.
import { postconf } from '../postfix/postconf';
import { normalisePostconf, postconfDifferences, type ParameterDifference } from '../ssh/compare';
import type { CommandContext, ServerCommand } from './command';

export interface CompareRequest {
  /** The main.cf being edited. */
  uri: string;
  /** What the server's `postconf -n` printed. */
  serverOutput: string;
}

export interface CompareResult {
  server: string;
  local: string;
  differences: ParameterDifference[];
  /** Warnings of our emulation over the edited file, as postconf would print them. */
  localWarnings: string[];
}

export function compareWithServer(mainCf: string, serverOutput: string): CompareResult {
  const local = postconf({ mainCf }, { nonDefault: true });
  return {
    server: normalisePostconf(serverOutput),
    local: normalisePostconf(local.stdout),
    differences: postconfDifferences(serverOutput, local.stdout),
    localWarnings: local.warnings,
  };
}

export const remoteCompareCommand: ServerCommand = {
  id: 'mailconf.lsp.remote.compare',
  async run(args, ctx: CommandContext) {
    const request = args[0] as Partial<CompareRequest> | undefined;
    if (!request || typeof request.uri !== 'string' || typeof request.serverOutput !== 'string') {
      throw new Error('Expected {uri, serverOutput}: the main.cf URI and the server\'s postconf -n output');
    }
    const text = ctx.document(request.uri)?.getText() ?? ctx.workspace.readText(request.uri);
    if (text === undefined) throw new Error(`Cannot read ${request.uri}`);
    return compareWithServer(text, request.serverOutput);
  },
};

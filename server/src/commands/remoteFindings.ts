// mailconf.lsp.remote.findings: the warnings of the server's postconf about the uploaded copy of
// main.cf/master.cf, as LSP diagnostics on the files being edited. The client runs the check over
// SSH and sends postconf's stderr and the temporary directory it used.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { siblingUri } from '../languageservice/postfixPair';
import { remoteFindings } from '../ssh/checkFindings';
import type { CommandContext, ServerCommand } from './command';

export interface FindingsRequest {
  /** The main.cf that was checked. */
  uri: string;
  /** The master.cf that was sent with it, if any. */
  masterUri?: string;
  stderr: string;
  dir: string;
}

export interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}

export const REMOTE_CHECK_SOURCE = 'postconf (server)';

export function findingsAsDiagnostics(
  request: FindingsRequest,
  read: (uri: string) => string | undefined,
): FileDiagnostics[] {
  const masterUri = request.masterUri ?? siblingUri(request.uri, 'master.cf');
  const mainCf = read(request.uri) ?? '';
  const masterCf = masterUri ? read(masterUri) : undefined;
  const byUri = new Map<string, Diagnostic[]>([[request.uri, []]]);
  if (masterUri && masterCf !== undefined) byUri.set(masterUri, []);
  for (const f of remoteFindings(request.stderr, request.dir, { mainCf, masterCf })) {
    // Findings about a master.cf we did not send (the server's own) are shown on main.cf's first line.
    const uri = f.file === 'master.cf' && masterUri && byUri.has(masterUri) ? masterUri : request.uri;
    const onMain = uri === request.uri && f.file !== 'main.cf';
    byUri.get(uri)!.push({
      range: onMain ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : { start: { line: f.line, character: f.startCharacter }, end: { line: f.line, character: f.endCharacter } },
      severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: REMOTE_CHECK_SOURCE,
      code: 'remote-postconf',
      message: f.message,
    });
  }
  return [...byUri].map(([uri, diagnostics]) => ({ uri, diagnostics }));
}

export const remoteFindingsCommand: ServerCommand = {
  id: 'mailconf.lsp.remote.findings',
  async run(args, ctx: CommandContext) {
    const request = args[0] as Partial<FindingsRequest> | undefined;
    if (!request || typeof request.uri !== 'string' || typeof request.stderr !== 'string' || typeof request.dir !== 'string') {
      throw new Error('Expected {uri, stderr, dir}: the checked main.cf, postconf\'s stderr and the temporary directory');
    }
    return findingsAsDiagnostics(request as FindingsRequest, (uri) => ctx.document(uri)?.getText() ?? ctx.workspace.readText(uri));
  },
};

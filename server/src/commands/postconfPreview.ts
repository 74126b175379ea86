// mailconf.lsp.postconf.preview: what `postconf -n`, `-nx` or `-M` would print for the main.cf or
// master.cf being edited, computed in-process by the postconf emulation from the editor's text
// (unsaved changes included) and the sibling file. The warnings postconf would print on stderr
// follow as comment lines, so the preview shows them where the user is looking.
import { hostname, networkInterfaces } from 'node:os';
import { siblingUri } from '../languageservice/postfixPair';
import { interfaceAddresses, postconf } from '../postfix/postconf';
import type { CommandContext, ServerCommand } from './command';

export type PreviewMode = 'n' | 'nx' | 'M';

export interface PreviewRequest {
  uri: string;
  mode: PreviewMode;
}

function textOf(uri: string | undefined, ctx: CommandContext): string | undefined {
  if (!uri) return undefined;
  return ctx.document(uri)?.getText() ?? ctx.workspace.readText(uri);
}

export function postconfPreview(request: PreviewRequest, read: (uri: string | undefined) => string | undefined): string {
  const isMaster = /(^|\/)master\.cf[^/]*$/.test(request.uri);
  const mainUri = isMaster ? siblingUri(request.uri, 'main.cf') : request.uri;
  const masterUri = isMaster ? request.uri : siblingUri(request.uri, 'master.cf');
  const result = postconf(
    { mainCf: read(mainUri) ?? '', masterCf: read(masterUri) },
    {
      ...(request.mode === 'M' ? { masterEntries: true } : { nonDefault: true, expand: request.mode === 'nx' }),
      // Host-dependent defaults ($myhostname, $mydomain) as postconf would print them on this
      // machine, the same facts `mailconf postconf` uses.
      host: { hostname: hostname(), interfaces: interfaceAddresses(networkInterfaces()), processId: process.pid },
    },
  );
  const warnings = result.stderr
    .split('\n')
    .filter(Boolean)
    .map((l) => `# ${l}`)
    .join('\n');
  return result.stdout + (warnings ? `${result.stdout ? '\n' : ''}${warnings}\n` : '');
}

export const postconfPreviewCommand: ServerCommand = {
  id: 'mailconf.lsp.postconf.preview',
  async run(args, ctx) {
    const request = args[0] as Partial<PreviewRequest> | undefined;
    if (!request || typeof request.uri !== 'string') throw new Error('Expected {uri, mode} with the URI of a main.cf or master.cf');
    const mode = request.mode ?? 'n';
    if (mode !== 'n' && mode !== 'nx' && mode !== 'M') throw new Error(`Unknown preview mode '${String(mode)}': use n, nx or M`);
    return postconfPreview({ uri: request.uri, mode }, (uri) => textOf(uri, ctx));
  },
};

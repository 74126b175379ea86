// The mailconf language server. Transport is chosen from the command line (--stdio, --node-ipc,
// --socket=N), so the same file serves VS Code and any other LSP editor.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMAND_IDS, registerCommands } from './handlers/commands';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerFeatures } from './handlers/features';
import { configureCompactCompletion } from './handlers/compactCompletion';
import { resumeAfterBadHeaders } from './handlers/headerRecovery';
import { registerReferences } from './handlers/references';
import { applyInitialSettings, registerSettings } from './handlers/settings';
import { currentPostfixVersion } from './handlers/postfixVersion';
import { serverWorkspace } from './handlers/workspace';
import type { ServiceContext } from './languageservice/service';
import type { DiagnosticsMode } from './handlers/diagnostics';

resumeAfterBadHeaders();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = serverWorkspace(documents);
let locale: ServiceContext['locale'] = 'en';
let diagnosticsMode: DiagnosticsMode = { pull: false, refreshSupport: false };
/** Local paths of the workspace folders, for workspace diagnostics. */
let folders: string[] = [];
const context = (): ServiceContext => ({ workspace, locale, editing: true, postfixVersion: currentPostfixVersion() });

connection.onInitialize((params) => {
  const preferred = (params.initializationOptions as { docsLanguage?: string } | undefined)?.docsLanguage;
  const wanted = preferred && preferred !== 'auto' ? preferred : (params.locale ?? 'en');
  locale = wanted.toLowerCase().startsWith('es') ? 'es' : 'en';
  applyInitialSettings(params.initializationOptions);
  configureCompactCompletion(params.initializationOptions);
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri));
  diagnosticsMode = {
    pull: params.capabilities.textDocument?.diagnostic !== undefined,
    refreshSupport: params.capabilities.workspace?.diagnostics?.refreshSupport === true,
  };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['$', '=', ' ', ','], resolveProvider: true },
      hoverProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      executeCommandProvider: { commands: COMMAND_IDS },
      // Advertised to every client; only those that pull get it, the others are pushed to.
      // Workspace diagnostics keep the problems of files that are not open (workspaceFiles.ts).
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
      // The pid lets the extension's tests kill the server to check that it is restarted.
      experimental: { mailconf: { pid: process.pid } },
    },
    serverInfo: { name: 'mailconf-language-server', version: process.env.MAILCONF_VERSION ?? '0.0.0' },
  };
});

registerDiagnostics(connection, documents, context, () => diagnosticsMode, () => folders);
registerFeatures(connection, documents, context);
registerReferences(connection, documents, context);
registerSettings(connection);
registerCommands(connection, documents, context);
documents.listen(connection);
connection.listen();

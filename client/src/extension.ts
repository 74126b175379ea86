// The VS Code side: starts the language server and wires editor commands to it. Analyses live in
// the server so that every LSP editor gets them; this file only starts, restarts and renders.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
  vsdiag,
} from 'vscode-languageclient/node';
import { aliasesReminder } from './aliasesReminder';
import { crashBudget } from './crashBudget';
import { RecentDocuments } from './documentOfLanguage';
import { PREVIEW_SCHEME, registerPostconfPreview } from './postconfPreview';
import { registerRemote } from './remote';
import { registerSimulate } from './simulate';
import { registerSmtp } from './smtp';
import { trackActiveLanguage } from './walkthroughContext';
import { registerWalkthroughInsert } from './walkthroughInsert';
import { registerZone } from './zone';
import { registerDnsCheck } from './dnsCheck';
import { postfixVersionOptions, registerPostfixVersion } from './postfixVersion';
import { SCENARIO_FILE_PATTERN } from '../../server/src/languageservice/scenarios/files';

const LANGUAGES = ['postfix-main', 'postfix-master', 'dns-zone', 'postfix-aliases', 'postfix-map', 'msmtprc', 'dovecot', 'cyrus-sasl', 'saslauthd'];

export interface MailconfApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<MailconfApi> {
  // The ready line says how much of the wait since activation was ours: the extension host takes
  // its own time between its activation line and this call (issue 16; see the README).
  const activated = Date.now();
  const log = vscode.window.createOutputChannel('Mailconf', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const crashes = crashBudget(5, 3 * 60_000);
  // The SSH server's mail_version, once read in this session (see postfixVersion.ts).
  const postfixSession: { detected?: string } = {};
  const clientOptions: LanguageClientOptions = {
    // Scenario files are JSON to VS Code; the server checks them by name, unsaved edits included.
    documentSelector: [...LANGUAGES.map((language) => ({ language })), { language: 'json', pattern: SCENARIO_FILE_PATTERN }],
    outputChannel: log,
    // A function, so that each (re)start sends the current setting.
    initializationOptions: () => ({
      // Parameter items come without their documentation (resolved on focus) and insert text (added below).
      compactCompletion: true,
      docsLanguage: vscode.workspace.getConfiguration('mailconf').get<string>('docsLanguage', 'auto'),
      ...postfixVersionOptions(postfixSession.detected),
    }),
    // The postconf previews are main.cf and master.cf text, for colours and hovers; what they say
    // is already reported on the files they come from.
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, uri.scheme === PREVIEW_SCHEME ? [] : diagnostics),
      // Once a main.cf parameter name is accepted (`name = `), its values are what comes next.
      provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        if (document.languageId !== 'postfix-main' || !result) return result;
        for (const item of Array.isArray(result) ? result : result.items) {
          if (item.kind !== vscode.CompletionItemKind.Property) continue;
          // What the server leaves out of compact items (server/src/handlers/compactCompletion.ts).
          const name = typeof item.label === 'string' ? item.label : item.label.label;
          item.insertText ??= new vscode.SnippetString(`${name} = $0`);
          item.sortText ??= `0${name}`;
          item.command ??= { title: '', command: 'editor.action.triggerSuggest' };
        }
        return result;
      },
      provideDiagnostics: (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        return uri.scheme === PREVIEW_SCHEME ? { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] } : next(document, previousResultId, token);
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (!crashes.allow(Date.now())) {
          const message = l10n.t('The Mailconf language server crashed too often and was not restarted. See the Mailconf output for details.');
          return { action: CloseAction.DoNotRestart, message };
        }
        log.warn('The language server stopped unexpectedly; restarting it.');
        void vscode.window.showWarningMessage(l10n.t('The Mailconf language server crashed and was restarted.'));
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };

  const client = new LanguageClient('mailconf', 'Mailconf', serverOptions, clientOptions);
  const recent = new RecentDocuments();
  context.subscriptions.push(recent, registerWalkthroughInsert(context, recent));
  registerSmtp(context, client, log);
  registerPostconfPreview(context, client, recent);
  registerRemote(context, client, log);
  registerZone(context, client);
  registerDnsCheck(context, client);
  registerSimulate(context, client);
  registerPostfixVersion(context, client, postfixSession);
  context.subscriptions.push(aliasesReminder(context), trackActiveLanguage());
  context.subscriptions.push(
    client,
    log,
    vscode.commands.registerCommand('mailconf.restartServer', async () => {
      log.info('Restarting the language server on request.');
      await client.restart();
    }),
    vscode.commands.registerCommand('mailconf.showOutput', () => log.show()),
    // The server learns the docs language only at initialize, so a change restarts it.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mailconf.docsLanguage') && client.isRunning()) {
        log.info('mailconf.docsLanguage changed; restarting the language server.');
        void client.restart();
      }
    }),
  );
  await client.start();
  // A timestamped moment for `npm run bench`, read against the extension host's activation line.
  log.info(`Language server ready, ${Date.now() - activated} ms after activate().`);
  return { client };
}

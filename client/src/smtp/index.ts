// The VS Code side of the SMTP connection tests: commands, the results view, the status bar.
// The probe itself runs in the language server; nothing here touches the network.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { requireTrust } from '../trust';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PortTest } from '../../../server/src/smtp/codeLens';
import type { ProbeResult } from '../../../server/src/smtp/types';
import { showResults } from './resultsView';
import { runPorts, type PortRequest, type SmtpRun } from './runner';
import { PASSWORD_REQUEST, type PasswordRequest } from '../../../server/src/smtp/passwordRequest';
import { acceptFingerprint, forgetPassword, RunPassword, savePassword } from './secrets';
import { configuredServers, pickPorts, pickServer, requestFor, type ServerConfig } from './servers';
import { SmtpStatus } from './statusBar';

export const SMTP_COMMANDS = {
  test: 'mailconf.smtp.test',
  testPort: 'mailconf.smtp.testPort',
  showResults: 'mailconf.smtp.showResults',
  setPassword: 'mailconf.smtp.setPassword',
  forgetPassword: 'mailconf.smtp.forgetPassword',
} as const;

const trusted = () => requireTrust(l10n.t('SMTP tests connect to servers over the network and are disabled in untrusted workspaces.'));

export function registerSmtp(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  const status = new SmtpStatus(SMTP_COMMANDS.showResults);
  const deps = { client, log, state: context.globalState };
  let last: SmtpRun | undefined;
  /** The runs under way, by host and user, for the server's password requests. */
  const passwords = new Map<string, RunPassword>();
  const runKey = (host: string, user: string | undefined) => `${host}\0${user ?? ''}`;
  client.onRequest(PASSWORD_REQUEST, async (p: PasswordRequest) => (await passwords.get(runKey(p.host, p.user))?.ask(p.port)) ?? null);

  const run = async (server: ServerConfig, requests: PortRequest[]): Promise<SmtpRun | undefined> => {
    const password = new RunPassword(context.secrets, server);
    const k = runKey(server.host, server.user);
    passwords.set(k, password);
    let result: SmtpRun | undefined;
    try {
      result = await runPorts(deps, server, requests, password);
    } finally {
      if (passwords.get(k) === password) passwords.delete(k);
    }
    if (!result) return undefined;
    await password.keepIfAccepted(result.results);
    last = result;
    status.update(result);
    showResults(result, actions);
    return result;
  };

  const actions = {
    rerun: (previous: SmtpRun) => void run(previous.server, previous.requests),
    acceptCertificate: async (previous: SmtpRun, result: ProbeResult) => {
      if (!result.tls) return;
      const ok = l10n.t('Accept');
      const answer = await vscode.window.showWarningMessage(
        l10n.t('Trust the certificate {0} (SHA-256 {1}) for {2} from now on?', result.tls.subject, result.tls.fingerprint256, result.host),
        { modal: true },
        ok,
      );
      if (answer !== ok) return;
      await acceptFingerprint(context.globalState, previous.server.host, previous.server.servername ?? previous.server.host, result.tls.fingerprint256);
      void run(previous.server, previous.requests);
    },
  };

  const serverForLens = async (): Promise<ServerConfig | undefined> => pickServer(context.globalState);

  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(SMTP_COMMANDS.test, async () => {
      if (!trusted()) return undefined;
      const server = await pickServer(context.globalState);
      const ports = server && (await pickPorts(server));
      if (!server || !ports?.length) return undefined;
      return run(server, ports.map((port) => requestFor(server, port)));
    }),
    vscode.commands.registerCommand(SMTP_COMMANDS.testPort, async (test: PortTest) => {
      if (!trusted() || !test) return undefined;
      const server = await serverForLens();
      if (!server) return undefined;
      return run(server, [{ port: test.port, profile: test.profile, tls: test.tls }]);
    }),
    vscode.commands.registerCommand(SMTP_COMMANDS.showResults, () => {
      if (last) showResults(last, actions);
      else void vscode.commands.executeCommand(SMTP_COMMANDS.test);
    }),
    vscode.commands.registerCommand(SMTP_COMMANDS.setPassword, async (name?: string, password?: string) => {
      const server = name ? configuredServers().find((s) => s.name === name) : await pickServer(context.globalState);
      if (!server?.user) return;
      const value = password ?? (await vscode.window.showInputBox({ title: l10n.t('Password of {0} on {1}', server.user, server.host), password: true }));
      if (value !== undefined) await savePassword(context.secrets, server, value);
    }),
    vscode.commands.registerCommand(SMTP_COMMANDS.forgetPassword, async () => {
      const server = await pickServer(context.globalState);
      if (server) await forgetPassword(context.secrets, server);
    }),
  );
}

// The VS Code side of the remote features: postconf from the server as read-only documents, the
// compare view, the remote check as diagnostics, server files over SFTP, SMTP tests run from the
// server through an SSH forward, and (opt-in) hovers with the server's own postconf(5). SSH runs
// here in the extension host (it needs the dialogs and SecretStorage); the analyses (normalising,
// mapping warnings to lines) come from the language server's mailconf.lsp.remote.* commands.
// Everything is refused in untrusted workspaces.
import * as vscode from 'vscode';
import { l10n, locale } from '../l10n';
import { requireTrust } from '../trust';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CompareResult } from '../../../server/src/commands/remoteCompare';
import type { FileDiagnostics } from '../../../server/src/commands/remoteFindings';
import { runRemotePostconf } from '../../../server/src/ssh/remotePostconf';
import type { SaslServerFinding } from '../../../server/src/ssh/saslServerCheck';
import type { ProbeResult } from '../../../server/src/smtp/types';
import { registerManPageHover } from '../manPageHover';
import { showResults } from '../smtp/resultsView';
import { optionsFor } from '../smtp/runner';
import { RunPassword } from '../smtp/secrets';
import { requestFor } from '../smtp/servers';
import { RemoteDocuments, REMOTE_SCHEME } from './documents';
import { forgetSshSecrets } from './secrets';
import { ServerFiles, SERVER_FILE_SCHEME } from './serverFiles';
import { RemoteSessions } from './sessions';
import { pickSshServer, type RemoteArgs } from './targets';
import { REMOTE_MAIL_VERSION } from '../postfixVersion';

export const REMOTE_COMMANDS = {
  postconfN: 'mailconf.remote.postconf',
  postconfNx: 'mailconf.remote.postconfExpanded',
  postconfM: 'mailconf.remote.postconfMaster',
  compare: 'mailconf.remote.compare',
  check: 'mailconf.remote.check',
  checkSasl: 'mailconf.remote.checkSasl',
  openFile: 'mailconf.remote.openFile',
  smtpTest: 'mailconf.remote.smtpTest',
  forgetSecrets: 'mailconf.remote.forgetSecrets',
} as const;

const trusted = () => requireTrust(l10n.t('Remote server commands connect over SSH and are disabled in untrusted workspaces.'));

function activeMainCf(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'postfix-main') return doc;
  void vscode.window.showWarningMessage(l10n.t('Open the main.cf to use with the server first.'));
  return undefined;
}

/** For the commands that set the open main.cf beside a server's: both, or undefined once the user has been told why not. */
async function mainCfAndServer(args?: RemoteArgs) {
  if (!trusted()) return undefined;
  const doc = activeMainCf();
  if (!doc) return undefined;
  const picked = await pickSshServer(args);
  return picked && { doc, target: picked.target };
}

async function siblingMasterCf(doc: vscode.TextDocument): Promise<{ uri?: vscode.Uri; text?: string }> {
  if (doc.isUntitled) return {};
  const uri = vscode.Uri.joinPath(doc.uri, '..', 'master.cf');
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { uri, text: open.getText() };
  try {
    return { uri, text: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8') };
  } catch {
    return {};
  }
}

/** The server's SASL problems as diagnostics on main.cf, at smtpd_sasl_path (or its first line). */
function saslDiagnostics(doc: vscode.TextDocument, server: string, findings: SaslServerFinding[]): vscode.Diagnostic[] {
  const line = Math.max(0, doc.getText().split(/\r?\n/).findIndex((l) => /^\s*smtpd_sasl_path\s*=/.test(l)));
  const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
  return findings.map((f) => Object.assign(new vscode.Diagnostic(doc.lineAt(line).range, f.message, severity[f.severity]), { source: `SASL (${server})`, code: f.code }));
}

export function registerRemote(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  const sessions = new RemoteSessions(context, log);
  const documents = new RemoteDocuments();
  const files = new ServerFiles(sessions, log);
  const diagnostics = vscode.languages.createDiagnosticCollection('mailconf-remote');
  const lsp = <T>(command: string, arg: unknown) => client.sendRequest<T>('workspace/executeCommand', { command, arguments: [arg] });

  const showPostconf = async (flags: string[], label: string, language: string, args?: RemoteArgs) => {
    if (!trusted()) return undefined;
    const picked = await pickSshServer(args);
    if (!picked) return undefined;
    const { target } = picked;
    const r = await sessions.run(
      target,
      l10n.t('Running postconf {0} on {1}', flags.join(' '), target.name),
      (c, signal) => runRemotePostconf(c, target.postconfPath, target.configDir, flags, { signal }),
      args?.knownHostsFiles,
    );
    if (!r) return undefined;
    const warnings = r.stderr.split('\n').filter(Boolean).map((l) => `# ${l}`).join('\n');
    const text = r.stdout + (warnings ? `${r.stdout && !r.stdout.endsWith('\n') ? '\n' : ''}${warnings}\n` : '');
    const uri = documents.set(target.name, label, text);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
    await vscode.window.showTextDocument(doc, { preview: true });
    return { uri: uri.toString(), text, exitCode: r.exitCode };
  };

  const compare = async (args?: RemoteArgs) => {
    const chosen = await mainCfAndServer(args);
    if (!chosen) return undefined;
    const { doc, target } = chosen;
    const r = await sessions.run(
      target,
      l10n.t('Running postconf -n on {0}', target.name),
      (c, signal) => runRemotePostconf(c, target.postconfPath, target.configDir, ['-n'], { signal }),
      args?.knownHostsFiles,
    );
    if (!r) return undefined;
    const result = await lsp<CompareResult>('mailconf.lsp.remote.compare', { uri: doc.uri.toString(), serverOutput: r.stdout });
    const left = documents.set(target.name, 'postconf -n (server)', result.server);
    const right = documents.set(target.name, `postconf -n (${doc.uri.path.split('/').pop()})`, result.local);
    await vscode.commands.executeCommand('vscode.diff', left, right, l10n.t('{0} ↔ {1} (postconf -n)', target.name, doc.uri.path.split('/').pop() ?? 'main.cf'));
    const names = result.differences.map((d) => d.name);
    void vscode.window.showInformationMessage(
      names.length ? l10n.t('{0} parameters differ from {1}: {2}', names.length, target.name, names.join(', ')) : l10n.t('No differences from {0}.', target.name),
    );
    return result;
  };

  const check = async (args?: RemoteArgs) => {
    const chosen = await mainCfAndServer(args);
    if (!chosen) return undefined;
    const { doc, target } = chosen;
    const master = await siblingMasterCf(doc);
    const r = await sessions.run(
      target,
      l10n.t('Checking {0} with postconf on {1}', doc.uri.path.split('/').pop() ?? 'main.cf', target.name),
      async (c, signal) => (await import('./sshSide')).remoteCheck(c, target.postconfPath, target.configDir, { mainCf: doc.getText(), masterCf: master.text }, { signal, sasl: {} }),
      args?.knownHostsFiles,
    );
    if (!r) return undefined;
    const found = await lsp<FileDiagnostics[]>('mailconf.lsp.remote.findings', {
      uri: doc.uri.toString(),
      ...(master.uri && master.text !== undefined ? { masterUri: master.uri.toString() } : {}),
      stderr: r.stderr,
      dir: r.dir,
    });
    // The SASL problems of the same check join main.cf's postconf warnings.
    const { saslServerFindings } = await import('./sshSide');
    const sasl = r.sasl ? saslDiagnostics(doc, target.name, saslServerFindings(r.sasl, locale()).filter((x) => x.severity !== 'info')) : [];
    let count = sasl.length;
    diagnostics.set(doc.uri, sasl);
    for (const f of found) {
      const uri = vscode.Uri.parse(f.uri);
      const converted = await client.protocol2CodeConverter.asDiagnostics(f.diagnostics);
      diagnostics.set(uri, [...converted, ...(uri.toString() === doc.uri.toString() ? sasl : [])]);
      count += converted.length;
    }
    void vscode.window.showInformationMessage(
      count ? l10n.t('postconf on {0} printed {1} warnings; see the Problems view.', target.name, count) : l10n.t('postconf on {0} accepts this main.cf without warnings.', target.name),
    );
    return { count, exitCode: r.exitCode };
  };

  // Check SASL on server: read-only questions over SSH (see saslServerCheck.ts). Each result
  // becomes a diagnostic on the open main.cf, at smtpd_sasl_path (or its first line).
  const checkSasl = async (args?: RemoteArgs) => {
    const chosen = await mainCfAndServer(args);
    if (!chosen) return undefined;
    const { doc, target } = chosen;
    const facts = await sessions.run(
      target,
      l10n.t('Checking SASL on {0}', target.name),
      async (c, signal) => (await import('./sshSide')).gatherSaslFacts(c, { postconfPath: target.postconfPath, configDir: target.configDir }, { signal }),
      args?.knownHostsFiles,
    );
    if (!facts) return undefined;
    const findings = (await import('./sshSide')).saslServerFindings(facts, locale());
    diagnostics.set(doc.uri, saslDiagnostics(doc, target.name, findings));
    const errors = findings.filter((f) => f.severity === 'error').length;
    void vscode.window.showInformationMessage(
      errors ? l10n.t('SASL on {0}: {1} problems; see the Problems view.', target.name, errors) : l10n.t('SASL on {0}: {1}', target.name, findings[0]?.message ?? ''),
    );
    return findings;
  };

  const openFile = async (args?: RemoteArgs & { path?: string }) => {
    if (!trusted()) return undefined;
    const picked = await pickSshServer(args);
    if (!picked) return undefined;
    const { target } = picked;
    let path = args?.path;
    if (!path) {
      const other = l10n.t('Another file…');
      const choice = await vscode.window.showQuickPick([`${target.configDir}/main.cf`, `${target.configDir}/master.cf`, '/etc/aliases', other], {
        title: l10n.t('Open which file of {0}?', target.name),
      });
      if (!choice) return undefined;
      path = choice === other ? await vscode.window.showInputBox({ title: l10n.t('Absolute path on {0}', target.name), placeHolder: '/etc/bind/db.mail1.org' }) : choice;
    }
    if (!path) return undefined;
    let uri: vscode.Uri;
    try {
      uri = files.uriFor(target, path.trim(), args?.knownHostsFiles);
    } catch (err) {
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
      return undefined;
    }
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri.toString();
  };

  const smtpFromServer = async (args?: RemoteArgs) => {
    if (!trusted()) return undefined;
    const picked = await pickSshServer(args);
    if (!picked) return undefined;
    const { config, target } = picked;
    const password = new RunPassword(context.secrets, config);
    const saved = await password.saved();
    const requests = config.ports.map((port) => requestFor(config, port));
    const results = await sessions.run(
      target,
      l10n.t('Testing SMTP from {0} itself, ports {1}', target.name, config.ports.join(', ')),
      async (c, signal) => {
        const { probeFromServer } = await import('./sshSide');
        const all: ProbeResult[] = [];
        for (const req of requests) {
          const { askPassword, ...options } = await optionsFor(config, req, saved, context.globalState);
          const passwordWhenNeeded = askPassword ? () => Promise.resolve(password.ask(req.port)) : undefined;
          // The server connects to its own loopback; the certificate must still carry its real name.
          all.push(await probeFromServer(c, target.name, { ...options, passwordWhenNeeded, host: '127.0.0.1', servername: config.servername ?? config.host, signal, locale: locale() }));
        }
        return all;
      },
      args?.knownHostsFiles,
    );
    if (!results) return undefined;
    await password.keepIfAccepted(results);
    const run = { server: { ...config, name: l10n.t('{0} — from the server', config.name) }, requests, results, finished: new Date() };
    showResults(run, { rerun: () => void smtpFromServer(args), acceptCertificate: () => undefined });
    return results;
  };

  context.subscriptions.push(
    sessions,
    documents,
    registerManPageHover(sessions, log),
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, documents),
    vscode.workspace.registerFileSystemProvider(SERVER_FILE_SCHEME, files, { isCaseSensitive: true }),
    vscode.commands.registerCommand(REMOTE_COMMANDS.postconfN, (a?: RemoteArgs) => showPostconf(['-n'], 'postconf -n', 'postfix-main', a)),
    vscode.commands.registerCommand(REMOTE_COMMANDS.postconfNx, (a?: RemoteArgs) => showPostconf(['-nx'], 'postconf -nx', 'postfix-main', a)),
    vscode.commands.registerCommand(REMOTE_COMMANDS.postconfM, (a?: RemoteArgs) => showPostconf(['-M'], 'postconf -M', 'postfix-master', a)),
    vscode.commands.registerCommand(REMOTE_COMMANDS.compare, compare),
    vscode.commands.registerCommand(REMOTE_COMMANDS.check, check),
    vscode.commands.registerCommand(REMOTE_COMMANDS.checkSasl, checkSasl),
    vscode.commands.registerCommand(REMOTE_COMMANDS.openFile, openFile),
    vscode.commands.registerCommand(REMOTE_COMMANDS.smtpTest, smtpFromServer),
    vscode.commands.registerCommand(REMOTE_MAIL_VERSION, async (a?: RemoteArgs) => {
      if (!trusted()) return undefined;
      const picked = await pickSshServer(a);
      if (!picked) return undefined;
      const { target } = picked;
      const r = await sessions.run(
        target,
        l10n.t('Reading mail_version on {0}', target.name),
        (c, signal) => runRemotePostconf(c, target.postconfPath, undefined, ['-h'], { names: ['mail_version'], signal }),
        a?.knownHostsFiles,
      );
      return r && r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
    }),
    vscode.commands.registerCommand(REMOTE_COMMANDS.forgetSecrets, async (a?: RemoteArgs) => {
      const picked = await pickSshServer(a);
      if (!picked) return;
      await forgetSshSecrets(context.secrets, picked.target);
      sessions.close(picked.target, a?.knownHostsFiles);
      void vscode.window.showInformationMessage(l10n.t('Forgot the saved SSH secrets of {0}.', picked.target.name));
    }),
  );
}

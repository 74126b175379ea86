// Runs the SMTP probe for several ports of one server in parallel, in the language server (the
// `mailconf.lsp.smtp.probe` command), under a cancellable progress notification.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { profileForPort } from '../../../server/src/smtp/profiles';
import { renderTranscript, verdict } from '../../../server/src/smtp/report';
import type { ProbeOptions, ProbeResult, ProfileName, TlsMode } from '../../../server/src/smtp/types';
import { acceptedFingerprint, type RunPassword } from './secrets';
import type { ServerConfig } from './servers';

export interface PortRequest {
  port: number;
  /** 'none' checks no policy; undefined takes the profile the port number implies. */
  profile?: ProfileName | 'none';
  tls?: TlsMode;
}

export interface SmtpRun {
  server: ServerConfig;
  requests: PortRequest[];
  results: ProbeResult[];
  finished: Date;
}

export interface RunDeps {
  client: LanguageClient;
  log: vscode.LogOutputChannel;
  state: vscode.Memento;
}

/** The probe's options as the server command takes them: with `askPassword`, it asks for a missing password at AUTH. */
export type ProbeRequest = ProbeOptions & { askPassword?: boolean };

export async function optionsFor(server: ServerConfig, req: PortRequest, password: string | undefined, state: vscode.Memento): Promise<ProbeRequest> {
  const name = server.servername ?? server.host;
  const profile = req.profile === 'none' ? undefined : (req.profile ?? profileForPort(req.port));
  return {
    host: server.host,
    port: req.port,
    // 'auto' only knows that 465 is implicit TLS; the smtps profile says so for any port.
    tls: req.tls ?? (profile === 'smtps' ? 'implicit' : 'auto'),
    ehloName: server.ehloName,
    servername: server.servername,
    ca: server.tls?.ca ? await readFile(server.tls.ca, 'utf8') : undefined,
    insecure: server.tls?.insecure,
    acceptFingerprint: acceptedFingerprint(state, server.host, name),
    allowPlaintextAuth: server.tls?.allowPlaintextAuth,
    // port 25 takes mail from other servers: no AUTH there, whatever the user
    user: profile === 'mx' ? undefined : server.user,
    password: profile === 'mx' ? undefined : password,
    askPassword: profile !== 'mx' && server.user !== undefined && password === undefined,
    expect: profile,
    timeoutMs: 10_000,
  };
}

/** Progress shows at once; a saved password is read under it, a missing one is asked for at AUTH. */
export async function runPorts(deps: RunDeps, server: ServerConfig, requests: PortRequest[], password: RunPassword): Promise<SmtpRun | undefined> {
  const title = l10n.t('Testing SMTP on {0}, ports {1}', server.host, requests.map((r) => r.port).join(', '));
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    progress.report({ message: l10n.t('connecting…') });
    // Cancel stops the probes in the server (each request is cancelled) and closes the password question.
    const cancelled = token.onCancellationRequested(() => password.cancel());
    const saved = await password.saved();
    const options = await Promise.all(requests.map((r) => optionsFor(server, r, saved, deps.state)));
    let done = 0;
    const results = await Promise.all(
      options.map(async (o) => {
        const r = await probeInServer(deps.client, o, token);
        progress.report({ increment: 100 / options.length, message: l10n.t('{0} of {1} done', ++done, options.length) });
        return r;
      }),
    );
    for (const r of results) {
      // the transcript is redacted by the probe; the options (with the password) are never logged
      deps.log.info(`SMTP ${r.host}:${r.port}: ${verdict(r)}`);
      for (const line of renderTranscript(r.transcript)) deps.log.info(`  ${line}`);
    }
    cancelled.dispose();
    if (token.isCancellationRequested) return undefined;
    return { server, requests, results, finished: new Date() };
  });
}

async function probeInServer(client: LanguageClient, options: ProbeOptions, token: vscode.CancellationToken): Promise<ProbeResult> {
  try {
    return await client.sendRequest<ProbeResult>('workspace/executeCommand', { command: 'mailconf.lsp.smtp.probe', arguments: [options] }, token);
  } catch (err) {
    const detail = token.isCancellationRequested ? 'cancelled' : err instanceof Error ? err.message : String(err);
    return {
      host: options.host, port: options.port, ok: false,
      stages: [{ name: 'connect', ok: false, ms: 0, detail }],
      banner: '', ehloBefore: [], ehloAfter: [], tls: null, auth: null, relay: null, expect: null, transcript: [],
    };
  }
}

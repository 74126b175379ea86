// The questions of "Simulate a session…": service or port, client, HELO, SASL login, TLS, sender
// and recipients. Each starts from the last answer in this workspace, or from the lab's vm25
// session (port 25, the lab host 192.168.255.200, usuario@mail1.org to usuario@mail2.org).
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { SimulateRequest } from '../../../server/src/commands/simulate';

const LAST = 'mailconf.simulate.last';

export interface SessionAnswers {
  /** A master.cf service name, or a port number. */
  service: string;
  client: string;
  helo: string;
  /** Empty: no AUTH. */
  sasl: string;
  tls: boolean;
  from: string;
  to: string;
}

const LAB_DEFAULTS: SessionAnswers = { service: '25', client: '192.168.255.200', helo: 'localhost', sasl: '', tls: true, from: 'usuario@mail1.org', to: 'usuario@mail2.org' };

/** The server command's arguments for these answers, on the configuration beside `uri`. */
export function requestFor(uri: string, a: SessionAnswers): SimulateRequest {
  const [address, hostname] = a.client.split(',', 2).map((s) => s.trim());
  const service = /^\d+$/.test(a.service) ? { port: Number(a.service) } : { service: a.service };
  return {
    uri,
    ...service,
    client: { address, ...(hostname ? { hostname } : {}) },
    ...(a.helo ? { helo: a.helo } : {}),
    ...(a.sasl ? { sasl: a.sasl } : {}),
    tls: a.tls,
    from: a.from,
    to: a.to.split(/[\s,]+/).filter(Boolean),
  };
}

/** Asks every question; undefined when the user gives up. `services` are offered first for the service. */
export async function askSession(state: vscode.Memento, preset: { service?: string; services?: string[] }): Promise<SessionAnswers | undefined> {
  const last = { ...LAB_DEFAULTS, ...state.get<Partial<SessionAnswers>>(LAST) };
  const steps = 7;
  const title = (n: number) => l10n.t('Simulate a session ({0}/{1})', n, steps);
  const input = (n: number, prompt: string, value: string, validate?: (v: string) => string | undefined) =>
    vscode.window.showInputBox({ title: title(n), prompt, value, ignoreFocusOut: true, validateInput: (v) => validate?.(v.trim()) });
  const required = (v: string) => (v ? undefined : l10n.t('An answer is needed'));

  let service = preset.service;
  if (service === undefined && preset.services?.length) {
    const picked = await vscode.window.showQuickPick(
      preset.services.map((s) => ({ label: s })),
      { title: title(1), placeHolder: l10n.t('The smtpd service of master.cf the client connects to'), ignoreFocusOut: true },
    );
    service = picked?.label;
    if (service === undefined) return undefined;
  }
  service ??= (await input(1, l10n.t('The smtpd service of master.cf (a name such as submission, or a port such as 25)'), last.service, required))?.trim();
  if (!service) return undefined;
  const client = (await input(2, l10n.t('The client: its address, and after a comma its verified host name if it has one'), last.client, required))?.trim();
  if (!client) return undefined;
  const helo = (await input(3, l10n.t('The name the client gives in EHLO (empty: no EHLO)'), last.helo))?.trim();
  if (helo === undefined) return undefined;
  const sasl = (await input(4, l10n.t('The SASL login the client authenticates as (empty: no AUTH)'), last.sasl))?.trim();
  if (sasl === undefined) return undefined;
  const yes = { label: l10n.t('With TLS'), tls: true };
  const no = { label: l10n.t('Without TLS'), tls: false };
  const tls = await vscode.window.showQuickPick(last.tls ? [yes, no] : [no, yes], { title: title(5), placeHolder: l10n.t('Does the session use TLS (STARTTLS or the wrapper)?'), ignoreFocusOut: true });
  if (!tls) return undefined;
  const from = (await input(6, l10n.t('MAIL FROM (empty: the null sender <>)'), last.from))?.trim();
  if (from === undefined) return undefined;
  const to = (await input(7, l10n.t('RCPT TO: one or more addresses, separated by spaces or commas'), last.to, required))?.trim();
  if (!to) return undefined;
  const answers: SessionAnswers = { service, client, helo, sasl, tls: tls.tls, from, to };
  await state.update(LAST, answers);
  return answers;
}

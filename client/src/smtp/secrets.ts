// SMTP passwords live in VS Code's SecretStorage, keyed by server and user; the user is asked once
// and chooses whether to keep it. Certificates the user accepted are remembered by fingerprint.
import * as vscode from 'vscode';
import type { ServerConfig } from './servers';

const key = (server: ServerConfig) => `mailconf.smtp.password/${server.host}/${server.user ?? ''}`;

export async function passwordFor(secrets: vscode.SecretStorage, server: ServerConfig): Promise<string | undefined> {
  if (!server.user) return undefined;
  const saved = await secrets.get(key(server));
  if (saved !== undefined) return saved;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Password of {0} on {1}', server.user, server.host),
    prompt: vscode.l10n.t('Used for the AUTH test only; never logged.'),
    password: true,
    ignoreFocusOut: true,
  });
  if (typed === undefined) return undefined;
  const save = vscode.l10n.t('Save in VS Code secret storage');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Remember this password for {0}?', server.name), save, vscode.l10n.t('Only this time'));
  if (choice === save) await secrets.store(key(server), typed);
  return typed;
}

export async function savePassword(secrets: vscode.SecretStorage, server: ServerConfig, password: string): Promise<void> {
  await secrets.store(key(server), password);
}

export async function forgetPassword(secrets: vscode.SecretStorage, server: ServerConfig): Promise<void> {
  await secrets.delete(key(server));
}

const certKey = (host: string, name: string) => `mailconf.smtp.acceptedCertificate/${host}/${name}`;

export function acceptedFingerprint(state: vscode.Memento, host: string, name: string): string | undefined {
  return state.get<string>(certKey(host, name));
}

export async function acceptFingerprint(state: vscode.Memento, host: string, name: string, fingerprint: string): Promise<void> {
  await state.update(certKey(host, name), fingerprint);
}

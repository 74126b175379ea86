// SMTP passwords live in VS Code's SecretStorage, keyed by server and user. A run that has none
// asks only when a port reaches AUTH (the server's `mailconf/smtp/password` request), once for all
// its ports, and keeps the password once the server has accepted it: no question blocks the run
// before or after. Certificates the user accepted are remembered by fingerprint.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { ProbeResult } from '../../../server/src/smtp/types';
import type { ServerConfig } from './servers';

const key = (server: Pick<ServerConfig, 'host' | 'user'>) => `mailconf.smtp.password/${server.host}/${server.user ?? ''}`;

/** One run's password: the saved one, else typed once when the first port reaches AUTH. */
export class RunPassword {
  private typed: Thenable<string | undefined> | undefined;
  /** Cancelled with the run: the question closes and is not asked again. */
  private readonly run = new vscode.CancellationTokenSource();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly server: ServerConfig,
  ) {}

  saved(): Thenable<string | undefined> {
    return this.server.user ? this.secrets.get(key(this.server)) : Promise.resolve(undefined);
  }

  /** Asked by the server for the first port that reaches AUTH; the other ports share the answer. */
  ask(port: number): Thenable<string | undefined> {
    if (this.run.token.isCancellationRequested) return Promise.resolve(undefined);
    this.typed ??= vscode.window.showInputBox({
      title: l10n.t('Password of {0} on {1}', this.server.user ?? '', this.server.host),
      prompt: l10n.t('Port {0} offers AUTH. The password is used for this test only and never logged; once the server accepts it, it is kept in VS Code secret storage.', port),
      password: true,
      ignoreFocusOut: true,
    }, this.run.token);
    return this.typed;
  }

  /** The run was cancelled: closes the question if it is open. */
  cancel(): void {
    this.run.cancel();
  }

  /** Keeps a typed password that the server accepted on some port. */
  async keepIfAccepted(results: ProbeResult[]): Promise<void> {
    const typed = await this.typed;
    if (typed !== undefined && results.some((r) => r.auth?.ok)) await this.secrets.store(key(this.server), typed);
  }
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

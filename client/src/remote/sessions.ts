// SSH sessions for the editor: one pooled connection per server (closed after five idle minutes),
// opened with the dialogs of hostKeyPrompts.ts and the secrets of secrets.ts, under a cancellable
// progress notification. Failures become one clear message; none of them contains a secret.
import * as vscode from 'vscode';
import type { Client } from 'ssh2';
import { isSshError } from '../../../server/src/ssh/errors';
import { defaultKnownHostsFiles } from '../../../server/src/ssh/hostKeyPolicy';
import { SshPool } from '../../../server/src/ssh/pool';
import type { SshTarget } from '../../../server/src/ssh/target';
import { askUnknownHostKey, showChangedHostKey } from './hostKeyPrompts';
import { LoginSecrets } from './secrets';

export class RemoteSessions implements vscode.Disposable {
  private readonly pool = new SshPool();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The extension's own host key store, appended to on "Accept always". */
  get storeFile(): string {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'known_hosts').fsPath;
  }

  private key(t: SshTarget, knownHostsFiles?: string[]): string {
    return JSON.stringify([t.user, t.host, t.port, t.identityFile ?? '', knownHostsFiles ?? []]);
  }

  /**
   * Runs `use` on the server's connection with a progress notification titled `title`; resolves to
   * undefined (after telling the user why) when the login or the work failed or was cancelled.
   */
  async run<T>(target: SshTarget, title: string, use: (client: Client, signal: AbortSignal) => Promise<T>, knownHostsFiles?: string[]): Promise<T | undefined> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await this.pool.with(
          this.key(target, knownHostsFiles),
          () => this.open(target, abort.signal, knownHostsFiles),
          (client) => use(client, abort.signal),
        );
      } catch (err) {
        this.report(target, err);
        return undefined;
      } finally {
        sub.dispose();
      }
    });
  }

  private async open(target: SshTarget, signal: AbortSignal, knownHostsFiles?: string[]): Promise<Client> {
    const secrets = new LoginSecrets(this.context.secrets, target);
    // ssh2 and the rest of the SSH side load on the first connection (see sshSide.ts).
    const { connect } = await import('./sshSide');
    try {
      const client = await connect({
        host: target.host,
        port: target.port,
        user: target.user,
        auth: { agent: process.env.SSH_AUTH_SOCK || false, identityFile: target.identityFile, passphrase: secrets.passphrase, password: secrets.password },
        hostKeys: { knownHostsFiles: knownHostsFiles ?? defaultKnownHostsFiles(), storeFile: this.storeFile, askUnknown: askUnknownHostKey },
        timeoutMs: 20_000,
        signal,
        log: (m) => this.log.info(m),
      });
      void secrets.loginSucceeded();
      return client;
    } catch (err) {
      if (isSshError(err, 'auth') || isSshError(err, 'identity')) await secrets.loginFailed();
      throw err;
    }
  }

  private report(target: SshTarget, err: unknown): void {
    if (isSshError(err, 'cancelled')) return;
    const message = err instanceof Error ? err.message : String(err);
    this.log.error(`${target.name}: ${message}`);
    if (isSshError(err, 'host-key-changed') && err.hostKey) return showChangedHostKey(err);
    void vscode.window.showErrorMessage(`${target.name}: ${message}`);
  }

  close(target: SshTarget, knownHostsFiles?: string[]): void {
    this.pool.close(this.key(target, knownHostsFiles));
  }

  dispose(): void {
    this.pool.dispose();
  }
}

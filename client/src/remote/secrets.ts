// Passphrases and passwords for SSH logins: asked in a password box, used for one login, and kept
// in VS Code's SecretStorage only when the user says so after that login worked. A saved secret
// that stops working is dropped, so the next login asks again. Nothing here is ever logged.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { SshTarget } from '../../../server/src/ssh/target';

const PREFIX = 'mailconf.ssh.';

export class LoginSecrets {
  private readonly typed = new Map<string, string>();
  private readonly saved = new Set<string>();

  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly target: SshTarget,
  ) {}

  passphrase = (identityFile: string) =>
    this.ask(`${PREFIX}passphrase/${identityFile}`, l10n.t('Passphrase of the SSH key {0}', identityFile));

  password = () =>
    this.ask(
      `${PREFIX}password/${this.target.user}@${this.target.host}:${this.target.port}`,
      l10n.t('SSH password of {0} on {1}', this.target.user, this.target.host),
    );

  private async ask(key: string, title: string): Promise<string | undefined> {
    const stored = await this.storage.get(key);
    if (stored !== undefined) {
      this.saved.add(key);
      return stored;
    }
    const value = await vscode.window.showInputBox({ title, password: true, ignoreFocusOut: true, prompt: l10n.t('Used for this login only, unless you choose to save it.') });
    if (value !== undefined) this.typed.set(key, value);
    return value;
  }

  /** After a successful login: offer to keep what was typed. */
  async loginSucceeded(): Promise<void> {
    if (this.typed.size === 0) return;
    const save = l10n.t('Save in secret storage');
    const answer = await vscode.window.showInformationMessage(
      l10n.t('Remember the SSH secret for {0} in VS Code\'s secret storage?', this.target.name),
      save,
      l10n.t('Only this time'),
    );
    if (answer === save) for (const [key, value] of this.typed) await this.storage.store(key, value);
    this.typed.clear();
  }

  /** After a refused login: forget saved secrets, one of them is wrong. */
  async loginFailed(): Promise<void> {
    for (const key of this.saved) await this.storage.delete(key);
    this.typed.clear();
  }
}

export async function forgetSshSecrets(storage: vscode.SecretStorage, target: SshTarget): Promise<void> {
  await storage.delete(`${PREFIX}password/${target.user}@${target.host}:${target.port}`);
  if (target.identityFile) await storage.delete(`${PREFIX}passphrase/${target.identityFile}`);
}

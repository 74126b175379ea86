// "Open server file…": /etc/postfix/main.cf, master.cf, /etc/aliases or a zone file, read over SFTP
// into an ordinary editor. Saving is the explicit step: a modal asks first; on yes the server's
// current file is copied to a timestamped backup next to it, the new text is written with the old
// file's mode, `postfix check` runs and its result is shown, and Postfix is reloaded only if the
// user confirms that too. Saying no leaves the server untouched and the editor dirty. After an
// aliases file is saved, the same dialog offers to rebuild the aliases database there (newaliases
// or postalias), since Postfix reads only the compiled table.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { Client, Stats } from 'ssh2';
import { execArgv } from '../../../server/src/ssh/exec';
import { aliasRebuildCommand, isAliasesFile, runAliasRebuild } from '../../../server/src/ssh/newaliases';
import { validateRemotePath } from '../../../server/src/ssh/shellQuote';
import { sftpRead, withSftp } from '../../../server/src/ssh/sftp';
import type { SshTarget } from '../../../server/src/ssh/target';
import type { RemoteSessions } from './sessions';

export const SERVER_FILE_SCHEME = 'mailconf-ssh';

function sftpCall<T>(fn: (cb: (err: Error | null | undefined, v?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v as T))));
}

export class ServerFiles implements vscode.FileSystemProvider {
  private readonly targets = new Map<string, { target: SshTarget; knownHostsFiles?: string[] }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(
    private readonly sessions: RemoteSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** mailconf-ssh://SERVER/PATH, remembering which target SERVER means. */
  uriFor(target: SshTarget, path: string, knownHostsFiles?: string[]): vscode.Uri {
    const authority = encodeURIComponent(target.name).toLowerCase();
    this.targets.set(authority, { target, knownHostsFiles });
    return vscode.Uri.from({ scheme: SERVER_FILE_SCHEME, authority, path: validateRemotePath(path, 'server file') });
  }

  private server(uri: vscode.Uri) {
    const found = this.targets.get(uri.authority);
    if (!found) throw vscode.FileSystemError.Unavailable(l10n.t('Open it again with Mailconf: Open server file…'));
    return found;
  }

  private async on<T>(uri: vscode.Uri, title: string, use: (client: Client) => Promise<T>): Promise<T> {
    const { target, knownHostsFiles } = this.server(uri);
    let failure: unknown;
    const result = await this.sessions.run(target, title, (client) => use(client).catch((err) => ((failure = err), undefined)), knownHostsFiles);
    if (failure || result === undefined) throw vscode.FileSystemError.Unavailable(failure instanceof Error ? failure.message : uri.path);
    return result;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const st = await this.on(uri, l10n.t('Reading {0}', uri.path), (c) => withSftp(c, (s) => sftpCall<Stats>((cb) => s.stat(uri.path, cb))));
    return { type: st.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File, size: st.size, mtime: st.mtime * 1000, ctime: st.mtime * 1000 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const text = await this.on(uri, l10n.t('Reading {0}', uri.path), (c) => withSftp(c, (s) => sftpRead(s, uri.path)));
    return Buffer.from(text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { target } = this.server(uri);
    const save: vscode.MessageItem = { title: l10n.t('Save to server') };
    const answer = await vscode.window.showWarningMessage(
      l10n.t('Save {0} back to {1}?', uri.path, target.name),
      { modal: true, detail: l10n.t('The current file is kept as a timestamped backup next to it, then postfix check runs. Postfix is reloaded only if you confirm afterwards.') },
      save,
    );
    if (answer !== save) throw vscode.FileSystemError.NoPermissions(l10n.t('Not saved to the server.'));
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const backup = `${uri.path}.mailconf-${stamp}`;
    const check = await this.on(uri, l10n.t('Saving {0} to {1}', uri.path, target.name), async (client) => {
      await withSftp(client, async (sftp) => {
        const st = await sftpCall<Stats>((cb) => sftp.stat(uri.path, cb));
        const old = await sftpCall<Buffer>((cb) => sftp.readFile(uri.path, cb));
        await sftpCall((cb) => sftp.writeFile(backup, old, { mode: st.mode & 0o7777 }, cb));
        await sftpCall((cb) => sftp.writeFile(uri.path, Buffer.from(content), { mode: st.mode & 0o7777 }, cb));
      });
      this.log.info(`${target.name}: saved ${uri.path}, backup ${backup}`);
      return execArgv(client, [this.postfixPath(target), '-c', target.configDir, 'check'], { timeoutMs: 60_000 });
    });
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    void this.afterSave(uri, target, backup, check.exitCode === 0, (check.stdout + check.stderr).trim());
  }

  private postfixPath(target: SshTarget): string {
    return posix.join(posix.dirname(target.postconfPath), 'postfix');
  }

  private async afterSave(uri: vscode.Uri, target: SshTarget, backup: string, ok: boolean, output: string): Promise<void> {
    const reload: vscode.MessageItem = { title: l10n.t('Reload Postfix') };
    const rebuild: vscode.MessageItem | undefined = isAliasesFile(uri.path)
      ? { title: l10n.t('Run {0}', aliasRebuildCommand(target, uri.path).label) }
      : undefined;
    const buttons = rebuild ? [rebuild, reload] : [reload];
    let detail = l10n.t('Backup: {0}\npostfix check: {1}', backup, output || l10n.t('no problems reported'));
    if (rebuild) detail += `\n${l10n.t('Postfix reads the compiled aliases table, not this text: rebuild it for the change to take effect.')}`;
    const answer = ok
      ? await vscode.window.showInformationMessage(l10n.t('Saved {0} on {1}; postfix check passed.', uri.path, target.name), { modal: true, detail }, ...buttons)
      : await vscode.window.showWarningMessage(l10n.t('Saved {0} on {1}, but postfix check complained.', uri.path, target.name), { modal: true, detail }, ...buttons);
    try {
      if (answer === rebuild && rebuild) await this.rebuildAliases(uri, target);
      else if (answer === reload) await this.reload(uri, target);
    } catch (err) {
      // on() already turned the failure into a FileSystemError; nothing else would show it here.
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
    }
  }

  private reload(uri: vscode.Uri, target: SshTarget): Promise<void> {
    return this.on(uri, l10n.t('Reloading Postfix on {0}', target.name), async (client) => {
      const r = await execArgv(client, [this.postfixPath(target), '-c', target.configDir, 'reload'], { timeoutMs: 60_000 });
      const text = (r.stdout + r.stderr).trim();
      if (r.exitCode === 0) void vscode.window.showInformationMessage(l10n.t('Postfix reloaded on {0}. {1}', target.name, text));
      else void vscode.window.showErrorMessage(l10n.t('postfix reload failed on {0}: {1}', target.name, text));
    });
  }

  /** newaliases for /etc/aliases, postalias for other aliases files, with the server's own output shown. */
  private rebuildAliases(uri: vscode.Uri, target: SshTarget): Promise<void> {
    const { label } = aliasRebuildCommand(target, uri.path);
    return this.on(uri, l10n.t('Running {0} on {1}', label, target.name), async (client) => {
      const r = await runAliasRebuild(client, target, uri.path);
      const text = (r.stdout + r.stderr).trim();
      this.log.info(`${target.name}: ${label} exited ${r.exitCode ?? 'by a signal'}${text ? `: ${text}` : ''}`);
      if (r.exitCode === 0) {
        void vscode.window.showInformationMessage(l10n.t('{0} finished on {1}; Postfix now uses the saved aliases. {2}', label, target.name, text));
      } else {
        void vscode.window.showErrorMessage(
          l10n.t('{0} failed on {1}: {2}', label, target.name, text || l10n.t('no output')),
          { modal: true, detail: l10n.t('Rebuilding the aliases table usually needs root: log in as root, or run sudo newaliases on the server.') },
        );
      }
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }
  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
}

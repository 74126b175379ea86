// "Check this main.cf on the server": the edited main.cf and master.cf go to a fresh directory that
// only we can read (SFTP mkdir with a random name and mode 0700 fails if it exists, so nobody can
// plant it), the server's own postconf reads them, and the directory is removed again whatever
// happened. The live configuration is never touched.
import { randomBytes } from 'node:crypto';
import type { Client } from 'ssh2';
import type { ExecOptions, ExecResult } from './exec';
import { runRemotePostconf } from './remotePostconf';
import { gatherSaslFacts, type SaslFacts } from './saslServerCheck';
import { removeTree, sftpMkdir, sftpRead, sftpWrite, withSftp } from './sftp';

export interface RemoteCheckInput {
  mainCf: string;
  /** Without it, postconf warns that master.cf is missing, so we send the server's own by default. */
  masterCf?: string;
}

export interface RemoteCheckResult extends ExecResult {
  /** The temporary directory that was used (and removed), to map messages back to files. */
  dir: string;
  /**
   * The server's SASL side as the checked main.cf would use it (its SASL type and socket path,
   * the server's sockets, daemons and groups), when `opts.sasl` asked for it.
   */
  sasl?: SaslFacts;
}

export async function remoteCheck(
  client: Client,
  postconfPath: string,
  liveConfigDir: string,
  input: RemoteCheckInput,
  opts: ExecOptions & { tmpRoot?: string; sasl?: { saslauthdDefaults?: string } } = {},
): Promise<RemoteCheckResult> {
  return withSftp(client, async (sftp) => {
    const masterCf = input.masterCf ?? (await sftpRead(sftp, `${liveConfigDir}/master.cf`).catch(() => undefined));
    const dir = `${opts.tmpRoot ?? '/tmp'}/mailconf-remotecheck-${randomBytes(8).toString('hex')}`;
    await sftpMkdir(sftp, dir, 0o700);
    try {
      await sftpWrite(sftp, `${dir}/main.cf`, input.mainCf);
      if (masterCf !== undefined) await sftpWrite(sftp, `${dir}/master.cf`, masterCf);
      const r = await runRemotePostconf(client, postconfPath, dir, ['-n'], opts);
      // Asked while the uploaded files are there, so postconf answers for them, not the live ones.
      const sasl = opts.sasl && r.exitCode === 0 ? await gatherSaslFacts(client, { postconfPath, configDir: dir, ...opts.sasl }, opts) : undefined;
      return { ...r, dir, ...(sasl ? { sasl } : {}) };
    } finally {
      await removeTree(sftp, dir).catch(() => {});
    }
  });
}

// SFTP sessions and calls as promises, their failures as SshErrors that say what was being done.
// Apart from the remote check that writes, reads and removes files with them, so that reading a
// server file in the editor does not load the check (and its SASL messages) too.
import type { Client, SFTPWrapper } from 'ssh2';
import { SshError } from './errors';

function openSftp(client: Client): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) =>
    client.sftp((err, sftp) => (err ? reject(new SshError('remote', `SFTP is not available on the server: ${err.message}`)) : resolve(sftp))),
  );
}

/** An SFTP session for `use`, ended when it is done, whatever happened. */
export async function withSftp<T>(client: Client, use: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
  const sftp = await openSftp(client);
  try {
    return await use(sftp);
  } finally {
    sftp.end();
  }
}

function call<T>(what: string, fn: (cb: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    fn((err, value) => (err ? reject(new SshError('remote', `${what}: ${err.message}`)) : resolve(value as T))),
  );
}

/** Fails when the path exists: a directory made so is ours alone. */
export function sftpMkdir(sftp: SFTPWrapper, path: string, mode: number): Promise<void> {
  return call(`creating ${path}`, (cb) => sftp.mkdir(path, { mode }, (err) => cb(err)));
}

export function sftpWrite(sftp: SFTPWrapper, path: string, text: string, mode = 0o600): Promise<void> {
  return call(`writing ${path}`, (cb) => sftp.writeFile(path, text, { mode }, (err) => cb(err)));
}

export function sftpRead(sftp: SFTPWrapper, path: string): Promise<string> {
  return call<Buffer>(`reading ${path}`, (cb) => sftp.readFile(path, (err, data) => cb(err, data))).then((b) => b.toString('utf8'));
}

export async function removeTree(sftp: SFTPWrapper, dir: string): Promise<void> {
  const list = await call<{ filename: string }[]>(`listing ${dir}`, (cb) => sftp.readdir(dir, (err, l) => cb(err, l)));
  for (const f of list) await call(`removing ${dir}/${f.filename}`, (cb) => sftp.unlink(`${dir}/${f.filename}`, (err) => cb(err)));
  await call(`removing ${dir}`, (cb) => sftp.rmdir(dir, (err) => cb(err)));
}

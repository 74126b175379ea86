// A server's own postconf(5), for hovers that show the manual of the Postfix actually installed
// there. Read once over SFTP as bytes (Debian installs it gzip-compressed) and unpacked here, so
// no remote command runs at all. A server without the page (Debian's "nodoc" images, or man pages
// excluded by dpkg) gives undefined, not an error.
import type { Client, SFTPWrapper } from 'ssh2';
import { MAX_MAN_PAGE_BYTES, manPageSource } from '../postfix/manPage';
import { SshError } from './errors';
import { withSftp } from './sftp';

export const POSTCONF_MAN_PAGES = ['/usr/share/man/man5/postconf.5.gz', '/usr/share/man/man5/postconf.5'];

/** SFTP's "no such file" status. */
const NO_SUCH_FILE = 2;

function readBytes(sftp: SFTPWrapper, path: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) =>
    sftp.stat(path, (err, st) => {
      if (err) return (err as { code?: number }).code === NO_SUCH_FILE ? resolve(undefined) : reject(new SshError('remote', `reading ${path}: ${err.message}`));
      if (!st.isFile() || st.size > MAX_MAN_PAGE_BYTES) return resolve(undefined);
      sftp.readFile(path, (e, data) => (e ? reject(new SshError('remote', `reading ${path}: ${e.message}`)) : resolve(data)));
    }),
  );
}

/** The roff text of the server's postconf(5), or undefined when it has none. */
export async function fetchRemoteManPage(client: Client, paths: string[] = POSTCONF_MAN_PAGES): Promise<string | undefined> {
  return withSftp(client, async (sftp) => {
    for (const path of paths) {
      const bytes = await readBytes(sftp, path);
      const text = bytes && manPageSource(bytes);
      if (text) return text;
    }
    return undefined;
  });
}

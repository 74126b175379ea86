// Where to connect and how Postfix is laid out there: one entry of the `mailconf.servers` setting,
// or the CLI's --ssh USER@HOST[:PORT]. Values are validated here once, so that later code can
// trust them (they still get quoted whenever they reach a remote command line).
import { SshError } from './errors';
import { validateRemotePath } from './shellQuote';

export interface SshTarget {
  /** A label for messages and the pool key; defaults to user@host:port. */
  name: string;
  host: string;
  port: number;
  user: string;
  /** Local path of a private key file. */
  identityFile?: string;
  /** The remote Postfix configuration directory. */
  configDir: string;
  /** The remote postconf binary; absolute because a non-root session's PATH often lacks /usr/sbin. */
  postconfPath: string;
}

export const DEFAULT_CONFIG_DIR = '/etc/postfix';
export const DEFAULT_POSTCONF = '/usr/sbin/postconf';
export const DEFAULT_SSH_PORT = 22;

/** What the `mailconf.servers` setting holds per server (every field optional but host). */
export interface ServerSetting {
  name?: string;
  host?: string;
  port?: number;
  user?: string;
  identityFile?: string;
  configDir?: string;
  postconfPath?: string;
}

// Host names, IPv4 and IPv6 literals; nothing that a shell or ssh option parser could misread.
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})|[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?)$/;
// POSIX portable user names plus the characters real directories use (e.g. '.', '@' for AD users).
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}$/;

export function validHost(host: string): boolean {
  return HOST.test(host) && !host.startsWith('-');
}

export function validUser(user: string): boolean {
  return USER.test(user);
}

/** Builds a checked target; throws SshError('invalid') naming the field that is wrong. */
export function makeTarget(s: ServerSetting): SshTarget {
  const host = (s.host ?? '').trim();
  if (!validHost(host)) throw new SshError('invalid', `not a usable host name: ${JSON.stringify(host)}`);
  const port = s.port ?? DEFAULT_SSH_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SshError('invalid', `not a TCP port: ${port}`);
  const user = (s.user ?? '').trim();
  if (!validUser(user)) throw new SshError('invalid', `not a usable user name: ${JSON.stringify(user)}`);
  const configDir = validateRemotePath(s.configDir ?? DEFAULT_CONFIG_DIR, 'config directory');
  const postconfPath = validateRemotePath(s.postconfPath ?? DEFAULT_POSTCONF, 'postconf path');
  return {
    name: s.name?.trim() || `${user}@${host}${port === DEFAULT_SSH_PORT ? '' : `:${port}`}`,
    host,
    port,
    user,
    ...(s.identityFile ? { identityFile: s.identityFile } : {}),
    configDir,
    postconfPath,
  };
}

/** USER@HOST[:PORT], with HOST in brackets when it is an IPv6 literal ([::1]:2222). */
export function parseDestination(text: string): { user: string; host: string; port: number } {
  const m = /^([^@]+)@(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(text);
  if (!m) throw new SshError('invalid', `expected USER@HOST[:PORT], got ${JSON.stringify(text)}`);
  const port = m[4] === undefined ? DEFAULT_SSH_PORT : Number(m[4]);
  return { user: m[1], host: m[2] ?? m[3], port };
}

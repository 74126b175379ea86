// "Check SASL on server": read-only questions over SSH about what the SASL side looks like on the
// running server, where the files alone cannot tell: does the socket Postfix connects to exist,
// with an owner and mode that let Postfix in; does saslauthd or Dovecot run; may Postfix enter
// saslauthd's socket folder (on Debian, root:sasl 710, hence `adduser postfix sasl`).
// gatherSaslFacts() asks (postconf -h, stat, pgrep, id, cat: nothing that changes the server);
// saslServerFindings() is the pure judgement of the answers, so it is tested without a server.
import type { Client } from 'ssh2';
import { Locale, MessageKey, t } from '../l10n';
import { saslauthdLaunch } from '../languageservice/saslauthd/launch';
import { parseSaslauthdDefaults } from '../parsers/saslauthdDefaults';
import { execArgv, ExecOptions } from './exec';

export interface StatFacts {
  /** stat's %F: 'socket', 'directory', ... */
  type: string;
  owner: string;
  group: string;
  /** Octal, as stat's %a prints it. */
  mode: string;
}

export interface SaslFacts {
  authEnabled: boolean;
  type: string;
  /** The socket Postfix connects to (Dovecot), or saslauthd's mux (Cyrus). */
  socket: string;
  /** Undefined when stat failed; `statError` then says why. */
  socketStat?: StatFacts;
  statError?: string;
  /** For Cyrus: the folder holding mux, which Postfix must be able to enter. */
  folder?: string;
  folderStat?: StatFacts;
  daemon: 'dovecot' | 'saslauthd';
  daemonRunning: boolean;
  postfixUser: string;
  postfixGroups: string[];
}

export interface SaslServerFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface SaslServerTarget {
  postconfPath: string;
  configDir: string;
  /** Where saslauthd's defaults are (Debian: /etc/default/saslauthd). */
  saslauthdDefaults?: string;
}

function parseStat(out: string): StatFacts | undefined {
  const [type, owner, group, mode] = out.trim().split('|');
  return mode === undefined ? undefined : { type, owner, group, mode };
}

const STAT = (path: string) => ['stat', '-c', '%F|%U|%G|%a', '--', path];

export async function gatherSaslFacts(client: Client, target: SaslServerTarget, opts: ExecOptions = {}): Promise<SaslFacts> {
  const run = (argv: string[]) => execArgv(client, argv, opts);
  const names = ['smtpd_sasl_auth_enable', 'smtpd_sasl_type', 'smtpd_sasl_path', 'queue_directory', 'mail_owner'];
  const conf = await run([target.postconfPath, '-c', target.configDir, '-h', ...names]);
  if (conf.exitCode !== 0) throw new Error(`postconf on the server failed: ${conf.stderr.trim()}`);
  const [enable, type, path, queue, owner] = conf.stdout.split('\n').map((l) => l.trim());
  const postfixUser = owner || 'postfix';
  const authEnabled = /^yes$/i.test(enable ?? '');
  const daemon = type === 'dovecot' ? 'dovecot' : 'saslauthd';
  // With AUTH off there is nothing on the server to look at (saslServerFindings says only that).
  if (!authEnabled) return { authEnabled, type: type || 'cyrus', socket: '', daemon, daemonRunning: false, postfixUser, postfixGroups: [] };
  const groups = await run(['id', '-nG', '--', postfixUser]);
  const facts: Omit<SaslFacts, 'socket' | 'daemon' | 'daemonRunning'> = {
    authEnabled,
    type: type || 'cyrus',
    postfixUser,
    postfixGroups: groups.exitCode === 0 ? groups.stdout.trim().split(/\s+/) : [],
  };
  let socket: string;
  let folder: string | undefined;
  if (facts.type === 'dovecot') {
    socket = path.startsWith('/') ? path : `${queue}/${path}`;
  } else {
    // Debian's settings file, else Red Hat's; neither there: the default folder.
    let file = target.saslauthdDefaults ?? '/etc/default/saslauthd';
    let defaults = await run(['cat', '--', file]);
    if (defaults.exitCode !== 0 && !target.saslauthdDefaults) defaults = await run(['cat', '--', (file = '/etc/sysconfig/saslauthd')]);
    folder = saslauthdLaunch(file, parseSaslauthdDefaults(defaults.exitCode === 0 ? defaults.stdout : '')).socketFolder.dir;
    socket = `${folder}/mux`;
  }
  const [socketStat, folderStat, running] = [await run(STAT(socket)), folder ? await run(STAT(folder)) : undefined, await run(['pgrep', '-x', daemon])];
  return {
    ...facts,
    socket,
    socketStat: socketStat.exitCode === 0 ? parseStat(socketStat.stdout) : undefined,
    statError: socketStat.exitCode === 0 ? undefined : socketStat.stderr.trim().replace(/^stat: /, ''),
    folder,
    folderStat: folderStat?.exitCode === 0 ? parseStat(folderStat.stdout) : undefined,
    daemon,
    daemonRunning: running.exitCode === 0,
  };
}

/** Whether `user` (in `groups`) has the `bit` permission (4 r, 2 w, 1 x) on a file. */
function may(stat: StatFacts, user: string, groups: string[], bit: number): boolean {
  const mode = parseInt(stat.mode, 8);
  if (stat.owner === user) return ((mode >> 6) & bit) !== 0;
  if (groups.includes(stat.group)) return ((mode >> 3) & bit) !== 0;
  return (mode & bit) !== 0;
}

export function saslServerFindings(f: SaslFacts, locale: Locale): SaslServerFinding[] {
  const out: SaslServerFinding[] = [];
  const add = (code: string, severity: SaslServerFinding['severity'], key: MessageKey, ...args: string[]) => out.push({ code: `remote-sasl/${code}`, severity, message: t(locale, key, ...args) });
  if (!f.authEnabled) {
    add('auth-off', 'info', 'remote-sasl.auth-off');
    return out;
  }
  if (!f.daemonRunning) add('not-running', 'error', 'remote-sasl.not-running', f.daemon);
  if (!f.socketStat) add('no-socket', 'error', 'remote-sasl.no-socket', f.socket, f.statError ?? '');
  else if (f.socketStat.type !== 'socket') add('not-a-socket', 'error', 'remote-sasl.not-a-socket', f.socket, f.socketStat.type);
  else if (!may(f.socketStat, f.postfixUser, f.postfixGroups, 2))
    add('socket-permissions', 'error', 'remote-sasl.socket-permissions', f.socket, f.postfixUser, f.socketStat.owner, f.socketStat.group, f.socketStat.mode);
  if (f.folder && f.folderStat && !may(f.folderStat, f.postfixUser, f.postfixGroups, 1)) {
    if (!f.postfixGroups.includes(f.folderStat.group)) add('not-in-group', 'error', 'remote-sasl.not-in-group', f.postfixUser, f.folderStat.group, f.folder);
    else add('folder-permissions', 'error', 'remote-sasl.folder-permissions', f.folder, f.postfixUser);
  }
  if (out.length === 0) add('ok', 'info', 'remote-sasl.ok', f.socket, f.daemon);
  return out;
}

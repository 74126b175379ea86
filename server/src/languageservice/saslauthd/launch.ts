// How saslauthd is started from its settings file, which depends on the distribution that reads
// it. Debian's init script sources /etc/default/saslauthd: nothing starts without START=yes,
// MECHANISMS becomes -a, THREADS -n, MECH_OPTIONS -O, and OPTIONS must give -m (an empty OPTIONS
// means "-c -m /var/run/saslauthd"). Red Hat's unit (and its older init script) reads
// /etc/sysconfig/saslauthd and runs `saslauthd -m $SOCKETDIR -a $MECH $FLAGS`, started or not by
// systemctl, never by the file. Gentoo's and Arch's services read /etc/conf.d/saslauthd and pass
// SASLAUTHD_OPTS whole. The checks of the file and the cross-checks read this one model.
import type { Range } from 'vscode-languageserver-types';
import { lastAssignments, parseSaslauthdOptions, type SaslauthdDefaultsFile, type SaslauthdOptions, type ShellAssignment } from '../../parsers/saslauthdDefaults';

export type SaslauthdDialect = 'debian' | 'redhat' | 'confd';

export interface SaslauthdLaunch {
  dialect: SaslauthdDialect;
  /** Debian: whether START=yes lets the init script start saslauthd. Elsewhere: always (the file cannot say). */
  started: boolean;
  start?: ShellAssignment;
  /** MECHANISMS or MECH (conf.d: none, -a is among the flags). */
  mechanism?: ShellAssignment;
  /** OPTIONS, FLAGS or SASLAUTHD_OPTS, and saslauthd's flags read from it. */
  flagsAssignment?: ShellAssignment;
  flags: SaslauthdOptions;
  /** The socket folder saslauthd gets, and where the file sets it (a -m argument or SOCKETDIR's value). */
  socketFolder: { dir: string; range?: Range };
  /** Where the socket folder must be set and is not (Debian: a non-empty OPTIONS; Red Hat: SOCKETDIR). */
  missingSocketFolder?: 'OPTIONS' | 'SOCKETDIR';
}

/** The folder Debian's init script gives saslauthd when OPTIONS is empty. */
const DEFAULT_SOCKET_FOLDER = '/var/run/saslauthd';

const REDHAT_ONLY = ['SOCKETDIR', 'MECH', 'FLAGS'];
const DEBIAN_ONLY = ['START', 'MECHANISMS', 'OPTIONS', 'MECH_OPTIONS', 'THREADS'];
const FLAGS_VARIABLE: Record<SaslauthdDialect, string> = { debian: 'OPTIONS', redhat: 'FLAGS', confd: 'SASLAUTHD_OPTS' };

/** The folder tells (sysconfig/, conf.d/); elsewhere the variables the file sets, Debian's by default. */
export function saslauthdDialect(path: string, tree: SaslauthdDefaultsFile): SaslauthdDialect {
  if (/(^|[\\/])sysconfig[\\/][^\\/]+$/.test(path)) return 'redhat';
  if (/(^|[\\/])conf\.d[\\/][^\\/]+$/.test(path)) return 'confd';
  const names = new Set(tree.assignments.map((a) => a.name));
  if (DEBIAN_ONLY.some((n) => names.has(n))) return 'debian';
  if (REDHAT_ONLY.some((n) => names.has(n))) return 'redhat';
  return names.has('SASLAUTHD_OPTS') ? 'confd' : 'debian';
}

export function saslauthdLaunch(path: string, tree: SaslauthdDefaultsFile): SaslauthdLaunch {
  const dialect = saslauthdDialect(path, tree);
  const last = lastAssignments(tree.assignments);
  const flagsAssignment = last.get(FLAGS_VARIABLE[dialect]);
  // Words that expand another variable (Gentoo's `${SASLAUTH_MECH} -a pam`) cannot be read here.
  const words = (dialect === 'debian' ? flagsAssignment?.words : flagsAssignment?.lineWords)?.filter((w) => dialect !== 'confd' || !w.text.startsWith('$'));
  const flags = parseSaslauthdOptions(words ?? []);
  // getopt keeps the last -m: Red Hat's FLAGS come after the unit's own -m $SOCKETDIR.
  const m = flags.flags.filter((f) => f.letter === 'm' && f.argument).pop()?.argument;
  const start = last.get('START');
  const launch: SaslauthdLaunch = {
    dialect,
    started: dialect !== 'debian' || start?.value === 'yes',
    start,
    mechanism: dialect === 'confd' ? undefined : last.get(dialect === 'debian' ? 'MECHANISMS' : 'MECH'),
    flagsAssignment,
    flags,
    socketFolder: { dir: DEFAULT_SOCKET_FOLDER },
  };
  if (m) launch.socketFolder = { dir: m.text, range: m.range };
  else if (dialect === 'redhat') {
    const socketdir = last.get('SOCKETDIR');
    if (socketdir?.value) launch.socketFolder = { dir: socketdir.value, range: socketdir.valueRange };
    else launch.missingSocketFolder = 'SOCKETDIR';
  } else if (dialect === 'debian' && flagsAssignment && flagsAssignment.value.trim() !== '') launch.missingSocketFolder = 'OPTIONS';
  return launch;
}

// How saslauthd is started from its settings file, which depends on the distribution that reads
// it. Debian's init script sources /etc/default/saslauthd: nothing starts without START=yes,
// MECHANISMS becomes -a, THREADS -n, MECH_OPTIONS -O, and OPTIONS must give -m (an empty OPTIONS
// means "-c -m /var/run/saslauthd"). Red Hat's unit (and its older init script) reads
// /etc/sysconfig/saslauthd and runs `saslauthd -m $SOCKETDIR -a $MECH $FLAGS`, started or not by
// systemctl, never by the file. The checks of the file and the cross-checks read this one model.
import type { Range } from 'vscode-languageserver-types';
import { lastAssignments, parseSaslauthdOptions, type SaslauthdDefaultsFile, type SaslauthdOptions, type ShellAssignment } from '../../parsers/saslauthdDefaults';

export type SaslauthdDialect = 'debian' | 'redhat';

export interface SaslauthdLaunch {
  dialect: SaslauthdDialect;
  /** Debian: whether START=yes lets the init script start saslauthd. Red Hat: always (the file cannot say). */
  started: boolean;
  start?: ShellAssignment;
  /** MECHANISMS or MECH. */
  mechanism?: ShellAssignment;
  /** OPTIONS or FLAGS, and saslauthd's flags read from it. */
  flagsAssignment?: ShellAssignment;
  flags: SaslauthdOptions;
  /** The socket folder saslauthd gets, and where the file sets it (a -m argument or SOCKETDIR's value). */
  socketFolder: { dir: string; range?: Range };
  /** The variable that sets the socket folder when nothing does (Debian: none, the default applies). */
  missingSocketFolder?: 'OPTIONS' | 'SOCKETDIR';
}

/** The folder Debian's init script gives saslauthd when OPTIONS is empty. */
export const DEFAULT_SOCKET_FOLDER = '/var/run/saslauthd';

const REDHAT_ONLY = ['SOCKETDIR', 'MECH', 'FLAGS'];
const DEBIAN_ONLY = ['START', 'MECHANISMS', 'OPTIONS', 'MECH_OPTIONS', 'THREADS'];

/** A file under sysconfig/ is Red Hat's; elsewhere the variables it sets decide, Debian's by default. */
export function saslauthdDialect(path: string, tree: SaslauthdDefaultsFile): SaslauthdDialect {
  if (/(^|[\\/])sysconfig[\\/][^\\/]+$/.test(path)) return 'redhat';
  const names = new Set(tree.assignments.map((a) => a.name));
  return REDHAT_ONLY.some((n) => names.has(n)) && !DEBIAN_ONLY.some((n) => names.has(n)) ? 'redhat' : 'debian';
}

export function saslauthdLaunch(path: string, tree: SaslauthdDefaultsFile): SaslauthdLaunch {
  const dialect = saslauthdDialect(path, tree);
  const last = lastAssignments(tree.assignments);
  const flagsAssignment = last.get(dialect === 'debian' ? 'OPTIONS' : 'FLAGS');
  const flags = parseSaslauthdOptions((dialect === 'debian' ? flagsAssignment?.words : flagsAssignment?.lineWords) ?? []);
  // getopt keeps the last -m: Red Hat's FLAGS come after the unit's own -m $SOCKETDIR.
  const m = flags.flags.filter((f) => f.letter === 'm' && f.argument).pop()?.argument;
  const start = last.get('START');
  const launch: SaslauthdLaunch = {
    dialect,
    started: dialect === 'redhat' || start?.value === 'yes',
    start,
    mechanism: last.get(dialect === 'debian' ? 'MECHANISMS' : 'MECH'),
    flagsAssignment,
    flags,
    socketFolder: { dir: DEFAULT_SOCKET_FOLDER },
  };
  if (m) launch.socketFolder = { dir: m.text, range: m.range };
  else if (dialect === 'redhat') {
    const socketdir = last.get('SOCKETDIR');
    if (socketdir?.value) launch.socketFolder = { dir: socketdir.value, range: socketdir.valueRange };
    else launch.missingSocketFolder = 'SOCKETDIR';
  } else if (flagsAssignment && flagsAssignment.value.trim() !== '') launch.missingSocketFolder = 'OPTIONS';
  return launch;
}

// `mailconf postconf`: Postfix's postconf, read-only, for a configuration directory on this
// machine. Its output matches Postfix 3.7's postconf under LANG=C byte for byte; it reads files
// only, so it also works where Postfix is not installed.
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { interfaceAddresses, postconf, PostconfOptions } from '../../postfix/postconf';
import { CliError, Command, EXIT_USAGE } from '../usage';
import { documentedDefaults } from '../../postfix/postconf/documentedDefaults';
import { releaseSeries, seriesOf } from '../../postfix/releaseFacts';
import { generatedParameters } from '../../postfix/generatedData';

/** The release the emulation follows byte for byte (the postconf its data was read from); read only when asked. */
const emulatedRelease = () => generatedParameters().postfix.split('.').slice(0, 2).join('.');

/** postconf's one-letter flags and the emulation options they set. */
export const FLAGS: Record<string, keyof PostconfOptions> = {
  d: 'showDefaults',
  f: 'fold',
  F: 'masterFields',
  h: 'hideName',
  H: 'hideValue',
  M: 'masterEntries',
  n: 'nonDefault',
  P: 'masterParams',
  x: 'expand',
};

/** Real postconf options that change files or ask Postfix itself; we say so instead of guessing. */
const UNSUPPORTED: Record<string, string> = {
  a: 'lists the SASL server types of the installed Postfix',
  A: 'lists the SASL client types of the installed Postfix',
  b: 'runs the installed bounce program',
  C: 'selects parameter classes',
  e: 'edits main.cf',
  E: 'edits main.cf',
  l: 'lists the lock methods of the installed Postfix',
  m: 'lists the map types of the installed Postfix',
  t: 'runs the installed bounce program',
  T: 'asks the installed TLS library',
  v: 'is a debugging option of Postfix',
  X: 'edits main.cf',
  '#': 'edits main.cf',
};

const HELP = `Usage: mailconf postconf [--postfix-version X.Y] [-dfFhHMnPx] [-c config_dir] [-o name=value] [name...]

Prints main.cf and master.cf settings exactly like Postfix 3.7's postconf (LANG=C), with the same
warnings on stderr ("unused parameter", "undefined parameter", "overriding earlier entry").
It only reads files, so it works where Postfix is not installed.

  -c DIR   read DIR/main.cf and DIR/master.cf (default: $MAIL_CONFIG or /etc/postfix)
  -n       only the parameters set in main.cf
  -d       the built-in defaults
  -x       expand $name references
  -h       values only;  -H  names only
  -f       fold long lines
  -M       master.cf entries;  -F  master.cf fields;  -P  master.cf -o parameters
  -o N=V   override a parameter for this run
  name...  only these parameters (or, with -M/-F/-P, service[/type[/field]] patterns)
  --postfix-version X.Y   with -d: the defaults another release (3.4 to 3.11) documents, said so on stderr

Options that edit files or ask the installed Postfix (-e, -X, -#, -m, -a, -A, -l, -t, -b, -T, -C, -v)
are not supported. Exit status: 0 ok, 1 when postconf would stop with a fatal error, 2 usage error.`;

export const postconfCommand: Command = {
  name: 'postconf',
  summary: 'print main.cf/master.cf settings like Postfix postconf (-n, -d, -x, -M, -F, -P, ...)',
  help: HELP,

  async run(args, io) {
    const options: PostconfOptions = { overrides: [] };
    let dir: string | undefined = io.env.MAIL_CONFIG || undefined;
    let target: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--postfix-version' || a.startsWith('--postfix-version=')) {
        const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
        const series = value === undefined ? undefined : seriesOf(value);
        if (!series) throw usage(`--postfix-version must be one of ${releaseSeries().join(', ')}`);
        target = series;
        continue;
      }
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (c === 'c' || c === 'o') {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (value === undefined) throw usage(`option -${c} needs an argument`);
          if (c === 'c') dir = value;
          else options.overrides!.push(value);
          break;
        }
        if (c === 'p') continue;
        if (FLAGS[c]) (options[FLAGS[c]] as boolean) = true;
        else if (UNSUPPORTED[c]) throw usage(`option -${c} is not supported: it ${UNSUPPORTED[c]}`);
        else throw usage(`unknown option -${c}`);
      }
    }
    options.names = args.slice(i);
    if (options.names.some((n) => n.includes('='))) throw usage('name=value arguments edit main.cf, which mailconf postconf does not do');
    if (target !== undefined && target !== emulatedRelease()) {
      // Only -d has an answer for another release: what its documentation says.
      const onlyDefaults = options.showDefaults && !options.nonDefault && !options.expand && !options.masterEntries && !options.masterFields && !options.masterParams && !options.fold;
      if (!onlyDefaults) throw usage(`for Postfix ${target} only -d (with -h or -H) is available; every other mode emulates Postfix ${emulatedRelease()}`);
      const r = documentedDefaults({ target, names: options.names, hideNames: options.hideName, hideValues: options.hideValue });
      io.stdout(r.stdout);
      io.stderr(r.stderr);
      return r.exitCode;
    }

    const configDir = dir ?? '/etc/postfix';
    if (dir !== undefined) options.configDir = dir;
    options.host = { hostname: hostname(), interfaces: interfaceAddresses(networkInterfaces()), processId: process.pid };
    const base = resolve(io.cwd, configDir);
    const result = postconf(
      { mainCf: readIfExists(`${base}/main.cf`), masterCf: readIfExists(`${base}/master.cf`), readFile: (p) => readIfExists(resolve(io.cwd, p)) },
      options,
    );
    io.stdout(result.stdout);
    io.stderr(result.stderr);
    return result.exitCode;
  },
};

function usage(message: string): CliError {
  return new CliError(`mailconf postconf: ${message}\nRun 'mailconf postconf --help' for usage.`, EXIT_USAGE);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CliError(`mailconf postconf: cannot read '${path}': ${code ?? err}`, EXIT_USAGE);
  }
}

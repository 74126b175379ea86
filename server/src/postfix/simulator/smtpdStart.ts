// What an smtpd process reads when it starts: its parameters (main.cf under its master.cf -o
// settings, and trivial-rewrite's, which answers its address questions), its restriction lists and
// classes, or the fatal error it stops on instead. Postfix reads these once per process, not per
// session, and so does the simulator: the sessions of one configuration (the relay lint's
// strangers, a scenario file's sessions) share one start, and each adds only its own client and
// what it looks up in tables and files.
import { RestrictionClasses } from './restrictionClasses';
import { listWords, RestrictionWord } from './restrictionList';
import { releaseStartFailure } from './releaseBehaviour';
import { ConfigurationError, MasterService, ParameterView, Settings, withSettings } from './settings';

export type ListName = 'client' | 'helo' | 'sender' | 'relay' | 'recipient' | 'data';

const LISTS: ListName[] = ['client', 'helo', 'sender', 'relay', 'recipient', 'data'];

interface Parameters {
  /** The smtpd service's parameters, what-if settings on top. */
  view: ParameterView;
  /** trivial-rewrite's parameters (main.cf under the rewrite service's -o settings). */
  rewriteView: ParameterView;
}

/** smtpd started: the lists it runs and the classes they may name. */
export interface Started extends Parameters {
  fatal?: undefined;
  lists: Record<ListName, RestrictionWord[]>;
  classes: RestrictionClasses;
}

/** smtpd stopped at start-up with this fatal error; lists and classes are not read. */
interface Stopped extends Parameters {
  fatal: string;
}

export type SmtpdStart = Started | Stopped;

/** One configuration, as simulate() is given it: every part compared by identity. */
interface Configuration {
  main: Settings;
  services: MasterService[] | undefined;
  service: MasterService;
  settings: Record<string, string> | undefined;
  release: string | undefined;
}

let last: { configuration: Configuration; start: SmtpdStart } | undefined;

const same = (a: Configuration, b: Configuration) => a.main === b.main && a.services === b.services && a.service === b.service && a.settings === b.settings && a.release === b.release;

/**
 * smtpd's start for a configuration, shared with the previous session when that one had the same
 * configuration. Settings, services and what-if settings are only read, never changed, by the
 * simulator, so the same objects mean the same configuration.
 */
export function smtpdStart(configuration: Configuration): SmtpdStart {
  if (last && same(last.configuration, configuration)) return last.start;
  const start = startOnce(configuration);
  last = { configuration, start };
  return start;
}

function startOnce({ main, services, service, settings, release }: Configuration): SmtpdStart {
  const view = new ParameterView(main, withSettings(service.overrides, settings), release);
  const rewriteName = new ParameterView(main, undefined, release).value('rewrite_service_name');
  const rewrite = services?.find((s) => s.command === 'trivial-rewrite' && s.name === rewriteName);
  const rewriteView = new ParameterView(main, rewrite?.overrides, release);
  try {
    const releaseFatal = releaseStartFailure(view);
    if (releaseFatal) throw new ConfigurationError(releaseFatal);
    const lists = {} as Started['lists'];
    for (const l of LISTS) lists[l] = listWords(view, `smtpd_${l}_restrictions`);
    return { view, rewriteView, lists, classes: new RestrictionClasses(view) };
  } catch (err) {
    if (!(err instanceof ConfigurationError)) throw err;
    return { view, rewriteView, fatal: err.message };
  }
}

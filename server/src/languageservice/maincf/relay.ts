// Open relay and "smtpd will not start", as questions to the session simulator (one evaluator for
// what smtpd does): a stranger's mail to a foreign domain, and smtpd's own start-up check. The
// diagnostics of main.cf and master.cf decide only where to report the answers.
//
// main.cf is handed to the simulator as the editor already parsed it, and each answer is kept
// with what the simulator read to give it: the main.cf settings it asked for, the tables and
// files it read, master.cf and the target release. A keystroke elsewhere in a large main.cf
// (most of them) then costs a comparison of those settings, not new sessions.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { MainCfEntry } from '../../parsers/maincf';
import { probeRelay, probeRelayList, relayControlFailure, RelayListProbe, RelayProbe, SimulatorConfig } from '../../postfix/simulator';
import type { Setting, Settings } from '../../postfix/simulator/settings';
import type { PostfixPair } from '../postfixPair';
import type { ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { simulatorConfig } from '../simulatorConfig';
import { valueRanges } from './valueText';

/** Names whose setting decides relaying: a setting of one of them makes the verdict the user's. */
export const RELAY_PARAMETERS = ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'];

/**
 * main.cf's settings for the simulator, noting every name it asks for. A setting is made when it
 * is asked for: a session reads a few dozen of the thousands of names a large main.cf may set.
 */
class AskedSettings implements Settings {
  /** Every name asked for, with its setting (null: main.cf does not set it). */
  private readonly made = new Map<string, Setting | null>();

  constructor(
    /** The entry that wins for each name. */
    private readonly entries: Map<string, MainCfEntry>,
    private readonly mainUri: string,
    private readonly mainDoc: () => TextDocument,
  ) {}

  /**
   * Every name asked for, with its setting (null: not set). Each setting reads its entry of this
   * parse, which never changes, so this is what main.cf gave the question; nothing is copied,
   * since most answers are never compared again in a short run.
   */
  asked(): ReadonlyMap<string, Setting | null> {
    return this.made;
  }

  get(name: string): Setting | undefined {
    const made = this.made.get(name);
    if (made !== undefined) return made ?? undefined;
    const e = this.entries.get(name);
    const setting = e ? new EntrySetting(e, this.mainUri, this.mainDoc) : null;
    this.made.set(name, setting);
    return setting ?? undefined;
  }
}

/** A main.cf entry as the simulator reads a setting: located in the document only when asked. */
class EntrySetting implements Setting {
  private rangeOf?: (start: number, end: number) => Range;

  constructor(
    private readonly entry: MainCfEntry,
    readonly file: string,
    private readonly mainDoc: () => TextDocument,
  ) {}

  get name(): string {
    return this.entry.name;
  }

  get value(): string {
    return this.entry.rawValue;
  }

  locate(start: number, end: number): Range {
    this.rangeOf ??= valueRanges(this.mainDoc(), this.entry.valueRange.start, this.entry.rawValue);
    return this.rangeOf(start, end);
  }
}

interface Remembered<T> {
  key: string;
  /** The main.cf settings asked for (null: not set). */
  asked: ReadonlyMap<string, Setting | null>;
  /** Files read, with what they held. */
  files: Map<string, string | undefined>;
  answer: T;
}

const remembered: Remembered<unknown>[] = [];
const REMEMBERED = 16;

/**
 * The simulator's answer for the pair, reused while nothing it read has changed. `withMaster`:
 * with master.cf (a service's view), else main.cf alone (an smtpd without -o settings).
 */
function ask<T>(what: string, doc: TextDocument, pair: PostfixPair, ctx: ServiceContext, withMaster: boolean, question: (config: SimulatorConfig) => T): T {
  const read = (uri: string) => (uri === doc.uri ? doc.getText() : ctx.workspace.readText(uri));
  const config = simulatorConfig({ mainUri: pair.mainUri, masterUri: withMaster ? pair.masterUri : undefined }, read, ctx);
  const key = `${what}\0${pair.mainUri ?? pair.masterUri ?? ''}\0${config.postfixVersion ?? ''}\0${config.masterCf ?? ''}`;
  const entries = pair.model.mainEntries;
  const tables = config.readFile!;
  const hit = remembered.find(
    (r) =>
      r.key === key &&
      [...r.asked].every(([name, setting]) => entries.get(name)?.rawValue === setting?.value) &&
      [...r.files].every(([path, text]) => tables(path) === text),
  );
  if (hit) return hit.answer as T;
  const mainDoc = () => (pair.mainUri === doc.uri ? doc : TextDocument.create(pair.mainUri ?? 'untitled:main.cf', 'postfix-main', 0, (pair.mainUri && read(pair.mainUri)) || ''));
  const settings = new AskedSettings(entries, pair.mainUri ?? '', mainDoc);
  const files = new Map<string, string | undefined>();
  const readFile = (path: string) => {
    const text = tables(path);
    files.set(path, text);
    return text;
  };
  const answer = question({ ...config, mainSettings: settings, readFile });
  const asked = settings.asked();
  remembered.unshift({ key, asked, files, answer });
  remembered.length = Math.min(remembered.length, REMEMBERED);
  return answer;
}

/** The mynetworks item that let strangers relay through permit_mynetworks, if that is how they got in. */
export function strangersNetwork(probe: RelayProbe): string | undefined {
  const permit = probe.open?.permittedBy;
  return permit?.restriction === 'permit_mynetworks' ? permit.detail?.replace(/^mynetworks: /, '') : undefined;
}

/** Strangers against main.cf's own settings, as an smtpd without -o overrides sees them. */
export function mainCfRelay(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): RelayProbe {
  return ask('probe', doc, pair, ctx, false, probeRelay);
}

/** Strangers against one master.cf smtpd service, with its -o overrides. */
export function serviceRelay(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext, service: ServiceView): RelayProbe {
  return ask(`probe ${service.service}`, doc, pair, ctx, true, (config) => probeRelay({ ...config, service: service.service }));
}

/** Strangers against main.cf's smtpd_relay_restrictions alone (see probeRelayList). */
export function mainCfRelayList(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): RelayListProbe {
  return ask('relay list', doc, pair, ctx, false, probeRelayList);
}

/** The same for one master.cf smtpd service, with its -o overrides. */
export function serviceRelayList(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext, service: ServiceView): RelayListProbe {
  return ask(`relay list ${service.service}`, doc, pair, ctx, true, (config) => probeRelayList({ ...config, service: service.service }));
}

/**
 * Whether main.cf's relay lists make some smtpd refuse to start: one that takes them as they are
 * (a master.cf smtpd without its own relay settings), or the stock smtpd when master.cf is not
 * known. A service that overrides them is judged in master.cf.
 */
export function mainCfStopsSmtpd(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): boolean {
  const smtpds = pair.model.services.filter((s) => s.command === 'smtpd');
  if (!pair.masterUri || smtpds.length === 0) return ask('start', doc, pair, ctx, false, relayControlFailure) !== undefined;
  return smtpds.some((s) => !RELAY_PARAMETERS.some((p) => s.params.has(p)) && ask(`start ${s.service}`, doc, pair, ctx, true, (config) => relayControlFailure({ ...config, service: s.service })) !== undefined);
}

// The simulator's input and output, shared by the CLI, the language server and the tests.
import type { AddressClass } from './addressResolution';
import type { DnsAnswers } from './dnsAnswers';
import type { Locale } from '../../l10n';
import type { ReadFile } from './lookupTables';
import type { Reply } from './replies';
import type { Origin, Settings } from './settings';

export interface SimulationInput {
  mainCf: string;
  /** master.cf text; without it the default smtpd service on port 25 is assumed. */
  masterCf?: string;
  /** Shown in results: "/etc/postfix/main.cf" or the path the user gave. */
  mainCfPath?: string;
  masterCfPath?: string;
  /**
   * main.cf already read (as readMainSettings gives it), for callers that hold a parse of their
   * own; mainCf is then not read again.
   */
  mainSettings?: Settings;
  /** What-if settings: they win over main.cf and the service's -o, as `-o name=value` on smtpd's command line would. */
  settings?: Record<string, string>;
  /**
   * The Postfix release the configuration runs on ("3.5", "3.7.11"), where releases differ in
   * what smtpd does; undefined: the release of the built-in defaults (3.7).
   */
  postfixVersion?: string;
  /** Reads a lookup-table source or a /file in a list; undefined when absent. */
  readFile?: ReadFile;
  /** A master.cf service name ("submission", "127.0.0.1:2525") ... */
  service?: string;
  /** ... or the port it listens on. */
  port?: number;
  client: {
    address: string;
    /** The verified host name; undefined means "unknown" (no reverse name). */
    hostname?: string;
  };
  helo?: string;
  /** Whether the client sends HELO instead of EHLO. */
  useHelo?: boolean;
  /** The SASL login the client authenticates as. */
  sasl?: string;
  tls?: boolean;
  sender: string;
  recipients: string[];
  /** What DNS answers; without it the restrictions that ask DNS are "depends on DNS". */
  dns?: DnsAnswers;
  /** The language of the trace's details (default English); reply lines are smtpd's own. */
  locale?: Locale;
}

export type Stage = 'connect' | 'helo' | 'auth' | 'mail' | 'rcpt' | 'data';

export type RestrictionResult = 'permit' | 'reject' | 'defer' | 'dunno' | 'warn' | 'skipped' | 'depends on DNS' | 'error';

export interface EvaluatedRestriction {
  /** smtpd_client_restrictions, a restriction class name, or an access table that named it. */
  list: string;
  restriction: string;
  argument?: string;
  result: RestrictionResult;
  /** Why: the table entry that matched, the list item, the DNS answer that would reject. */
  detail?: string;
  origin: Origin;
}

export interface DecidedBy {
  list: string;
  restriction: string;
  file?: string;
  line?: number;
  origin: Origin;
}

export interface SimulationStep {
  stage: Stage;
  /** The command's argument: HELO name, address, login. */
  argument: string;
  command: string;
  reply: Reply;
  decidedBy: DecidedBy | null;
  evaluated: EvaluatedRestriction[];
}

/** One table hit on the way from the accepted address to the delivered ones. */
export interface RouteRewrite {
  /** The parameter: recipient_canonical_maps, canonical_maps, virtual_alias_maps. */
  map: string;
  /** type:name of the table that answered. */
  table: string;
  from: string;
  /** The address, or the addresses (comma-separated) a virtual alias expands to. */
  to: string;
  file?: string;
  line?: number;
}

/** An address that comes out of cleanup, as trivial-rewrite routes it. */
export interface FinalRecipient {
  address: string;
  class: AddressClass;
  transport: string;
  nexthop: string;
  /** The setting (or table line) that gave the transport (and the next hop, unless nexthopOrigin says otherwise). */
  origin?: Origin;
  /** relayhost, sender_dependent_relayhost_maps or a transport_maps ":nexthop" entry, when it gave the next hop alone. */
  nexthopOrigin?: Origin;
}

export interface RecipientRoute {
  /** The first (often the only) address delivered, its class, transport and next hop. */
  class: AddressClass;
  address: string;
  rewrites: RouteRewrite[];
  transport: string;
  nexthop: string;
  origin?: Origin;
  nexthopOrigin?: Origin;
  /** Every address delivered after canonical and virtual-alias rewriting (several for an alias list; none when cleanup defers the mail). */
  deliveries?: FinalRecipient[];
  /** A table that cannot be asked, an expansion over its limit. */
  warnings?: string[];
  /** The envelope sender after cleanup, when a table rewrote it. */
  sender?: { address: string; rewrites: RouteRewrite[] };
}

export interface RecipientOutcome {
  address: string;
  accepted: boolean;
  /** The RCPT reply was a 4xx (try again later). */
  deferred: boolean;
  route?: RecipientRoute;
}

/** A restriction list as the service reads it, with each word where it was written. */
export interface ConfiguredList {
  /** smtpd_client_restrictions ... smtpd_end_of_data_restrictions. */
  name: string;
  /** Where the list is set: a master.cf -o, main.cf, or the built-in default. */
  origin: Origin;
  words: { text: string; origin: Origin }[];
}

export interface SimulationResult {
  service: { name: string; line?: number; port?: number; file?: string };
  /**
   * The service's restriction lists in the order smtpd runs them (relay and recipient as
   * smtpd_relay_before_recipient_restrictions says), then the DATA and end-of-data lists.
   */
  lists: ConfiguredList[];
  /** smtpd_delay_reject: the client, HELO and sender lists wait for RCPT TO. */
  delayReject: boolean;
  /** smtpd refuses to start (for example, no working reject_unauth_destination). */
  fatal?: string;
  steps: SimulationStep[];
  recipients: RecipientOutcome[];
  /** Some restriction's verdict depends on DNS or another outside service. */
  dependsOnDns: boolean;
  warnings: string[];
}

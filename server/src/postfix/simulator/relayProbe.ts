// The open-relay question, put to the simulator: does smtpd accept mail for a domain that is not
// ours from a stranger, a client on the Internet that has not logged in? The stranger is played
// by addresses of the documentation ranges, one per unrelated network (three IPv4 /24s in three
// different /8s, two IPv6 prefixes), with a verified host name, a proper HELO and sender, and
// STARTTLS (which costs a spammer nothing). A server is an open relay when every stranger of one
// address family gets its recipient accepted: a list that trusts one of these networks (an
// example mynetworks, a test table) is not thereby open to the world, a list that trusts them all
// is. Tables that cannot be read and DNS-dependent restrictions are assumed not to fire, as the
// simulator does for every session.
import { isRelayControlFatal } from './relayControl';
import { simulate } from './session';
import type { EvaluatedRestriction, SimulationInput, SimulationResult } from './types';

/** The configuration part of a simulation: files, tables, service, release. */
export type SimulatorConfig = Omit<SimulationInput, 'client' | 'sender' | 'recipients' | 'helo' | 'useHelo' | 'sasl' | 'tls'>;

const STRANGERS: Record<'ipv4' | 'ipv6', string[]> = {
  ipv4: ['192.0.2.25', '198.51.100.25', '203.0.113.25'],
  ipv6: ['2001:db8::25', '3fff::25'],
};
const STRANGER_NAME = 'mail.stranger.example';
const FOREIGN_RECIPIENT = 'someone@elsewhere.example';

export interface RelayProbe {
  /** smtpd refuses to start: its fatal text (no working reject_unauth_destination). */
  startFailure?: string;
  /** Strangers may relay: the restriction that let the first of them through (none: no list refused). */
  open?: { permittedBy?: EvaluatedRestriction };
}

function stranger(config: SimulatorConfig, address: string, recipients = [FOREIGN_RECIPIENT]): SimulationResult {
  return simulate({ ...config, client: { address, hostname: STRANGER_NAME }, helo: STRANGER_NAME, tls: true, sender: `someone@${STRANGER_NAME}`, recipients });
}

/**
 * The restriction that permitted within one top-level list during the RCPT check: entries of
 * restriction classes and table-named restrictions follow their list's own entry in the trace.
 */
export function permitIn(evaluated: EvaluatedRestriction[], list: string): EvaluatedRestriction | undefined {
  let current: string | undefined;
  for (const e of evaluated) {
    if (/^smtpd_[a-z_]+_restrictions$/.test(e.list)) current = e.list;
    if (current === list && e.result === 'permit') return e;
  }
  return undefined;
}

/**
 * Every stranger of one family in turn while `pass` holds for each; the first result that made
 * the family pass (the restriction `pass` returned), or undefined when one stranger failed it.
 */
function everyStranger(config: SimulatorConfig, pass: (r: SimulationResult) => EvaluatedRestriction | null | undefined, probe: RelayProbe): (EvaluatedRestriction | null) | undefined {
  for (const family of Object.values(STRANGERS)) {
    let first: EvaluatedRestriction | null | undefined;
    for (const address of family) {
      const r = stranger(config, address);
      if (r.fatal !== undefined) {
        // A configuration error smtpd stops on is reported by the checks of that setting.
        if (isRelayControlFatal(r.fatal)) probe.startFailure = r.fatal;
        return undefined;
      }
      const found = pass(r);
      if (found === undefined) {
        first = undefined;
        break;
      }
      if (first === undefined) first = found;
    }
    if (first !== undefined) return first;
  }
  return undefined;
}

const rcptTrace = (r: SimulationResult) => r.steps.find((s) => s.stage === 'rcpt')?.evaluated ?? [];

/** Asks the simulator whether strangers may relay through the configured smtpd service. */
export function probeRelay(config: SimulatorConfig): RelayProbe {
  const probe: RelayProbe = {};
  // Accepted: the permit that let the stranger in, or null when no list decided.
  const open = everyStranger(config, (r) => (r.recipients[0]?.accepted ? (rcptTrace(r).find((e) => e.result === 'permit') ?? null) : undefined), probe);
  if (open !== undefined) probe.open = { permittedBy: open ?? undefined };
  return probe;
}

/** smtpd_relay_restrictions on its own, run before the recipient list. */
export interface RelayListProbe {
  /** smtpd refuses to start (found with this question's own settings). */
  startFailure?: string;
  /** The permit that let every stranger of one family through the relay list (a bare permit). */
  permittedBy?: EvaluatedRestriction;
}

/**
 * Strangers against smtpd_relay_restrictions alone: asked with the relay list first, the order of
 * Postfix 3.6 and later at compatibility level 3.6, so that a recipient list that refuses first
 * does not hide it. A question of its own, apart from probeRelay(): its answer only matters for a
 * server that is not open and where smtpd_relay_restrictions is set.
 */
export function probeRelayList(config: SimulatorConfig): RelayListProbe {
  const relayFirst = { ...config, settings: { ...config.settings, smtpd_relay_before_recipient_restrictions: 'yes' }, postfixVersion: undefined };
  const found: RelayProbe = {};
  const permittedBy = everyStranger(relayFirst, (r) => permitIn(rcptTrace(r), 'smtpd_relay_restrictions'), found) ?? undefined;
  return { startFailure: found.startFailure, permittedBy };
}

/**
 * smtpd's start-up refusal for lists without a relay control, or undefined when it starts. smtpd
 * refuses before the first command, so the stranger connects and sends no recipient: whatever a
 * recipient would meet cannot change the answer, and evaluating it was most of the question's cost.
 */
export function relayControlFailure(config: SimulatorConfig): string | undefined {
  const r = stranger(config, STRANGERS.ipv4[0], []);
  return isRelayControlFatal(r.fatal) ? r.fatal : undefined;
}

// Scenarios: sessions with the outcome they must have, kept next to a configuration and checked
// like tests. A scenario file is JSON:
//   { "scenarios": [ { "name": "...", "service": "submission" | "port": 587,
//       "client": "192.0.2.1" | "192.0.2.1,pc.example", "helo": "...", "sasl": "user", "tls": true,
//       "from": "a@example.org", "to": ["b@example.net"],
//       "expect": { "b@example.net": "454 4.7.1" } } ] }
// An expectation is "accepted", "rejected", "deferred", or the start of the RCPT reply line
// (a code, a code and enhanced code, or more).
import { simulate, SimulationInputError } from './session';
import { SimulationInput, SimulationResult } from './types';

export interface Scenario {
  name: string;
  service?: string;
  port?: number;
  client: string;
  helo?: string;
  sasl?: string;
  tls?: boolean;
  from: string;
  to: string[];
  expect: Record<string, string>;
}

/** An expectation the simulation does not meet. */
export interface BrokenExpectation {
  address: string;
  expected: string;
  /** The recipient is not among the scenario's "to". */
  notRecipient?: boolean;
  /** smtpd refuses to start: its fatal text. */
  fatal?: string;
  /** The RCPT reply line (undefined when there was none). */
  reply?: string;
}

export interface ScenarioOutcome {
  scenario: Scenario;
  result?: SimulationResult;
  /** One line per broken expectation (or the reason the scenario could not run). */
  failures: string[];
  broken: BrokenExpectation[];
  /** Why the scenario could not run (no such service, ...). */
  error?: string;
}

export class ScenarioFileError extends Error {}

/** The keys of the file's top-level object. */
export const FILE_KEYS = ['$schema', 'scenarios'] as const;

/** The keys a scenario may have; schemas/scenarios.schema.json lists the same (a test compares them). */
export const SCENARIO_KEYS = ['name', 'service', 'port', 'client', 'helo', 'sasl', 'tls', 'from', 'to', 'expect'] as const;

/** "accepted", "rejected", "deferred", or the start of an SMTP reply: a code, then anything after a space. */
export const OUTCOME_PATTERN = /^(accepted|rejected|deferred|[2-5][0-9][0-9]( .*)?)$/;

const optional = (v: unknown, type: 'string' | 'number' | 'boolean') => v === undefined || typeof v === type;

/** Whether a parsed JSON value is a scenario: the keys and types parseScenarios() requires, and no others. */
export function isScenario(x: unknown): x is Scenario {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const s = x as Scenario;
  return (
    Object.keys(s).every((k) => (SCENARIO_KEYS as readonly string[]).includes(k)) &&
    typeof s.name === 'string' &&
    optional(s.service, 'string') &&
    optional(s.port, 'number') &&
    (s.service !== undefined || s.port !== undefined) &&
    typeof s.client === 'string' &&
    optional(s.helo, 'string') &&
    optional(s.sasl, 'string') &&
    optional(s.tls, 'boolean') &&
    typeof s.from === 'string' &&
    Array.isArray(s.to) &&
    s.to.every((t) => typeof t === 'string') &&
    typeof s.expect === 'object' &&
    s.expect !== null &&
    !Array.isArray(s.expect) &&
    Object.values(s.expect).every((v) => typeof v === 'string' && OUTCOME_PATTERN.test(v))
  );
}

export function parseScenarios(text: string): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ScenarioFileError(`not JSON: ${(err as Error).message}`);
  }
  const list = (data as { scenarios?: unknown })?.scenarios;
  if (!Array.isArray(list) || Array.isArray(data)) throw new ScenarioFileError('expected { "scenarios": [ ... ] }');
  const extra = Object.keys(data as object).find((k) => !(FILE_KEYS as readonly string[]).includes(k));
  if (extra !== undefined) throw new ScenarioFileError(`unknown key "${extra}": a scenario file has only "scenarios" (and "$schema")`);
  list.forEach((s, i) => {
    if (!isScenario(s))
      throw new ScenarioFileError(
        `scenario ${i + 1}: needs name, service or port, client, from, to [...] and expect { recipient: outcome }, and no other keys; helo and sasl are text, tls true or false, an outcome "accepted", "rejected", "deferred" or the start of a reply ("454 4.7.1")`,
      );
  });
  return list as Scenario[];
}

/** The simulator's input for a scenario, given the configuration. */
export function scenarioInput(s: Scenario, config: Omit<SimulationInput, 'client' | 'sender' | 'recipients'>): SimulationInput {
  const [address, hostname] = s.client.split(',', 2);
  return { ...config, service: s.service, port: s.port, client: { address, hostname: hostname || undefined }, helo: s.helo, sasl: s.sasl, tls: s.tls, sender: s.from, recipients: s.to };
}

export function checkScenario(s: Scenario, config: Omit<SimulationInput, 'client' | 'sender' | 'recipients'>): ScenarioOutcome {
  let result: SimulationResult;
  try {
    result = simulate(scenarioInput(s, config));
  } catch (err) {
    if (err instanceof SimulationInputError) return { scenario: s, failures: [err.message], broken: [], error: err.message };
    throw err;
  }
  const broken = brokenExpectations(s, result);
  const failures = broken.map((b) =>
    b.notRecipient ? `${b.address}: not among the recipients` : `${b.address}: expected ${b.expected}, got ${b.fatal !== undefined ? `(smtpd does not start: ${b.fatal})` : (b.reply ?? '(no reply)')}`,
  );
  return { scenario: s, result, failures, broken };
}

/** The RCPT reply that answered a recipient (the last one, when the address was given twice). */
export function rcptStep(result: SimulationResult, address: string) {
  return [...result.steps].reverse().find((st) => st.stage === 'rcpt' && st.argument === address);
}

function brokenExpectations(s: Scenario, result: SimulationResult): BrokenExpectation[] {
  const out: BrokenExpectation[] = [];
  for (const [address, expected] of Object.entries(s.expect)) {
    if (!s.to.includes(address)) {
      out.push({ address, expected, notRecipient: true });
      continue;
    }
    // An smtpd that does not start answers nobody: no expectation holds.
    if (result.fatal !== undefined) {
      out.push({ address, expected, fatal: result.fatal });
      continue;
    }
    const outcome = result.recipients.find((r) => r.address === address);
    const reply = rcptStep(result, address)?.reply.line;
    const state = outcome?.accepted ? 'accepted' : outcome?.deferred ? 'deferred' : 'rejected';
    const ok = ['accepted', 'rejected', 'deferred'].includes(expected) ? expected === state : (reply ?? '').startsWith(expected);
    if (!ok) out.push({ address, expected, reply, fatal: result.fatal });
  }
  return out;
}

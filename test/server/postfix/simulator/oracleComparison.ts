// One session asked of both the simulator and the real smtpd, and the first stage whose reply
// lines differ. The simulator's AUTH step has no counterpart: the oracle logs the client in with
// XCLIENT LOGIN exactly when the simulator says AUTH succeeded. After smtpd hangs up (421, 521)
// commands get no reply; the simulator stops there.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simulate, SimulationResult } from '../../../../server/src/postfix/simulator';
import type { DnsAnswers } from '../../../../server/src/postfix/simulator/dnsAnswers';
import { selectService } from '../../../../server/src/postfix/simulator/serviceSelection';
import { ParameterView, readMainSettings, readMasterServices } from '../../../../server/src/postfix/simulator/settings';
import type { OracleTranscript, SmtpdOracle } from '../../../support/smtpdOracle';

export interface OracleCase {
  /** The full main.cf and master.cf the oracle ran. */
  mainCf: string;
  masterCf: string;
  files: Record<string, string>;
  port: number;
  session: { address: string; hostname?: string; helo?: string; sasl?: string; tls?: boolean; sender: string; recipients: string[] };
  /** What the oracle's name server answered (dnsDifferential.test.ts); the simulator is told the same. */
  dns?: DnsAnswers;
}

export interface OracleOutcome {
  real: OracleTranscript;
  mismatch?: string;
  /** The simulator says the outcome depends on DNS: the session is not compared. */
  dependsOnDns?: boolean;
  /**
   * A logged-in session on a service with smtpd_delay_reject = no: XCLIENT gives smtpd the login
   * before the connect-time checks, which no real client can do, so it is not compared.
   */
  loginBeforeConnect?: boolean;
  /** The oracle could not set the session up (STARTTLS refused before XCLIENT). */
  notReproduced?: string;
}

function delayReject(c: OracleCase): boolean {
  const service = selectService(readMasterServices(c.masterCf, 'master.cf'), { port: c.port });
  return new ParameterView(readMainSettings(c.mainCf, 'main.cf'), service.overrides).flag('smtpd_delay_reject');
}

export function simulateCase(c: OracleCase): SimulationResult {
  const s = c.session;
  return simulate({
    mainCf: c.mainCf,
    masterCf: c.masterCf,
    readFile: (p) => c.files[p] ?? (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    port: c.port,
    client: { address: s.address, hostname: s.hostname },
    helo: s.helo,
    sasl: s.sasl,
    tls: s.tls,
    sender: s.sender,
    recipients: s.recipients,
    dns: c.dns,
  });
}

/** The first difference between smtpd's transcript and the simulation, or undefined. */
export function difference(c: OracleCase, real: OracleTranscript, sim: SimulationResult): string | undefined {
  if (sim.fatal || real.fatal) return sim.fatal === real.fatal ? undefined : `fatal: smtpd "${real.fatal ?? '(started)'}", simulator "${sim.fatal ?? '(started)'}"`;
  const simulated = sim.steps.filter((st) => st.stage !== 'auth').map((st) => ({ command: st.command || 'connect', line: st.reply.line }));
  const answered = real.replies.filter((r) => r.line !== '');
  if (real.replies.slice(answered.length).some((r) => r.line !== '')) return `smtpd answered after closing the connection: ${JSON.stringify(real.replies)}`;
  for (let i = 0; i < Math.max(simulated.length, answered.length); i++) {
    const a = answered[i];
    const b = simulated[i];
    if (a?.line !== b?.line) return `${a?.command ?? b?.command}: smtpd "${a?.line ?? '(nothing)'}", simulator "${b?.line ?? '(nothing)'}"\n  session ${JSON.stringify(c.session)}`;
  }
  return undefined;
}

export async function compareWithOracle(oracle: SmtpdOracle, c: OracleCase): Promise<OracleOutcome> {
  const sim = simulateCase(c);
  if (sim.dependsOnDns) return { real: { replies: [] }, dependsOnDns: true };
  const s = c.session;
  const loggedIn = sim.steps.some((st) => st.stage === 'auth' && st.reply.code === 235);
  if (loggedIn && !delayReject(c)) return { real: { replies: [] }, loginBeforeConnect: true };
  const real = await oracle.session(c.port, { address: s.address, hostname: s.hostname, helo: s.helo, login: loggedIn ? s.sasl : undefined, tls: s.tls, sender: s.sender, recipients: s.recipients });
  if (real.notReproduced) return { real, notReproduced: real.notReproduced };
  return { real, mismatch: difference(c, real, sim) };
}

const ROOT = resolve(__dirname, '../../../..');
const REGRESSIONS = join(ROOT, 'test/server/postfix/simulator/regressions');

/**
 * Keeps a disagreement as a regression case (configuration, session, DNS answers and smtpd's
 * replies) that storedDifferential.test.ts replays offline; returns its path in the repository.
 */
export function storeRegression(c: OracleCase, real: unknown): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const text = JSON.stringify({ ...c, real }, null, 2);
  const path = join(REGRESSIONS, `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`);
  if (!existsSync(path)) writeFileSync(path, text + '\n');
  return path.slice(ROOT.length + 1);
}

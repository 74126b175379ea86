// One mail-flow case against Postfix's delivery report: for every address given to sendmail -bv,
// the set of (final address, transport, next hop) Postfix reported must be the simulator's.
// Shared by the live differential and the replay of stored disagreements.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailFlow } from '../../../../server/src/postfix/simulator/mailFlow';
import { ReportedDelivery, reportedNexthop, SIMULATED_SENDER } from '../../../support/sendmailBvOracle';

export interface StoredMailFlowCase {
  /** The whole main.cf Postfix ran with. */
  mainCf: string;
  files: Record<string, string>;
  addresses: string[];
  /** Postfix's report. */
  real: ReportedDelivery[];
  /** Addresses cleanup did not accept. */
  deferred?: string[];
}

/**
 * Next hops compare without case: qmgr files deliveries in queues named by the folded next hop,
 * so within one message the agent gets the next hop of the first recipient that opened the queue.
 */
function key(d: { address: string; transport: string; nexthop: string }): string {
  return `${d.address} via ${d.transport}[${d.nexthop.toLowerCase()}]`;
}

/** What the simulator says for each address, in the report's terms. */
export function simulatedDeliveries(c: Omit<StoredMailFlowCase, 'real'>): ReportedDelivery[] {
  const routes = mailFlow({ mainCf: c.mainCf, readFile: (p) => c.files[p], sender: SIMULATED_SENDER }, c.addresses);
  return routes.flatMap((r, i) => (r.deliveries ?? []).map((d) => ({ original: c.addresses[i], address: d.address, transport: d.transport, nexthop: reportedNexthop(d.nexthop) })));
}

/** Per address: undefined when the simulator and Postfix agree, else both answers. */
export function differences(c: StoredMailFlowCase): string[] {
  const mine = simulatedDeliveries(c);
  return c.addresses.flatMap((a) => {
    // A deferred address has no delivery, in Postfix's answer as in the simulator's.
    // The report names the original only when it differs from the delivered address but for case.
    const real = c.deferred?.includes(a) ? ['deferred'] : c.real.filter((d) => d.original.toLowerCase() === a.toLowerCase()).map(key).sort();
    const simulated = mine.filter((d) => d.original === a);
    const sim = simulated.length === 0 ? ['deferred'] : simulated.map(key).sort();
    return JSON.stringify(real) === JSON.stringify(sim) ? [] : [`${a}: postfix ${JSON.stringify(real)}, simulator ${JSON.stringify(sim)}`];
  });
}

export function storeMailFlowRegression(dir: string, c: StoredMailFlowCase): string {
  const name = createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 12) + '.json';
  writeFileSync(join(dir, name), JSON.stringify(c, null, 2) + '\n');
  return name;
}

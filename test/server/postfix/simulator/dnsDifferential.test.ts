// The simulator's DNS restrictions against the real smtpd: a name server of our own on loopback
// answers from generated DnsAnswers (DNS lists that list some clients and names, names without
// records), smtpd asks it (its master runs with a resolv.conf naming only that server), and the
// simulator is given the same answers. Every stage's reply must be smtpd's, byte for byte; a
// disagreement is stored with its answers under regressions/ for storedDifferential.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DnsAnswers } from '../../../../server/src/postfix/simulator/dnsAnswers';
import { type DnsAnswerServer, startDnsAnswerServer } from '../../../support/dnsAnswerServer';
import { requirePeer } from '../../../support/peers';
import { seededRandom } from '../../../support/seededRandom';
import { ORACLE_PACKAGES, serviceLines, SmtpdOracle } from '../../../support/smtpdOracle';
import { compareWithOracle, type OracleCase, storeRegression } from './oracleComparison';

const skip = requirePeer('postfix', ORACLE_PACKAGES) ?? (process.getuid?.() !== 0 ? 'the name server listens on port 53 and Postfix runs as root' : undefined);

const BATCHES = Number(process.env.DNS_DIFF_BATCHES ?? (process.env.CI === 'true' ? 6 : 3));
const SERVICES = 10;
const SESSIONS = 6;

const ADDRESSES = ['192.0.2.9', '198.51.100.7', '203.0.113.20'];
const NAMES = ['pc.example.net', 'mx.bad.example', 'nowhere.example', 'example.net', 'bad.example'];
const CLIENT_NAMES = [undefined, 'pc.example.net', 'mx.bad.example'];
const HELOS = ['pc.example.net', 'nowhere.example', 'mx.bad.example'];
const SENDERS = ['ana@example.net', 'bob@bad.example', 'c@nowhere.example', ''];
const RECIPIENTS = ['u@mail1.example', 'x@example.net', 'y@nowhere.example'];

const DNS_WORDS = [
  'reject_rbl_client zen.example',
  'reject_rbl_client zen.example=127.0.0.[2..3]',
  'reject_rbl_client zen.example=127.0.0.4',
  'permit_dnswl_client wl.example',
  'reject_rhsbl_client dbl.example',
  'reject_rhsbl_reverse_client dbl.example',
  'reject_rhsbl_helo dbl.example',
  'reject_rhsbl_sender dbl.example',
  'reject_rhsbl_recipient dbl.example',
  'reject_unknown_helo_hostname',
  'reject_unknown_sender_domain',
  'reject_unknown_recipient_domain',
];

function pick<T>(rnd: () => number, from: readonly T[]): T {
  return from[Math.floor(rnd() * from.length)];
}

/** A batch's answers: some addresses and names listed (some with a reason or another address), some names missing. */
function answers(rnd: () => number): DnsAnswers {
  const listed: NonNullable<DnsAnswers['listed']> = [];
  for (const key of ADDRESSES) {
    if (rnd() < 0.5) listed.push({ list: 'zen.example', key, ...(rnd() < 0.5 ? { reason: `listed for ${key}` } : {}), ...(rnd() < 0.3 ? { address: pick(rnd, ['127.0.0.3', '127.0.0.4', '127.0.0.10']) } : {}) });
    if (rnd() < 0.3) listed.push({ list: 'wl.example', key });
  }
  for (const key of NAMES) if (rnd() < 0.4) listed.push({ list: 'dbl.example', key, ...(rnd() < 0.5 ? { reason: `see ${key}` } : {}) });
  return { listed, missing: NAMES.filter(() => rnd() < 0.35) };
}

/** One service: a list with one to three DNS restrictions, and maybe other reply codes or no delayed rejection. */
function serviceOptions(rnd: () => number): string[] {
  const list = pick(rnd, ['client', 'helo', 'sender', 'recipient']);
  const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, DNS_WORDS));
  const options = [`-o { smtpd_${list}_restrictions = ${words.join(', ')} }`];
  if (rnd() < 0.3) options.push('-o smtpd_delay_reject=no');
  if (rnd() < 0.3) options.push(`-o maps_rbl_reject_code=${pick(rnd, ['550', '450', '521'])}`);
  if (rnd() < 0.2) options.push('-o unknown_hostname_reject_code=550');
  if (rnd() < 0.2) options.push('-o unknown_address_reject_code=554');
  return options;
}

/** A service's master.cf lines, joined, for a failure message. */
function serviceOf(masterCf: string, port: number): string {
  const lines = masterCf.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`127.0.0.1:${port} `));
  const end = lines.findIndex((l, i) => i > start && !/^\s/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join(' ');
}

describe('the simulator with DNS answers agrees with the real smtpd asking a name server', { skip }, () => {
  let dns: DnsAnswerServer;
  let oracle: SmtpdOracle;
  before(async () => {
    dns = await startDnsAnswerServer();
    dns.lists = ['zen.example', 'wl.example', 'dbl.example'];
    oracle = await SmtpdOracle.start(undefined, undefined, { nameserver: dns.address });
  });
  after(async () => {
    oracle?.stop();
    await dns?.stop();
  });

  it(`on ${BATCHES * SERVICES * SESSIONS} generated sessions over ${BATCHES * SERVICES} services`, { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let compared = 0;
    let refused = 0;
    for (let b = 0; b < BATCHES; b++) {
      const rnd = seededRandom(7300 + b);
      dns.answers = answers(rnd);
      const ports = oracle.nextPorts(SERVICES);
      const mainCf = `${oracle.baseMainCf()}myhostname = smtp.mail1.example
mydestination = mail1.example
local_recipient_maps =
mynetworks = 0.0.0.0/0
smtpd_relay_restrictions = permit_mynetworks, reject
`;
      const masterCf = ports.map((port) => serviceLines(port, serviceOptions(rnd))).join('');
      await oracle.load({ mainCf, masterCf, files: {} }, ports);
      const sessions = ports.flatMap((port) =>
        Array.from({ length: SESSIONS }, () => ({
          port,
          session: { address: pick(rnd, ADDRESSES), hostname: pick(rnd, CLIENT_NAMES), helo: pick(rnd, HELOS), sender: pick(rnd, SENDERS), recipients: [pick(rnd, RECIPIENTS), ...(rnd() < 0.4 ? [pick(rnd, RECIPIENTS)] : [])] },
        })),
      );
      await Promise.all(
        ports.map(async (port) => {
          for (const { session } of sessions.filter((x) => x.port === port)) {
            const c: OracleCase = { mainCf, masterCf, files: {}, port, session, dns: dns.answers };
            const outcome = await compareWithOracle(oracle, c);
            assert.equal(outcome.dependsOnDns, undefined, `the simulator still depends on DNS: ${JSON.stringify(session)}`);
            compared++;
            if (outcome.real.replies.some((r) => /^[45]/.test(r.line) && r.command !== 'DATA')) refused++;
            if (outcome.mismatch) failures.push(`batch ${b} port ${port}: ${outcome.mismatch}\n  service ${serviceOf(masterCf, port)}\n  stored as ${storeRegression(c, outcome.real)}`);
          }
        }),
      );
    }
    console.log(`DNS differential: ${compared} sessions over ${BATCHES * SERVICES} services, ${refused} refused somewhere by a DNS answer or name, ${failures.length} disagreements; the name server was asked ${dns.asked.length} questions`);
    assert.ok(dns.asked.some((q) => q.endsWith('.zen.example')) && dns.asked.some((q) => q.endsWith('.dbl.example')), 'smtpd asked the loopback name server');
    assert.ok(refused >= compared / 5, `only ${refused} of ${compared} sessions met a DNS refusal`);
    assert.deepEqual(failures.slice(0, 6), []);
  });
});

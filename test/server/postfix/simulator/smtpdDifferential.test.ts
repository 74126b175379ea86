// The simulator against the real smtpd: generated configurations (see smtpdScenarioGenerator.ts)
// are loaded into a private Postfix on loopback, and for every generated session the reply line
// at each stage (greeting, EHLO, MAIL FROM, each RCPT TO, DATA) must equal the simulator's, byte
// for byte; a configuration smtpd refuses to start with must be refused with the same fatal
// error. Disagreements are stored under test/server/postfix/simulator/regressions and replayed by
// storedDifferential.test.ts. SIM_DIFF_BATCHES (10 services each), SIM_DIFF_SESSIONS (per service)
// and SIM_DIFF_SEED widen or move the run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readMasterServices, simulate, smtpdServices } from '../../../../server/src/postfix/simulator';
import { parseScenarios } from '../../../../server/src/postfix/simulator/scenarios';
import { requirePeer } from '../../../support/peers';
import { ORACLE_PACKAGES, serviceLines, SmtpdOracle } from '../../../support/smtpdOracle';
import { generateBatch, generatedMasterCf } from '../../../support/smtpdScenarioGenerator';
import { compareWithOracle, OracleCase, simulateCase, storeRegression } from './oracleComparison';

const ROOT = resolve(__dirname, '../../../..');
const skip = requirePeer('postfix', ORACLE_PACKAGES);

const BATCHES = Number(process.env.SIM_DIFF_BATCHES ?? 12);
const SERVICES = 10;
// CI runs the full differential (2,040 sessions over 120 configurations, about 2.5
// minutes here); elsewhere a quarter of it, since the machine is shared.
const SESSIONS = Number(process.env.SIM_DIFF_SESSIONS ?? (process.env.CI === 'true' ? 17 : 4));
const SEED = Number(process.env.SIM_DIFF_SEED ?? 1900);

describe('the session simulator agrees with the real smtpd', { skip }, () => {
  let oracle: SmtpdOracle;
  before(async () => {
    oracle = await SmtpdOracle.start();
  });
  after(() => oracle?.stop());

  it("answers the lab's vm25 session to mail2.org like smtpd: 454 from defer_unauth_destination in smtpd_relay_restrictions", async () => {
    const ports = oracle.nextPorts(1);
    const mainCf = `${oracle.baseMainCf()}myhostname = smtp.mail1.org
mydestination = mail1.org, localhost
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
smtpd_recipient_restrictions = permit_mynetworks,
                               permit_sasl_authenticated,
                               reject
port25_recipient_restrictions = permit_mynetworks,
                                reject_unauth_destination
`;
    const masterCf = serviceLines(ports[0], ['-o smtpd_sasl_auth_enable=no', '-o smtpd_recipient_restrictions=$port25_recipient_restrictions']);
    await oracle.load({ mainCf, masterCf, files: {} }, ports);
    const c: OracleCase = { mainCf, masterCf, files: {}, port: ports[0], session: { address: '192.168.255.1', helo: 'host.example', sender: 'usuario@mail1.org', recipients: ['usuario@mail2.org'] } };
    const outcome = await compareWithOracle(oracle, c);
    assert.equal(outcome.mismatch, undefined, outcome.mismatch);
    const sim = simulate({ mainCf, masterCf, port: ports[0], client: { address: '192.168.255.1' }, helo: 'host.example', sender: 'usuario@mail1.org', recipients: ['usuario@mail2.org'] });
    const rcpt = sim.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.equal(outcome.real.replies.find((r) => r.command.startsWith('RCPT'))?.line, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.deepEqual([rcpt.decidedBy?.list, rcpt.decidedBy?.restriction, rcpt.decidedBy?.line], ['smtpd_relay_restrictions', 'defer_unauth_destination', mainCf.split('\n').findIndex((l) => l.startsWith('smtpd_relay_restrictions')) + 1]);
  });

  it("agrees with smtpd on the lab's scenarios (examples/lab/mailflow.scenarios.json)", async () => {
    // The lesson's configuration, made runnable here: its services on loopback ports, the
    // oracle's directories, loopback and TLS settings last (they win), no TLS wrapper on 465 (the
    // oracle starts TLS with STARTTLS), and no files outside the lab (/etc/mailname, snakeoil).
    const lab = resolve(ROOT, 'examples/lab');
    const ports = oracle.nextPorts(3);
    const portOf: Record<number, number> = { 25: ports[0], 465: ports[1], 587: ports[2] };
    const mainCf = `${readFileSync(join(lab, 'main.cf'), 'utf8')}\nmyorigin = $mydomain\n${oracle.baseMainCf()}`;
    const labMaster = readMasterServices(readFileSync(join(lab, 'master.cf'), 'utf8'), 'master.cf');
    const masterCf = smtpdServices(labMaster)
      .map((svc) => serviceLines(portOf[svc.port!], [...svc.overrides.values()].filter((o) => o.name !== 'smtpd_tls_wrappermode').map((o) => `-o { ${o.name} = ${o.value} }`)))
      .join('');
    await oracle.load({ mainCf, masterCf, files: {} }, ports);
    const scenarios = parseScenarios(readFileSync(join(lab, 'mailflow.scenarios.json'), 'utf8'));
    let compared = 0;
    const failures: string[] = [];
    for (const sc of scenarios) {
      const [address, hostname] = sc.client.split(',', 2);
      const c: OracleCase = { mainCf, masterCf, files: {}, port: portOf[sc.port!], session: { address, hostname, helo: sc.helo, sasl: sc.sasl, tls: sc.tls, sender: sc.from, recipients: sc.to } };
      const outcome = await compareWithOracle(oracle, c);
      if (outcome.dependsOnDns || outcome.loginBeforeConnect || outcome.notReproduced) continue;
      compared++;
      if (outcome.mismatch) failures.push(`${sc.name}: ${outcome.mismatch}`);
    }
    assert.deepEqual(failures, []);
    // Only the scenario whose answer waits on the RBL is left to DNS.
    assert.equal(compared, scenarios.length - 1);
  });

  it("routes accepted recipients as trivial-rewrite does: class, transport, next hop, address", async () => {
    // With debug_peer_list covering every client, smtpd logs each answer it gets from
    // trivial-rewrite (resolve_clnt: sender -> recipient -> transport, host, class); every accepted
    // recipient's simulated route must be that answer.
    const failures: string[] = [];
    let compared = 0;
    for (let b = 0; b < 3; b++) {
      const answers = new Map<string, { transport: string; nexthop: string; address: string; cls: string }>();
      const routes: { key: string; route: { class: string; transport: string; nexthop: string; address: string }; session: string }[] = [];
      const ports = oracle.nextPorts(SERVICES);
      const gen = generateBatch(SEED + 501 + b, ports, oracle.tablesDir, 6);
      // The generated domains, lists and tables, with restrictions that let every recipient
      // through (every client is in mynetworks), so that there are routes to compare.
      // permit_auth_destination makes smtpd ask trivial-rewrite about every recipient.
      const open = ['client', 'helo', 'sender', 'data'].map((l) => `smtpd_${l}_restrictions =`);
      const mainCf = `${oracle.baseMainCf()}${gen.mainCf}${[...open, 'smtpd_recipient_restrictions = permit_auth_destination, permit', 'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination', 'mynetworks = 0.0.0.0/0', 'smtpd_reject_unlisted_recipient = no', 'smtpd_reject_unlisted_sender = no', 'smtpd_helo_required = no', 'debug_peer_list = 0.0.0.0/0'].join('\n')}\n`;
      const masterCf = generatedMasterCf(gen.services.map((svc) => ({ ...svc, options: [] })));
      await loadBatch(oracle, gen, mainCf, masterCf, ports);
      await Promise.all(
        ports.map(async (port, service) => {
          for (const s of gen.sessions.filter((x) => x.service === service)) {
            const c: OracleCase = { mainCf, masterCf, files: gen.files, port, session: s };
            const outcome = await compareWithOracle(oracle, c);
            if (outcome.dependsOnDns || outcome.loginBeforeConnect || outcome.notReproduced || outcome.mismatch) continue;
            for (const r of simulateCase(c).recipients) {
              // Only routes no table rewrote: smtpd asks trivial-rewrite about the address as given (mailFlowDifferential checks the rest).
              if (r.accepted && r.route && r.address.includes('@') && r.route.rewrites.length === 0) routes.push({ key: `${s.sender}\0${r.address}`, route: r.route, session: JSON.stringify(s) });
            }
          }
        }),
      );
      const re = /resolve_clnt: `([^']*)' -> `([^']*)' -> transp=`([^']*)' host=`([^']*)' rcpt=`([^']*)' flags=\S* class=(\w+)/g;
      for (const m of oracle.logSinceLoad().matchAll(re)) {
        const answer = { transport: m[3], nexthop: m[4], address: m[5], cls: m[6] };
        answers.set(`${m[1]}\0${m[2]}`, answer);
        // No sender-dependent maps here, so the answer for the recipient alone is the same.
        answers.set(`\0${m[2]}`, answer);
      }
      for (const { key, route, session } of routes) {
        const real = answers.get(key) ?? answers.get(key.slice(key.indexOf('\0')));
        const mine = { transport: route.transport, nexthop: route.nexthop, address: route.address, cls: route.class };
        compared++;
        if (!real) failures.push(`no trivial-rewrite answer logged for ${key.replace('\0', ' -> ')}`);
        else if (JSON.stringify(mine) !== JSON.stringify(real)) failures.push(`${key.replace('\0', ' -> ')}: trivial-rewrite ${JSON.stringify(real)}, simulator ${JSON.stringify(mine)}\n  ${session}`);
      }
    }
    console.log(`routes: ${compared} accepted recipients compared with trivial-rewrite, ${failures.length} differ`);
    assert.ok(compared >= 20, `only ${compared} accepted recipients`);
    assert.deepEqual(failures.slice(0, 10), []);
  });

  // The full differential takes about 2.5 minutes alone; beside other test files it needs more than
  // the runner's default 5 minutes.
  it(`agrees on every stage of ${BATCHES * SERVICES * SESSIONS} generated sessions over ${BATCHES * SERVICES} service configurations`, { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    let sessions = 0;
    let fatal = 0;
    let stages = 0;
    let dns = 0;
    let unreproducible = 0;
    for (let b = 0; b < BATCHES; b++) {
      const seed = SEED + b;
      const ports = oracle.nextPorts(SERVICES);
      const gen = generateBatch(seed, ports, oracle.tablesDir, SESSIONS);
      const mainCf = oracle.baseMainCf() + gen.mainCf;
      const masterCf = generatedMasterCf(gen.services);
      await loadBatch(oracle, gen, mainCf, masterCf, ports);
      // The services are separate smtpd processes: their sessions run side by side, each
      // service's in order. Most of a session's time is smtpd waiting (for cleanup, for us).
      await Promise.all(
        ports.map(async (port, service) => {
          for (const s of gen.sessions.filter((x) => x.service === service)) {
            const c: OracleCase = { mainCf, masterCf, files: gen.files, port, session: s };
            const outcome = await compareWithOracle(oracle, c);
            if (outcome.dependsOnDns) {
              dns++;
              continue;
            }
            if (outcome.loginBeforeConnect || outcome.notReproduced) {
              unreproducible++;
              continue;
            }
            sessions++;
            stages += outcome.real.replies.length;
            if (outcome.real.fatal) fatal++;
            if (outcome.mismatch) failures.push(`seed ${seed} port ${c.port}: ${outcome.mismatch}\n  stored as ${storeRegression(c, outcome.real)}`);
          }
        }),
      );
    }
    console.log(`smtpd differential: ${BATCHES * SERVICES} configurations, ${sessions} sessions (${fatal} refused at start), ${stages} replies compared, ${dns} left out as DNS-dependent, ${unreproducible} left out as not reproducible through XCLIENT (a login before a connect-time check, STARTTLS refused), ${failures.length} disagreements`);
    assert.ok(sessions >= BATCHES * SERVICES * SESSIONS * 0.8, `only ${sessions} sessions compared`);
    assert.equal(failures.length, 0, `${failures.length} of ${sessions} sessions disagree:\n${failures.slice(0, 8).join('\n')}`);
  });
});

/** Writes a generated batch's tables (hash ones through postmap) and gives smtpd its configuration. */
async function loadBatch(oracle: SmtpdOracle, gen: ReturnType<typeof generateBatch>, mainCf: string, masterCf: string, ports: number[]): Promise<void> {
  for (const [path, text] of Object.entries(gen.files)) writeFileSync(path, text);
  for (const path of gen.hash) execFileSync('postmap', ['-c', oracle.etc, `hash:${path}`]);
  await oracle.load({ mainCf, masterCf, files: gen.files }, ports);
}



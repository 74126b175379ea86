// `mailconf simulate` on the lesson's configuration (examples/lab): the three msmtp accounts of
// the lesson sending to mail1.org and mail2.org, the JSON form, the exit statuses and the usage
// errors, in English and Spanish.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';

const LAB = resolve(__dirname, '../../../examples/lab');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['simulate', '-c', LAB, ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env, cwd: process.cwd() });
  return { status, stdout, stderr };
}

const HOST = ['--client', '192.168.255.200', '--helo', 'host.example', '--from', 'usuario@mail1.org'];

describe('mailconf simulate', () => {
  it('vm25 to mail2.org: exit 1, 454 from defer_unauth_destination at main.cf line 6', async () => {
    const r = await cli(['--port', '25', ...HOST, '--to', 'usuario@mail2.org']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^S: 454 4\.7\.1 <usuario@mail2\.org>: Relay access denied$/m);
    assert.match(r.stdout, new RegExp(`decided by defer_unauth_destination in smtpd_relay_restrictions, ${LAB}/main\\.cf line ${lineOf('smtpd_relay_restrictions')}$`, 'm'));
  });

  it('vm587 with its login relays to mail2.org: exit 0, and the route in JSON', async () => {
    const r = await cli(['--service', 'submission', ...HOST, '--sasl', 'usuario', '--tls', '--to', 'usuario@mail2.org', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(
      j.steps.map((s: { stage: string; reply: { code: number } }) => `${s.stage} ${s.reply.code}`),
      ['connect 220', 'helo 250', 'auth 235', 'mail 250', 'rcpt 250', 'data 354'],
    );
    assert.deepEqual(j.recipients, [{ address: 'usuario@mail2.org', accepted: true, deferred: false, route: { class: 'default', rewrites: [], transport: 'smtp', nexthop: 'mail2.org', address: 'usuario@mail2.org', deliveries: [{ address: 'usuario@mail2.org', class: 'default', transport: 'smtp', nexthop: 'mail2.org', setting: 'default_transport', file: null, line: null }] } }]);
    const rcpt = j.steps.find((s: { stage: string }) => s.stage === 'rcpt');
    assert.deepEqual(rcpt.evaluated[1], { list: 'smtpd_relay_restrictions', restriction: 'permit_sasl_authenticated', result: 'permit', detail: 'SASL login usuario', file: `${LAB}/main.cf`, line: lineOf('smtpd_relay_restrictions') });
  });

  it('vm465 without a login cannot send to mail1.org either: the recipient list ends in reject', async () => {
    const r = await cli(['--port', '465', ...HOST, '--to', 'usuario@mail1.org', '--json']);
    assert.equal(r.status, 1);
    const rcpt = JSON.parse(r.stdout).steps.find((s: { stage: string }) => s.stage === 'rcpt');
    assert.equal(rcpt.reply.line, '554 5.7.1 <usuario@mail1.org>: Recipient address rejected: Access denied');
    assert.deepEqual(rcpt.decidedBy, { list: 'smtpd_recipient_restrictions', restriction: 'reject', file: `${LAB}/main.cf`, line: lineOf('smtpd_recipient_restrictions') + 2 });
  });

  it('exits 4 when the answer depends on DNS (port 25, a named client, the RBL)', async () => {
    const r = await cli(['--port', '25', '--client', '192.168.255.200,pc.example.net', '--helo', 'pc.example.net', '--from', 'a@example.net', '--to', 'usuario@mail1.org']);
    assert.equal(r.status, 4, r.stdout);
    assert.match(r.stdout, /reject_rbl_client zen\.spamhaus\.org\s+depends on DNS/);
  });

  it('--dns gives the DNS answers: the RBL then decides (listed: exit 1 and its reply), and bad answers are a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-simulate-dns-'));
    try {
      const named = ['--port', '25', '--client', '192.168.255.200,pc.example.net', '--helo', 'pc.example.net', '--from', 'a@example.net', '--to', 'usuario@mail1.org'];
      const listed = join(dir, 'listed.json');
      writeFileSync(listed, JSON.stringify({ listed: [{ list: 'zen.spamhaus.org', key: '192.168.255.200' }] }));
      const r = await cli([...named, '--dns', listed]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^S: 554 5\.7\.1 Service unavailable; Client host \[192\.168\.255\.200\] blocked using zen\.spamhaus\.org$/m);
      const clean = join(dir, 'clean.json');
      writeFileSync(clean, '{}');
      // Not listed: the RBL lets the client on (the lab's passwd lookup still needs the server).
      const c = await cli([...named, '--dns', clean]);
      assert.match(c.stdout, /reject_rbl_client zen\.spamhaus\.org\s+no decision: 192\.168\.255\.200 is not listed in zen\.spamhaus\.org/);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"listed": "zen.spamhaus.org"}');
      const b = await cli([...named, '--dns', bad]);
      assert.equal(b.status, 2);
      assert.match(b.stderr, /"listed" must be a list/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks Spanish under LANG=es', async () => {
    const r = await cli(['--port', '25', ...HOST, '--to', 'usuario@mail2.org'], { LANG: 'es_ES.UTF-8' });
    assert.match(r.stdout, /lo decide defer_unauth_destination en smtpd_relay_restrictions/);
    assert.match(r.stdout, /usuario@mail2\.org: aplazado/);
    // The trace's own words too: why each restriction decided.
    const vm587 = await cli(['--service', 'submission', ...HOST, '--sasl', 'usuario', '--tls', '--to', 'usuario@mail1.org'], { LANG: 'es_ES.UTF-8' });
    assert.match(vm587.stdout, /permit_sasl_authenticated\s+permite: autenticado por SASL como usuario/);
    assert.doesNotMatch(vm587.stdout, /SASL login|no match|tables are looked up/);
    assert.match(vm587.stdout, /las tablas de este tipo se consultan en el servidor/);
  });

  it('exits 2 on usage errors, naming what is wrong', async () => {
    for (const [args, message] of [
      [['--client', '1.2.3.4', '--from', 'a@b', '--to', 'c@d'], /either --service NAME or --port N/],
      [['--port', '25', '--from', 'a@b', '--to', 'c@d'], /--client ADDR\[,HOSTNAME\] is required/],
      [['--port', '2525', '--client', '1.2.3.4', '--from', 'a@b', '--to', 'c@d'], /no smtpd service listens on port 2525/],
      [['--port', 'x'], /--port needs a port number/],
      [['--port', '25', '--bogus'], /unknown argument '--bogus'/],
    ] as const) {
      const r = await cli([...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, message);
    }
  });
});

describe('mailconf simulate --scenarios', () => {
  it("the lab's scenarios, written from the lesson's claims, all hold: exit 0", async () => {
    const r = await cli(['--scenarios', `${LAB}/mailflow.scenarios.json`]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('ok ')).length, 7);
  });

  it('a broken expectation exits 1 and says what smtpd would answer instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-scenarios-'));
    try {
      const file = join(dir, 's.json');
      writeFileSync(file, JSON.stringify({ scenarios: [{ name: 'vm25 relays', port: 25, client: '192.168.255.200', from: 'usuario@mail1.org', to: ['usuario@mail2.org'], expect: { 'usuario@mail2.org': 'accepted' } }] }));
      const r = await cli(['--scenarios', file]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^FAIL vm25 relays$/m);
      assert.match(r.stdout, /usuario@mail2\.org: expected accepted, got 454 4\.7\.1 <usuario@mail2\.org>: Relay access denied/);
      writeFileSync(file, '{"scenarios": [{"name": "no port"}]}');
      const bad = await cli(['--scenarios', file]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /scenario 1: needs name, service or port/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mailconf simulate --msmtprc', () => {
  it("writes a scenario per account of the lesson's .msmtprc, expecting what the lab answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-msmtprc-'));
    try {
      // The lesson's ~/.msmtprc after the ports section (vm25, vm465, vm587).
      const rc = join(dir, 'msmtprc');
      writeFileSync(
        rc,
        'defaults\n   tls on\n   tls_certcheck off\n   from usuario@mail1.org\n   host smtp.mail1.org\n   user usuario\n\n' +
          'account vm25\n   auth off\n   tls_starttls on\n\naccount vm465\n   port 465\n   auth on\n   tls_starttls off\n\n' +
          'account vm587\n   port 587\n   auth on\n   tls_starttls on\n',
      );
      const r = await cli(['--msmtprc', rc, '--client', '192.168.255.200', '--to', 'usuario@mail2.org']);
      assert.equal(r.status, 0, r.stderr);
      const { scenarios } = JSON.parse(r.stdout);
      assert.deepEqual(
        scenarios.map((s: { name: string; port: number; sasl?: string; expect: Record<string, string> }) => [s.name, s.port, s.sasl ?? null, s.expect['usuario@mail2.org']]),
        [
          ['msmtp account vm25', 25, null, '454 4.7.1'],
          ['msmtp account vm465', 465, 'usuario', 'accepted'],
          ['msmtp account vm587', 587, 'usuario', 'accepted'],
        ],
      );
      // The file it writes is a scenario file that holds.
      const file = join(dir, 's.json');
      writeFileSync(file, r.stdout);
      assert.equal((await cli(['--scenarios', file])).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('--postfix-version: the release the configuration runs on (3.5 does not take compatibility_level = 3.6)', async () => {
    const at36 = await cli(['--postfix-version', '3.6', '--port', '25', ...HOST, '--to', 'usuario@mail2.org']);
    assert.match(at36.stdout, /^S: 454 4\.7\.1 /m);
    const at35 = await cli(['--postfix-version', '3.5', '--port', '25', ...HOST, '--to', 'usuario@mail2.org']);
    assert.equal(at35.status, 1);
    assert.match(at35.stdout, /smtpd says: bad numerical configuration: compatibility_level = 3\.6$/m);
    const bad = await cli(['--postfix-version', '2.11', '--port', '25', ...HOST, '--to', 'usuario@mail2.org']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--postfix-version must be one of auto, 3\.4, /);
  });
});

function lineOf(name: string): number {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  return readFileSync(`${LAB}/main.cf`, 'utf8').split('\n').findIndex((l) => l.startsWith(`${name} `)) + 1;
}

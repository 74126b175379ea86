// The probe, its profiles and `mailconf smtp-test` against a real Postfix with Dovecot SASL on
// loopback, set up like the lesson (see test/support/lab). The good ports must meet their policy;
// each deliberately broken service must fail it with the right explanation. The lab is started
// once for this file and stopped at its end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { probe } from '../../../server/src/smtp/probe';
import { renderMarkdown, renderText } from '../../../server/src/smtp/report';
import type { ProbeOptions, ProbeResult } from '../../../server/src/smtp/types';
import { requirePeer } from '../../support/peers';
import { startSmtpLab, type SmtpLab } from '../../support/lab/smtpLab';

const skip = requirePeer('postfix', ['postfix']) ?? requirePeer('dovecot', ['dovecot-core']);
const CLI = resolve(__dirname, '../../../dist/cli.js');

let lab: SmtpLab;
/** Every result and output of this file, to check at the end that the password is in none of them. */
const seen: string[] = [];

function secretForms(password: string, user: string): string[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [password, b64(password), b64(`\0${user}\0${password}`)];
}

async function check(extra: Partial<ProbeOptions> & { port: number }): Promise<ProbeResult> {
  const r = await probe({ host: lab.host, servername: lab.servername, ca: lab.caAll, timeoutMs: 5000, ...extra });
  seen.push(JSON.stringify(r), renderText(r, { transcript: true }), renderMarkdown([r]));
  return r;
}
const creds = () => ({ user: lab.user, password: lab.password });
const ids = (r: ProbeResult) => r.expect?.failures.map((f) => f.id) ?? [];
const stages = (r: ProbeResult) => r.stages.map((s) => `${s.name}:${s.ok ? 'ok' : 'failed'}`).join(' ');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI, 'smtp-test', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      seen.push(stdout, stderr);
      resolvePromise({ status, stdout, stderr });
    });
  });
}

describe('SMTP probe against the Postfix + Dovecot lab', { skip, timeout: 60_000 }, () => {
  before(async () => {
    lab = await startSmtpLab();
  });
  after(() => {
    lab?.stop();
  });

  it('port 25 meets the mx policy: STARTTLS, no AUTH, relay refused, postmaster accepted', async () => {
    const r = await check({ port: lab.ports.smtp, tls: 'starttls', expect: 'mx' });
    assert.equal(stages(r), 'connect:ok banner:ok ehlo:ok starttls:ok tls:ok ehlo-tls:ok relay:ok');
    assert.deepEqual(r.expect, { profile: 'mx', ok: true, failures: [] });
    assert.ok(r.ehloBefore.includes('STARTTLS'));
    assert.equal(r.auth, null);
    assert.deepEqual(r.relay, {
      rcpt: 'relay-test@example.net',
      code: 554,
      accepted: false,
      local: { rcpt: 'postmaster', code: 250, accepted: true },
    });
    assert.match(r.banner, /^220 smtp\.mail1\.org ESMTP mailconf lab$/);
    assert.equal(r.ok, true);
  });

  it('port 465 meets the smtps policy with implicit TLS and a real AUTH', async () => {
    const r = await check({ port: lab.ports.smtps, tls: 'implicit', expect: 'smtps', ...creds() });
    assert.equal(stages(r), 'connect:ok tls:ok banner:ok ehlo-tls:ok auth:ok');
    assert.deepEqual(r.ehloBefore, [], 'no EHLO before TLS with implicit TLS');
    assert.ok(r.ehloAfter.some((k) => k.startsWith('AUTH ')));
    assert.deepEqual(r.auth, { mechanisms: ['PLAIN', 'LOGIN', 'CRAM-MD5'], tried: 'PLAIN', ok: true, code: 235 });
    assert.equal(r.ok, true);
    assert.equal(r.tls?.selfSigned, true);
    assert.equal(r.tls?.hostnameMatch, true);
    assert.equal(r.tls?.trusted, true);
    assert.equal(r.tls?.subject, 'CN=smtp.mail1.org');
    assert.ok(r.tls!.altNames.includes('DNS:smtp.mail1.org'));
    assert.ok(r.tls!.daysToExpiry > 3000);
    assert.match(r.tls!.protocol, /^TLSv1\.[23]$/);
  });

  for (const mech of ['PLAIN', 'LOGIN', 'CRAM-MD5'] as const) {
    it(`port 587 meets the submission policy with AUTH ${mech} after STARTTLS`, async () => {
      const r = await check({ port: lab.ports.submission, tls: 'starttls', expect: 'submission', authMechanism: mech, ...creds() });
      assert.equal(stages(r), 'connect:ok banner:ok ehlo:ok starttls:ok tls:ok ehlo-tls:ok relay:ok auth:ok');
      assert.ok(!r.ehloBefore.some((k) => k.startsWith('AUTH')), 'no AUTH before TLS');
      assert.equal(r.auth?.tried, mech);
      assert.equal(r.relay?.accepted, false);
      assert.equal(r.ok, true, JSON.stringify(r.expect));
    });
  }

  it('reports the self-signed lab certificate clearly, and accepts it by fingerprint or --insecure', async () => {
    const strict = await check({ port: lab.ports.smtps, tls: 'implicit', ca: undefined });
    assert.equal(stages(strict), 'connect:ok tls:failed');
    assert.match(strict.stages[1].detail, /self-signed/);
    assert.equal(strict.tls?.selfSigned, true);
    assert.equal(strict.tls?.trusted, false);
    const pinned = await check({ port: lab.ports.smtps, tls: 'implicit', ca: undefined, acceptFingerprint: strict.tls!.fingerprint256 });
    assert.equal(pinned.ok, true);
    const insecure = await check({ port: lab.ports.smtps, tls: 'implicit', ca: undefined, insecure: true });
    assert.equal(insecure.ok, true);
    assert.equal(insecure.tls?.trusted, false, 'still reported as untrusted');
  });

  it('submission fails with auth-before-tls where smtpd_tls_auth_only is off', async () => {
    const r = await check({ port: lab.ports.authBeforeTls, tls: 'starttls', expect: 'submission', ...creds() });
    assert.deepEqual(ids(r), ['auth-before-tls']);
    assert.ok(r.expect!.failures[0].settings.includes('smtpd_tls_auth_only'));
    assert.match(r.expect!.failures[0].message, /AUTH is offered before TLS/);
  });

  it('mx fails with open-relay where the relay restrictions trust the client', async () => {
    const r = await check({ port: lab.ports.openRelay, tls: 'starttls', expect: 'mx' });
    assert.equal(r.relay?.accepted, true);
    assert.equal(r.stages.at(-1)?.name, 'relay');
    assert.deepEqual(ids(r), ['open-relay']);
    assert.ok(r.expect!.failures[0].settings.includes('smtpd_relay_restrictions'));
  });

  it('mx and submission fail with starttls-missing where TLS is off', async () => {
    for (const profile of ['mx', 'submission'] as const) {
      const r = await check({ port: lab.ports.noStarttls, tls: 'starttls', expect: profile, ...creds() });
      assert.equal(stages(r), 'connect:ok banner:ok ehlo:ok starttls:failed');
      assert.deepEqual(ids(r), ['starttls-missing'], profile);
      assert.ok(r.expect!.failures[0].settings.includes('smtpd_tls_security_level'));
    }
  });

  it('smtps fails with certificate-expired on the expired certificate', async () => {
    const r = await check({ port: lab.ports.expiredCert, tls: 'implicit', expect: 'smtps', ...creds() });
    assert.equal(stages(r), 'connect:ok tls:failed');
    assert.deepEqual(ids(r), ['certificate-expired']);
    assert.ok(r.tls!.daysToExpiry < 0);
    assert.match(r.expect!.failures[0].message, /expired on 2020-12-31/);
  });

  it('smtps fails with certificate-name on the certificate for another host', async () => {
    const r = await check({ port: lab.ports.wrongName, tls: 'implicit', expect: 'smtps', ...creds() });
    assert.equal(stages(r), 'connect:ok tls:failed');
    assert.deepEqual(ids(r), ['certificate-name']);
    assert.equal(r.tls?.hostnameMatch, false);
    assert.match(r.expect!.failures[0].message, /wrong\.example\.org, not smtp\.mail1\.org/);
  });

  it('smtps fails with no-implicit-tls on the STARTTLS port', async () => {
    const r = await check({ port: lab.ports.submission, tls: 'implicit', expect: 'smtps', ...creds(), timeoutMs: 1500 });
    assert.equal(r.stages[1].name, 'tls');
    assert.deepEqual(ids(r), ['no-implicit-tls']);
    assert.ok(r.expect!.failures[0].settings.includes('smtpd_tls_wrappermode'));
  });

  it('mailconf smtp-test prints the JSON shape of the issue and exits 0 on a good port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-smtp-'));
    writeFileSync(join(dir, 'ca.pem'), lab.ca);
    const r = await cli(
      [lab.host, '--port', String(lab.ports.submission), '--tls', 'starttls', '--servername', lab.servername, '--ca', join(dir, 'ca.pem'),
        '--user', lab.user, '--password-env', 'LAB_PW', '--expect', 'submission', '--json'],
      { LAB_PW: lab.password },
    );
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['host', 'port', 'ok', 'stages', 'banner', 'ehloBefore', 'ehloAfter', 'tls', 'auth', 'relay', 'expect']);
    assert.deepEqual(Object.keys(json.stages[0]), ['name', 'ok', 'ms', 'detail']);
    for (const k of ['protocol', 'cipher', 'subject', 'issuer', 'altNames', 'validFrom', 'validTo', 'selfSigned', 'hostnameMatch', 'trusted']) {
      assert.ok(k in json.tls, `tls.${k}`);
    }
    assert.deepEqual(Object.keys(json.auth), ['mechanisms', 'tried', 'ok', 'code']);
    assert.deepEqual(json.expect, { profile: 'submission', ok: true, failures: [] });
  });

  it('mailconf smtp-test exits with the code of the failing stage or expectation', async () => {
    const base = [lab.host, '--servername', lab.servername, '--insecure', '--timeout', '3'];
    assert.equal((await cli([...base, '--port', String(lab.ports.noStarttls), '--tls', 'starttls'])).status, 6);
    assert.equal((await cli([...base, '--port', String(lab.ports.openRelay), '--tls', 'starttls', '--rcpt', 'x@example.org'])).status, 8);
    const policy = await cli([...base, '--port', String(lab.ports.authBeforeTls), '--tls', 'starttls', '--expect', 'submission']);
    assert.equal(policy.status, 9);
    assert.match(policy.stdout, /AUTH is offered before TLS/);
    assert.match(policy.stdout, /look at: smtpd_tls_auth_only/);
    const text = await cli([...base, '--port', String(lab.ports.smtps), '--tls', 'implicit', '--user', lab.user, '--password-env', 'PW', '--transcript'], { PW: lab.password });
    assert.equal(text.status, 0, text.stdout);
    assert.match(text.stdout, /-> AUTH PLAIN \*\*\*/);
  });

  // Wrong passwords last: Dovecot delays every later AUTH from 127.0.0.1 after a failure.
  it('reports a wrong password as a failed AUTH stage with its code', async () => {
    const r = await check({ port: lab.ports.submission, tls: 'starttls', expect: 'submission', user: lab.user, password: 'not-the-password' });
    assert.equal(r.stages.at(-1)?.name, 'auth');
    assert.equal(r.stages.at(-1)?.ok, false);
    assert.equal(r.auth?.code, 535);
    assert.deepEqual(ids(r), ['auth-failed']);
  });

  it('never shows the password in any result, report, transcript or CLI output', () => {
    assert.ok(seen.length > 20);
    for (const form of secretForms(lab.password, lab.user)) {
      for (const text of seen) assert.ok(!text.includes(form), `found a form of the password in: ${text.slice(0, 200)}`);
    }
  });
});

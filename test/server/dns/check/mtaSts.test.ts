// The MTA-STS policy file: its syntax and mx patterns (pure), and the fetch as a sender does it,
// against an HTTPS server on loopback with a certificate for mta-sts.mail1.org made here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkMtaStsId, checkMtaStsPolicy, mtaStsId, mxPatternMatches, parseMtaStsPolicy } from '../../../../server/src/dns/check/mtaSts';
import type { CheckContext } from '../../../../server/src/dns/check/types';
import { t } from '../../../../server/src/l10n';
import { fetchMtaStsPolicy } from '../../../../server/src/dns/session';
import { requirePeer } from '../../../support/peers';

const ctx: CheckContext = { domain: 'mail1.org.', locale: 'en', ask: async () => assert.fail('no question expected') };
const GOOD = 'version: STSv1\nmode: enforce\nmx: mail.mail1.org\nmx: *.backup.mail1.org\nmax_age: 604800\n';

describe('MTA-STS policy file', () => {
  it('reads a valid policy and matches MX hosts against its patterns', () => {
    assert.deepEqual(parseMtaStsPolicy(GOOD), { version: 'STSv1', mode: 'enforce', mx: ['mail.mail1.org', '*.backup.mail1.org'], maxAge: 604800, problems: [] });
    assert.deepEqual(parseMtaStsPolicy('version: STSv1\nmode: none\n').problems.map((p) => t('es', p.key, ...p.args)), ['max_age es obligatorio']);
    assert.equal(mxPatternMatches('*.backup.mail1.org', 'mx1.backup.mail1.org.'), true);
    assert.equal(mxPatternMatches('*.backup.mail1.org', 'a.mx1.backup.mail1.org.'), false);
    assert.equal(mxPatternMatches('*.backup.mail1.org', 'backup.mail1.org.'), false);
    assert.equal(mxPatternMatches('mail.mail1.org', 'MAIL.mail1.org.'), true);
  });

  it('names every syntax problem', () => {
    assert.deepEqual(parseMtaStsPolicy('version: STSv2\nmode: strict\nmax_age: 99999999999\nnonsense\n').problems.map((p) => t('en', p.key, ...p.args)), [
      "line 3: max_age '99999999999' must be a number of seconds up to 31557600",
      "line 4: 'nonsense' is not 'key: value'",
      'version must be STSv1 (found STSv2)',
      'mode must be enforce, testing or none (found strict)',
      'at least one mx line is required',
    ]);
  });

  it('mta-sts-policy and the mx check, passing and failing', () => {
    const url = 'https://mta-sts.mail1.org/.well-known/mta-sts.txt';
    assert.deepEqual(checkMtaStsPolicy(ctx, { text: GOOD, url }, ['mail.mail1.org.']).map((c) => [c.code, c.ok]), [['mta-sts-policy', true], ['mta-sts-mx', true]]);
    const wrong = checkMtaStsPolicy(ctx, { text: GOOD, url }, ['smtp.mail1.org.']);
    assert.deepEqual(wrong.map((c) => [c.code, c.ok, c.severity]), [['mta-sts-policy', true, 'info'], ['mta-sts-mx', false, 'error']]);
    assert.equal(wrong[1].message, 'The MX host smtp.mail1.org. matches no mx line of the MTA-STS policy (mail.mail1.org, *.backup.mail1.org): senders that enforce it will not deliver there');
    assert.deepEqual(checkMtaStsPolicy(ctx, { error: 'HTTP 404', url }, []).map((c) => [c.code, c.ok, c.message]), [['mta-sts-policy', false, `The MTA-STS policy ${url} cannot be fetched: HTTP 404`]]);
  });
});

describe('MTA-STS id against the policy seen before', () => {
  const url = 'https://mta-sts.mail1.org/.well-known/mta-sts.txt';
  it('reads the id of the TXT record', () => {
    assert.equal(mtaStsId('v=STSv1; id=20261203'), '20261203');
    assert.equal(mtaStsId('v=STSv1;id=abc ;'), 'abc');
    assert.equal(mtaStsId('v=STSv1;'), undefined);
  });
  it('mta-sts-id-mismatch: a changed policy under the same id; passes when the id changed too, or nothing did', () => {
    const changed = GOOD.replace('max_age: 604800', 'max_age: 86400');
    const stale = checkMtaStsId(ctx, '20261203', { text: changed, url }, { id: '20261203', text: GOOD });
    assert.deepEqual(stale.map((c) => [c.code, c.ok, c.severity]), [['mta-sts-id-mismatch', false, 'warning']]);
    assert.match(stale[0].message, /changed since the last check, but the TXT record still has id=20261203/);
    assert.deepEqual(checkMtaStsId(ctx, '20261204', { text: changed, url }, { id: '20261203', text: GOOD }).map((c) => c.ok), [true]);
    assert.deepEqual(checkMtaStsId(ctx, '20261203', { text: GOOD, url }, { id: '20261203', text: GOOD }).map((c) => c.ok), [true]);
    // Nothing to compare with on a first run, or when the policy could not be fetched.
    assert.deepEqual(checkMtaStsId(ctx, '20261203', { text: GOOD, url }, undefined), []);
    assert.deepEqual(checkMtaStsId(ctx, '20261203', { error: 'HTTP 404', url }, { id: '1', text: GOOD }), []);
  });
});

describe('fetching the MTA-STS policy over HTTPS', { skip: requirePeer('openssl', ['openssl']), timeout: 30_000 }, () => {
  let dir: string;
  let server: Server;
  let port: number;
  let cert: string;
  const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {};
  let current = 'good';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mailconf-mtasts-'));
    const [key, crt] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=mta-sts.mail1.org', '-addext', 'subjectAltName=DNS:mta-sts.mail1.org', '-days', '2', '-keyout', key, '-out', crt], { stdio: 'ignore' });
    cert = readFileSync(crt, 'utf8');
    routes.good = (res) => res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(GOOD);
    routes.redirect = (res) => res.writeHead(301, { Location: 'https://elsewhere.example/' }).end();
    routes.html = (res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hi</p>');
    routes.huge = (res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(200 * 1024));
    server = createServer({ key: readFileSync(key), cert }, (req, res) => {
      assert.equal(req.headers.host, 'mta-sts.mail1.org');
      routes[current](res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fetch = (extra = {}) => fetchMtaStsPolicy({ domain: 'mail1.org.', address: '127.0.0.1', port, ca: cert, timeoutMs: 3000, ...extra });
  const errorOf = async (extra = {}) => {
    const r = await fetch(extra);
    return 'error' in r ? r.error : `fetched: ${r.text}`;
  };

  it('gets the policy from a server whose certificate is for mta-sts.<domain>', async () => {
    current = 'good';
    assert.deepEqual(await fetch(), { text: GOOD, url: 'https://mta-sts.mail1.org/.well-known/mta-sts.txt' });
  });

  it('refuses an untrusted certificate, a redirect, another media type and an oversized body', async () => {
    current = 'good';
    assert.match(await errorOf({ ca: undefined }), /SELF_SIGNED|self-signed|unable to verify/i);
    current = 'redirect';
    assert.equal(await errorOf(), 'HTTP 301 (redirects are not followed: https://elsewhere.example/)');
    current = 'html';
    assert.equal(await errorOf(), "the media type is 'text/html', not text/plain");
    current = 'huge';
    assert.equal(await errorOf(), 'the policy is larger than 65536 bytes');
  });
});

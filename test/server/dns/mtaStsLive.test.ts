// The MTA-STS side of `mailconf dns-check --smtp` end to end: named serves the _mta-sts record and
// the address of mta-sts.<domain>, an HTTPS server on 127.0.0.1:443 (the port senders use, so this
// needs root) serves the policy with a certificate made here, and the CLI fetches and judges it,
// remembering what it saw so that a policy changed under the same id is caught on the next run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { startNamed, type Named } from '../../support/named';
import { requireNamed } from '../../support/namedPeer';
import { requirePeer } from '../../support/peers';

const ZONE = `$ORIGIN sts.example.
$TTL 1h
@ IN SOA ns hostmaster 1 3h 1h 1w 1h
@ IN NS ns
ns IN A 127.0.0.1
@ IN MX 10 mail
mail IN A 127.0.0.1
mta-sts IN A 127.0.0.1
_mta-sts IN TXT "v=STSv1; id=20261203"
`;
const POLICY = 'version: STSv1\nmode: enforce\nmx: mail.sts.example\nmax_age: 86400\n';

describe('dns-check fetches and judges the MTA-STS policy', { skip: requireNamed() ?? requirePeer('openssl', ['openssl']), timeout: 60_000 }, () => {
  let dir: string;
  let named: Named;
  let https: Server | undefined;
  let unavailable: string | undefined;
  let policy = POLICY;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mailconf-mtasts-live-'));
    const [key, crt] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=mta-sts.sts.example', '-addext', 'subjectAltName=DNS:mta-sts.sts.example', '-days', '2', '-keyout', key, '-out', crt], { stdio: 'ignore' });
    named = await startNamed([{ origin: 'sts.example.', text: ZONE }]);
    const server = createServer({ key: readFileSync(key), cert: readFileSync(crt) }, (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(policy));
    await new Promise<void>((resolve) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        unavailable = `cannot listen on 127.0.0.1:443 (${err.code})`;
        resolve();
      });
      server.listen(443, '127.0.0.1', () => {
        https = server;
        resolve();
      });
    });
  });
  after(async () => {
    https?.close();
    await named?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function dnsCheck(): Promise<Array<{ code: string; ok: boolean; message: string }>> {
    let out = '';
    // The SMTP port is closed on purpose: the live side still fetches the policy.
    const args = ['dns-check', 'sts.example', '--server', `127.0.0.1:${named.port}`, '--smtp', '127.0.0.1:1', '--ca', join(dir, 'cert.pem'), '--timeout', '2', '--json'];
    await runCli(args, { stdout: (s) => (out += s), stderr: () => {}, env: { LANG: 'C', XDG_CACHE_HOME: join(dir, 'cache') }, cwd: dir });
    return JSON.parse(out).checks.filter((c: { code: string }) => c.code.startsWith('mta-sts'));
  }
  const verdicts = (checks: Awaited<ReturnType<typeof dnsCheck>>) => checks.map((c) => `${c.ok ? '✔' : '✖'} ${c.code}`);

  it('a valid policy whose mx matches; then changed under the same id; then an MX it does not cover', async (t) => {
    if (unavailable) return t.skip(unavailable);
    policy = POLICY;
    assert.deepEqual(verdicts(await dnsCheck()), ['✔ mta-sts-missing', '✔ mta-sts-policy', '✔ mta-sts-mx']);
    // Same policy, same id: the remembered copy agrees.
    assert.deepEqual(verdicts(await dnsCheck()), ['✔ mta-sts-missing', '✔ mta-sts-policy', '✔ mta-sts-mx', '✔ mta-sts-id-mismatch']);
    policy = POLICY.replace('mode: enforce', 'mode: testing');
    const changed = await dnsCheck();
    assert.deepEqual(verdicts(changed), ['✔ mta-sts-missing', '✔ mta-sts-policy', '✔ mta-sts-mx', '✖ mta-sts-id-mismatch']);
    assert.match(changed[3].message, /changed since the last check, but the TXT record still has id=20261203/);
    policy = POLICY.replace('mx: mail.sts.example', 'mx: *.elsewhere.example');
    const other = await dnsCheck();
    assert.equal(other.find((c) => c.code === 'mta-sts-mx')?.message, 'The MX host mail.sts.example. matches no mx line of the MTA-STS policy (*.elsewhere.example): senders that enforce it will not deliver there');
  });
});

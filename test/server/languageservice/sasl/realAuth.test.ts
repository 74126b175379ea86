// The cross-checks against the real thing: for every pair (a Postfix configuration plus a SASL
// side, right or wrong in one way), the prediction ("AUTH will work", or the errors that say why
// it will fail) must match what the real smtpd does when the SMTP probe tries AUTH on loopback,
// with the real Dovecot or the real saslauthd behind it.
// Not here: the plaintext-before-TLS warning. It is about clients on other hosts, and Dovecot
// counts every loopback client (127.0.0.2 too, tried with swaks) as secured, so no loopback test
// can play one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { listDiskFiles, readDiskText } from '../../../../server/src/handlers/diskFiles';
import { languageForPath, serviceFor } from '../../../../server/src/languageservice/languages';
import type { Workspace } from '../../../../server/src/languageservice/service';
import { probe } from '../../../../server/src/smtp/probe';
import { requirePeer } from '../../../support/peers';
import { releaseMachineLock, takeMachineLock } from '../../../support/machineLock';
import { PAIR_HOSTNAME, PAIR_PASSWORD, PAIR_USER, type SaslPair, startPair } from '../../../support/lab/saslPair';

const skip =
  requirePeer('postfix', ['postfix']) ??
  requirePeer('dovecot', ['dovecot-core']) ??
  requirePeer('saslauthd', ['sasl2-bin']) ??
  (process.getuid?.() !== 0 ? 'the pairs start Postfix, Dovecot and saslauthd, which needs root' : undefined) ??
  (require('node:child_process').spawnSync('unshare', ['-m', 'true']).status !== 0 ? 'unshare -m is not permitted here (saslauthd gets its own sasldb that way)' : undefined);


const good = { listener: '$spool/private/auth', mode: '0660', user: 'postfix', group: 'postfix' };
const dovecot = (name: string, over: Partial<SaslPair> & { dovecot?: SaslPair['dovecot'] }, works: boolean): [SaslPair, boolean] => [
  { name, method: 'dovecot', chroot: false, securityOptions: 'noanonymous', mechanisms: 'plain login', dovecot: good, ...over },
  works,
];
const cyrusGood = { appFile: true, start: 'yes' as const, socketDir: '$spool/var/run/saslauthd' };
type CyrusSide = NonNullable<SaslPair['cyrus']>;
const cyrus = (name: string, over: Omit<Partial<SaslPair>, 'cyrus'> & { cyrus?: Partial<CyrusSide> }, works: boolean): [SaslPair, boolean] => [
  { name, method: 'cyrus', chroot: true, securityOptions: 'noanonymous', mechanisms: 'PLAIN LOGIN', ...over, cyrus: { ...cyrusGood, ...over.cyrus } },
  works,
];

/** Each pair with what the lesson's reasoning says AUTH will do (the test checks both sides against it). */
const PAIRS: [SaslPair, boolean][] = [
  dovecot('dovecot: the lesson', {}, true),
  dovecot('dovecot: listener at another path in the queue directory', { dovecot: { ...good, listener: '$spool/private/auth-dovecot' } }, false),
  dovecot("dovecot: listener relative, so in Dovecot's base_dir", { dovecot: { ...good, listener: 'auth-postfix' } }, false),
  dovecot("dovecot: listener owned by dovecot, mode 0600", { dovecot: { ...good, mode: '0600', user: 'dovecot', group: 'dovecot' } }, false),
  dovecot('dovecot: listener with no mode, user or group (root, 0600)', { dovecot: { listener: good.listener } }, false),
  dovecot('dovecot: listener mode 0666 for everyone', { dovecot: { listener: good.listener, mode: '0666' } }, true),
  dovecot('dovecot: listener root-owned, group postfix 0660', { dovecot: { ...good, user: 'root' } }, true),
  dovecot('dovecot: noplaintext with plain and login only', { securityOptions: 'noanonymous, noplaintext' }, false),
  dovecot('dovecot: noplaintext with cram-md5 offered too', { securityOptions: 'noanonymous, noplaintext', mechanisms: 'plain login cram-md5' }, true),
  dovecot("dovecot: nodictionary keeps plain (Dovecot flags it plaintext, not dictionary)", { securityOptions: 'noanonymous, nodictionary', mechanisms: 'plain login cram-md5' }, true),
  dovecot('dovecot: nodictionary with cram-md5 only', { securityOptions: 'noanonymous, nodictionary', mechanisms: 'cram-md5' }, false),
  dovecot('dovecot: mutual_auth with plain, login and cram-md5', { securityOptions: 'noanonymous, mutual_auth', mechanisms: 'plain login cram-md5' }, false),
  dovecot('dovecot: smtpd chrooted, relative smtpd_sasl_path', { chroot: true }, true),
  cyrus('cyrus: the lesson (chroot, socket inside the queue directory)', {}, true),
  cyrus('cyrus: chroot, socket outside the queue directory', { cyrus: { socketDir: '$root/run/saslauthd' } }, false),
  cyrus('cyrus: no chroot, socket and saslauthd_path agree', { chroot: false, cyrus: { socketDir: '$root/run/saslauthd', saslauthdPath: '$root/run/saslauthd/mux' } }, true),
  cyrus("cyrus: no chroot, socket inside the queue directory, libsasl's default path", { chroot: false }, false),
  cyrus('cyrus: START=no', { cyrus: { start: 'no' } }, false),
  cyrus('cyrus: no START line', { cyrus: { start: 'absent' } }, false),
  cyrus('cyrus: no smtpd.conf in the SASL folder', { cyrus: { appFile: false } }, false),
  cyrus('cyrus: noplaintext with PLAIN and LOGIN only', { securityOptions: 'noanonymous, noplaintext' }, false),
  cyrus('cyrus: saslauthd with CRAM-MD5 only', { mechanisms: 'CRAM-MD5' }, false),
  cyrus('cyrus: nodictionary rules out PLAIN and LOGIN (Cyrus does not flag them as resisting it)', { securityOptions: 'noanonymous, nodictionary' }, false),
  cyrus('cyrus: chroot, saslauthd_path written as seen inside the chroot', { cyrus: { saslauthdPath: '/var/run/saslauthd/mux' } }, true),
  cyrus("cyrus: chroot, saslauthd_path written as the host's path", { cyrus: { saslauthdPath: '$spool/var/run/saslauthd/mux' } }, false),
];

const disk: Workspace = { readText: readDiskText, listFiles: listDiskFiles };

/** The cross-checks' errors over every file of the pair's tree: none means "AUTH will work". */
function prediction(etc: string): string[] {
  const files = ['postfix/main.cf', 'postfix/master.cf', 'postfix/sasl/smtpd.conf', 'default/saslauthd', 'dovecot/dovecot.conf'].map((f) => join(etc, f)).filter(existsSync);
  const codes = new Set<string>();
  for (const file of files) {
    const language = languageForPath(file)!;
    const doc = TextDocument.create(pathToFileURL(file).href, language, 1, readFileSync(file, 'utf8'));
    for (const d of serviceFor(language)!.diagnostics(doc, { locale: 'en', workspace: disk }))
      if (String(d.code).startsWith('sasl/') && d.severity === DiagnosticSeverity.Error) codes.add(String(d.code));
  }
  return [...codes].sort();
}

/**
 * Another test process running the pairs at the same time would double the daemons on a shared
 * machine: the first one takes this lock, the other waits. A lock whose holder died is taken over.
 */
const LOCK = join(tmpdir(), 'mailconf-sasl-pairs.lock');

// The pairs are independent (own folder, own port, own daemons) and mostly wait on daemons
// starting and stopping, so a few run at once.
describe('cross-check predictions against the real AUTH', { skip, concurrency: 4 }, () => {
  const outcomes: string[] = [];
  let agreed = 0;
  before(() => takeMachineLock(LOCK));
  after(() => {
    releaseMachineLock(LOCK);
    process.stdout.write(`# real AUTH vs prediction: ${agreed}/${PAIRS.length} pairs agree\n${outcomes.map((o) => `#   ${o}`).join('\n')}\n`);
  });

  PAIRS.forEach(([pair, expected]) => {
    it(pair.name, { timeout: 60_000 }, async () => {
      const running = await startPair(pair);
      try {
        const predicted = prediction(running.etc);
        const r = await probe({ host: '127.0.0.1', port: running.port, tls: 'starttls', servername: PAIR_HOSTNAME, ca: running.ca, user: PAIR_USER, password: PAIR_PASSWORD, timeoutMs: 8000 });
        const real = r.auth?.ok === true;
        const log = existsSync(join(running.root, 'log', 'postfix.log')) ? readFileSync(join(running.root, 'log', 'postfix.log'), 'utf8') : '';
        const saidWorks = predicted.length === 0;
        if (saidWorks === real) agreed++;
        outcomes.push(`${pair.name}: real AUTH ${real ? 'works' : 'fails'}, predicted ${saidWorks ? 'works' : predicted.join(' ')}`);
        assert.equal(real, expected, `the real AUTH ${real ? 'worked' : 'failed'}, unlike what this pair is meant to show\n${log.split('\n').filter((l) => /sasl|SASL|auth|warning|fatal/.test(l)).slice(-8).join('\n')}`);
        assert.equal(saidWorks, real, `predicted ${saidWorks ? '"AUTH will work"' : predicted.join(', ')}, but the real AUTH ${real ? 'works' : 'fails'}`);
      } finally {
        await running.stop();
      }
    });
  });
});

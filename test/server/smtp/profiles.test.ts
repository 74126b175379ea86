// What a failed expectation tells the user: the advice must fit the failure it explains.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probe } from '../../../server/src/smtp/probe';

describe('SMTP profile advice', () => {
  it('says that a host name does not resolve, and suggests DNS, /etc/hosts or the address, not master.cf', async () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const r = await probe({
        host: 'smtp.mail1.org',
        port: 587,
        expect: 'submission',
        // What net.connect reports when getaddrinfo finds no address; no resolver is asked here.
        openStream: async () => {
          throw Object.assign(new Error(`getaddrinfo ${code} smtp.mail1.org`), { code });
        },
      });
      assert.equal(r.stages[0].errno, code);
      const [failure] = r.expect!.failures;
      assert.equal(failure.id, 'name-unresolved');
      assert.match(failure.message, /smtp\.mail1\.org does not resolve/);
      assert.match(failure.hint, /DNS/);
      assert.match(failure.hint, /\/etc\/hosts/);
      assert.match(failure.hint, /IP address/);
      assert.doesNotMatch(failure.hint + failure.settings.join(' '), /master\.cf|inet_interfaces/);
    }
  });

  it('keeps the master.cf and inet_interfaces advice for a port where nothing listens', async () => {
    const r = await probe({
      host: '127.0.0.1',
      port: 587,
      expect: 'submission',
      openStream: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ECONNREFUSED' });
      },
    });
    assert.equal(r.expect!.failures[0].id, 'unreachable');
    assert.ok(r.expect!.failures[0].settings.includes('inet_interfaces'));
  });

  it('explains in Spanish when asked: what was seen and what usually causes it', async () => {
    const r = await probe({
      host: 'smtp.mail1.org',
      port: 587,
      expect: 'submission',
      locale: 'es',
      openStream: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND smtp.mail1.org'), { code: 'ENOTFOUND' });
      },
    });
    const [failure] = r.expect!.failures;
    assert.match(failure.message, /^smtp\.mail1\.org no se resuelve: /);
    assert.match(failure.hint, /^El nombre de la máquina no se resuelve/);
    assert.match(failure.hint, /\/etc\/hosts/);
  });
});

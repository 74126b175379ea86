// releases.json is what generate.mjs reads from ../shared/postfix-releases: the committed file
// must equal a fresh run, and its facts must agree with what the rest of the project knows.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { getRestriction } from '../../../../server/src/postfix/restrictions';
import { allParameters } from '../../../../server/src/postfix/parameters';
import { availability, compatibilityDefaults, documentedDefault, documentedRestrictions, releaseSeries } from '../../../../server/src/postfix/releaseFacts';

const DIR = resolve(__dirname, '../../../../server/src/postfix/releases');
const SHARED = resolve(__dirname, '../../../../../shared/postfix-releases');
const noShared = existsSync(SHARED) ? undefined : `no release documentation at ${SHARED}`;

describe('Postfix release facts (releases.json)', () => {
  it('are current with ../shared/postfix-releases (else run: npm run gen:postfix-releases)', { skip: noShared }, async () => {
    const { generate } = await import('../../../../server/src/postfix/releases/generate.mjs');
    assert.equal(generate(), readFileSync(resolve(DIR, 'releases.json'), 'utf8'));
  });

  it('cover every release series from 3.4 to 3.11', () => {
    assert.deepEqual(releaseSeries(), ['3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11']);
  });

  it('know every parameter the installed 3.7 postconf has, as present in 3.7', () => {
    const missing = [...allParameters()].map((p) => p.name).filter((n) => availability(n, '3.7').status === 'later' || availability(n, '3.7').status === 'removed');
    assert.deepEqual(missing, []);
  });

  it('give documented defaults per release', () => {
    assert.match(documentedDefault('address_verify_map', '3.11')!, /default_cache_db_type/);
    assert.doesNotMatch(documentedDefault('address_verify_map', '3.7')!, /default_cache_db_type/);
    assert.equal(documentedDefault('smtpd_hide_client_session', '3.7'), undefined);
  });

  it('list restriction names that smtpd really accepts', () => {
    const documented = Object.keys(documentedRestrictions());
    assert.ok(documented.length >= 60);
    for (const name of documented) assert.ok(getRestriction(name), name);
  });

  it('keep the compatibility-level defaults', () => {
    assert.deepEqual(compatibilityDefaults()['1'].find(([n]) => n === 'smtputf8_enable'), ['smtputf8_enable', 'no']);
    assert.ok(compatibilityDefaults()['3.6'].some(([n]) => n === 'smtpd_tls_fingerprint_digest'));
  });
});

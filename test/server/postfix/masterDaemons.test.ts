// master.cf daemons and map/SASL types: the facts the master.cf and value checks lean on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';
import { allMapTypes, getMapType, saslClientTypes, saslServerTypes } from '../../../server/src/postfix/mapTypes';
import { allMasterDaemons, getMasterDaemon, SERVICE_TYPES, serviceParameterDefaults } from '../../../server/src/postfix/masterDaemons';
import { isBuiltinParameter } from '../../../server/src/postfix/parameters';

describe('master.cf daemons', () => {
  it('know every command of the lab master.cf, with a type that suits it', () => {
    const entries = parseMasterCf(readFileSync(join(__dirname, '../../../examples/lab/master.cf'), 'utf8')).entries;
    assert.ok(entries.length > 20);
    for (const e of entries) {
      const daemon = getMasterDaemon(e.command!.text);
      assert.ok(daemon, `${e.command!.text} is a daemon`);
      assert.ok(daemon.types.includes(e.type!.text as never), `${e.service!.text}: ${e.type!.text} suits ${daemon.command}`);
    }
  });

  it('include the daemons of postscreen, TLS proxying, policy services and logging', () => {
    for (const c of ['postscreen', 'dnsblog', 'tlsproxy', 'spawn', 'postlogd', 'trivial-rewrite', 'pipe']) assert.ok(getMasterDaemon(c), c);
    assert.equal(getMasterDaemon('smtpdd'), undefined);
  });

  it('describe each daemon with valid stock fields and summaries in both languages', () => {
    for (const d of allMasterDaemons()) {
      assert.ok(d.summary.en && d.summary.es && d.summary.en !== d.summary.es, d.command);
      for (const s of d.stock) {
        assert.ok(SERVICE_TYPES.includes(s.type) && d.types.includes(s.type), `${d.command} ${s.service}`);
        for (const flag of [s.private, s.unpriv, s.chroot]) assert.match(flag, /^[-yn]$/);
        assert.match(s.wakeup, /^(-|\d+\??)$/);
        assert.match(s.maxproc, /^(-|\d+)$/);
      }
    }
    assert.deepEqual(getMasterDaemon('pipe')?.requiredArguments, ['user=', 'argv=']);
  });

  it('derive per-service parameters only for delivery agents and spawn, never shadowing built-ins', () => {
    const relay = serviceParameterDefaults('relay', 'smtp', isBuiltinParameter);
    assert.equal(relay.get('relay_destination_concurrency_limit'), '$default_destination_concurrency_limit');
    assert.equal(serviceParameterDefaults('policy', 'spawn', isBuiltinParameter).get('policy_time_limit'), '$command_time_limit');
    assert.equal(serviceParameterDefaults('submission', 'smtpd', isBuiltinParameter).size, 0);
    assert.equal(serviceParameterDefaults('local', 'local', isBuiltinParameter).has('local_destination_concurrency_limit'), false);
  });
});

describe('map and SASL types', () => {
  it('know the built-in types and the Debian plugins, with the package to install', () => {
    assert.equal(getMapType('hash')?.origin, 'builtin');
    assert.equal(getMapType('regexp')?.origin, 'builtin');
    assert.equal(getMapType('lmdb')?.debianPackage, 'postfix-lmdb');
    assert.equal(getMapType('pcre')?.debianPackage, 'postfix-pcre');
    assert.equal(getMapType('mysql')?.origin, 'plugin');
    assert.equal(getMapType('hashh'), undefined);
    assert.ok(allMapTypes().every((m) => m.summary.en && m.summary.es));
  });

  it('list cyrus and dovecot for the server and cyrus for the client', () => {
    assert.deepEqual([...saslServerTypes()], ['cyrus', 'dovecot']);
    assert.deepEqual([...saslClientTypes()], ['cyrus']);
  });
});

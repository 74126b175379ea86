// The public API of parameters.ts: what the language service and the CLI rely on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allParameters,
  documentedNonBuiltinParameters,
  getParameter,
  hostDependentParameters,
  isBuiltinParameter,
  postconfDocUrl,
  postfixVersion,
} from '../../../server/src/postfix/parameters';

describe('parameters', () => {
  it('has all 831 built-in parameters of Postfix 3.7.11', () => {
    assert.equal(postfixVersion(), '3.7.11');
    assert.equal([...allParameters()].length, 831);
  });

  it('gives the default exactly as postconf -d prints it', () => {
    assert.equal(getParameter('mydestination')?.defaultValue, '$myhostname, localhost.$mydomain, localhost');
    assert.equal(getParameter('relayhost')?.defaultValue, '');
    assert.equal(getParameter('smtpd_sasl_type')?.defaultValue, 'cyrus');
    assert.equal(getParameter('smtpd_relay_restrictions')?.defaultValue, '${{$compatibility_level} <level {1} ? {} : {permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination}}');
  });

  it('keeps the fields current callers use', () => {
    const p = getParameter('myhostname')!;
    assert.equal(p.name, 'myhostname');
    assert.equal(typeof p.defaultValue, 'string');
    assert.match(p.summary!.en, /fully qualified/);
    assert.match(p.summary!.es!, /nombre completo/);
  });

  it('marks the host-dependent defaults, stored as on host.example.org', () => {
    assert.deepEqual([...hostDependentParameters()], ['mydomain', 'myhostname', 'mynetworks', 'process_id']);
    assert.equal(getParameter('myhostname')?.hostDependent, true);
    assert.equal(getParameter('myhostname')?.defaultValue, 'host.example.org');
    assert.equal(getParameter('mydomain')?.defaultValue, 'example.org');
    assert.equal(getParameter('myorigin')?.hostDependent, undefined);
  });

  it('knows the release that introduced a parameter, backports included', () => {
    assert.equal(getParameter('smtpd_relay_restrictions')?.since, '2.10');
    assert.equal(getParameter('compatibility_level')?.since, '3.0');
    assert.equal(getParameter('smtpd_forbid_unauth_pipelining')?.since, '3.9');
    assert.ok(getParameter('smtpd_forbid_unauth_pipelining')?.sinceBackports?.includes('3.7.6'));
    assert.equal(getParameter('myhostname')?.since, undefined);
    const withVersion = [...allParameters()].filter((p) => p.since).length;
    assert.ok(withVersion > 500, `${withVersion} parameters with a version`);
  });

  it('answers undefined for unknown names and for names only inherited from Object', () => {
    assert.equal(getParameter('myhostnam'), undefined);
    assert.equal(getParameter('constructor'), undefined);
    assert.equal(getParameter('__proto__'), undefined);
    assert.equal(isBuiltinParameter('toString'), false);
    assert.equal(isBuiltinParameter('myhostname'), true);
  });

  it('lists the documented old names that are not built in', () => {
    const legacy = documentedNonBuiltinParameters();
    assert.ok(legacy.includes('virtual_maps') && legacy.includes('postscreen_blacklist_action'));
    assert.ok(legacy.every((n) => !isBuiltinParameter(n)));
  });

  it('links to the postconf(5) anchor', () => {
    assert.equal(postconfDocUrl('mynetworks'), 'https://www.postfix.org/postconf.5.html#mynetworks');
  });
});

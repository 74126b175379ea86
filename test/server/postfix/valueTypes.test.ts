// Value types: every value of the lab's main.cf and master.cf -o options must be valid for its
// parameter's type, typical mistakes must not be, and derivation from defaults must be sane.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMainCf } from '../../../server/src/parsers/maincf';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';
import { allParameters, getParameter, isBuiltinParameter } from '../../../server/src/postfix/parameters';
import { CURATED_TYPES } from '../../../server/src/postfix/valueTypeTable';
import { splitListValue, valueProblem, type ValueType } from '../../../server/src/postfix/valueTypes';

const LAB = join(__dirname, '../../../examples/lab');
const typeOf = (name: string): ValueType => getParameter(name)!.type;

describe('value types', () => {
  it('accept every value the lab main.cf gives a built-in parameter', () => {
    const entries = parseMainCf(readFileSync(join(LAB, 'main.cf'), 'utf8')).entries.filter((e) => isBuiltinParameter(e.name));
    assert.ok(entries.length >= 30, `only ${entries.length} lab entries`);
    const problems = entries.map((e) => [e.name, valueProblem(typeOf(e.name), e.value)]).filter(([, p]) => p);
    assert.deepEqual(problems, []);
  });

  it('accept every -o value in the lab master.cf', () => {
    const options = parseMasterCf(readFileSync(join(LAB, 'master.cf'), 'utf8')).entries.flatMap((e) => e.options);
    assert.ok(options.length >= 3);
    for (const o of options) {
      assert.ok(o.name && isBuiltinParameter(o.name), `${o.name} is a built-in`);
      assert.equal(valueProblem(typeOf(o.name!), o.value ?? ''), undefined, `${o.name}=${o.value}`);
    }
  });

  it('give the lab parameters the types a user expects', () => {
    assert.deepEqual(typeOf('smtpd_sasl_auth_enable'), { kind: 'boolean' });
    assert.deepEqual(typeOf('smtpd_tls_wrappermode'), { kind: 'boolean' });
    assert.deepEqual(typeOf('message_size_limit'), { kind: 'size' });
    assert.deepEqual(typeOf('mailbox_size_limit'), { kind: 'size' });
    assert.deepEqual(typeOf('smtpd_relay_restrictions'), { kind: 'restrictions', list: 'relay' });
    assert.deepEqual(typeOf('smtpd_recipient_restrictions'), { kind: 'restrictions', list: 'recipient' });
    assert.deepEqual(typeOf('smtpd_etrn_restrictions'), { kind: 'restrictions', list: 'etrn' });
    assert.deepEqual(typeOf('alias_maps'), { kind: 'lookupTables' });
    assert.deepEqual(typeOf('header_checks'), { kind: 'lookupTables' });
    assert.deepEqual(typeOf('maximal_queue_lifetime'), { kind: 'time', defaultUnit: 'd', max: 8640000 });
    assert.deepEqual(typeOf('smtpd_timeout'), { kind: 'time', defaultUnit: 's', min: 1 });
    assert.equal(typeOf('smtpd_tls_security_level').kind, 'enum');
    assert.equal(typeOf('inet_protocols').kind, 'enum');
  });

  it('derive booleans and integers from compatibility-dependent defaults', () => {
    assert.deepEqual(typeOf('smtputf8_enable'), { kind: 'boolean' });
    assert.deepEqual(typeOf('append_dot_mydomain'), { kind: 'boolean' });
    assert.equal(typeOf('smtpd_hard_error_limit').kind, 'integer');
  });

  it('follow a default that copies another parameter', () => {
    assert.deepEqual(typeOf('smtpd_tls_key_file'), typeOf('smtpd_tls_cert_file'));
    assert.deepEqual(typeOf('postscreen_tls_security_level'), typeOf('smtpd_tls_security_level'));
  });

  it('let lmtp_* parameters share the type of their smtp_* twin', () => {
    assert.deepEqual(typeOf('lmtp_tls_security_level'), typeOf('smtp_tls_security_level'));
    assert.deepEqual(typeOf('lmtp_sasl_security_options'), typeOf('smtp_sasl_security_options'));
  });

  it('refuse the typical mistakes', () => {
    assert.match(valueProblem(typeOf('smtpd_sasl_auth_enable'), 'true')!, /yes or no/);
    assert.match(valueProblem(typeOf('maximal_queue_lifetime'), '5x')!, /time/);
    assert.match(valueProblem(typeOf('message_size_limit'), '20M')!, /bytes/);
    assert.match(valueProblem(typeOf('smtpd_tls_security_level'), 'dane')!, /not one of/);
    assert.match(valueProblem(typeOf('inet_protocols'), 'ipv4, ipv5')!, /ipv5/);
    assert.match(valueProblem(typeOf('alias_maps'), '/etc/aliases')!, /type:table/);
    assert.match(valueProblem(typeOf('delay_logging_resolution_limit'), '7')!, /at most 6/);
  });

  it('read values the way Postfix parses them: case, units, signs', () => {
    // name_code() and the boolean reader ignore case; name_mask() and syslog facilities do not.
    assert.equal(valueProblem(typeOf('smtpd_tls_ciphers'), 'HIGH'), undefined);
    assert.equal(valueProblem(typeOf('smtpd_tls_security_level'), 'May'), undefined);
    assert.equal(valueProblem(typeOf('smtpd_sasl_auth_enable'), 'YES'), undefined);
    assert.match(valueProblem(typeOf('inet_protocols'), 'IPv4')!, /IPv4/);
    assert.match(valueProblem(typeOf('syslog_facility'), 'MAIL')!, /MAIL/);
    assert.equal(valueProblem(typeOf('syslog_facility'), 'kern'), undefined);
    // conv_time() looks only at the first character after the number.
    assert.equal(valueProblem(typeOf('smtpd_timeout'), '300sec'), undefined);
    assert.equal(valueProblem(typeOf('maximal_queue_lifetime'), '2days'), undefined);
    assert.match(valueProblem(typeOf('smtpd_timeout'), '30 s')!, /time/);
    assert.match(valueProblem(typeOf('smtpd_timeout'), '-5s')!, /time/);
    assert.equal(valueProblem(typeOf('smtpd_hard_error_limit'), '+20'), undefined);
  });

  it('take every name the tables of Postfix take', () => {
    assert.equal(valueProblem(typeOf('smtpd_sasl_security_options'), 'noanonymous, forward_secrecy'), undefined);
    assert.equal(valueProblem(typeOf('milter_protocol'), '6 no_header_reply'), undefined);
    assert.match(valueProblem(typeOf('milter_protocol'), '5')!, /"5"/);
  });

  it('apply only the bounds Postfix itself enforces', () => {
    // smtpd reads it as a plain number: 554 and 450 alike.
    assert.equal(valueProblem(typeOf('unknown_local_recipient_reject_code'), '554'), undefined);
    assert.equal(valueProblem(typeOf('smtpd_tls_loglevel'), '9'), undefined);
    assert.equal(valueProblem(typeOf('smtpd_tls_fingerprint_digest'), 'sha224'), undefined);
    assert.equal(valueProblem(typeOf('smtpd_client_connection_rate_limit'), '-1'), undefined);
    assert.match(valueProblem(typeOf('virtual_minimum_uid'), '0')!, /at least 1/);
    assert.equal(valueProblem(typeOf('virtual_minimum_uid'), '100'), undefined);
    assert.match(valueProblem(typeOf('maximal_queue_lifetime'), '101d')!, /at most 8640000/);
    assert.equal(valueProblem(typeOf('maximal_queue_lifetime'), '100d'), undefined);
  });

  it('leave values with $references to be judged after expansion', () => {
    assert.equal(valueProblem(typeOf('smtpd_sasl_auth_enable'), '$other'), undefined);
  });

  it('type every built-in parameter, and at most a minority as plain text', () => {
    const all = [...allParameters()];
    assert.ok(all.every((p) => p.type && p.type.kind));
    const untyped = all.filter((p) => p.type.kind === 'string' && !('format' in p.type && p.type.format)).length;
    assert.ok(untyped < all.length / 3, `${untyped} of ${all.length} are untyped text`);
  });

  it('curate only real built-in parameters, with defaults valid for their own type', () => {
    for (const name of Object.keys(CURATED_TYPES)) {
      const p = getParameter(name);
      assert.ok(p, `${name} is curated but not a Postfix 3.7 parameter`);
      if (!p.defaultValue.includes('$')) assert.equal(valueProblem(p.type, p.defaultValue), undefined, `${name} default ${p.defaultValue}`);
    }
  });

  it('split list values on commas and Postfix blanks, keeping braces together', () => {
    assert.deepEqual(splitListValue('permit_mynetworks,\n  reject_rbl_client zen.spamhaus.org'), ['permit_mynetworks', 'reject_rbl_client', 'zen.spamhaus.org']);
    assert.deepEqual(splitListValue('inline:{ a=b, c=d }, hash:/x'), ['inline:{ a=b, c=d }', 'hash:/x']);
    // The editor's list tokens and these are one rule: a no-break space is no blank to Postfix.
    assert.deepEqual(splitListValue('mail1.org\u00a0mail2.org,\vlocalhost'), ['mail1.org\u00a0mail2.org', 'localhost']);
  });
});

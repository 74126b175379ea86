// Each master.cf diagnostic: a fixture that shows it and a close one that must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, masterDiagnostics, only } from '../maincf/helpers';

const has = (master: string, code: string, main?: string) => only(masterDiagnostics(master, main), code);
const SMTPD = 'smtp      inet  n       -       y       -       -       smtpd\n';

describe('master.cf diagnostics', () => {
  it('field count', () => {
    assert.deepEqual(codes(masterDiagnostics('smtp inet n - y - smtpd\n')), ['syntax/field-count']);
    assert.deepEqual(masterDiagnostics(SMTPD), []);
  });
  // postconf -M and smtpd stop on these ("macro processing error"), as they do in main.cf.
  it('an -o value with a broken $name, except in the expansion filters', () => {
    const [d] = has(`${SMTPD}  -o smtpd_banner=x$%y\n`, 'syntax/empty-reference');
    assert.deepEqual(d.range, { start: { line: 1, character: 19 }, end: { line: 1, character: 20 } });
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(has(`${SMTPD}  -o smtpd_banner=x\${y\n`, 'syntax/truncated-reference').length, 1);
    assert.deepEqual(masterDiagnostics(`${SMTPD}  -o smtpd_expansion_filter=ab$%c\n`), []);
    const [es] = only(masterDiagnostics(`${SMTPD}  -o smtpd_banner=x$%y\n`, undefined, 'es'), 'syntax/empty-reference');
    assert.match(String(es.message), /\$/);
    assert.notEqual(String(es.message), String(d.message));
  });
  it('service type, with a near match', () => {
    const [d] = has('smtp inett n - y - - smtpd\n', 'invalid-service-type');
    assert.match(String(d.message), /'inett'.*Did you mean 'inet'/);
    assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 10 } });
    assert.deepEqual(has('postlog unix-dgram n - n - 1 postlogd\n', 'invalid-service-type'), []);
  });
  it('private, unpriv and chroot flags', () => {
    assert.equal(has('smtp inet x - yes - - smtpd\n', 'invalid-flag').length, 2);
    assert.deepEqual(has('smtp inet n - y - - smtpd\n', 'invalid-flag'), []);
  });
  it('wakeup and maxproc', () => {
    assert.equal(has('pickup unix n - y soon 1 pickup\n', 'invalid-wakeup').length, 1);
    assert.deepEqual(has('tlsmgr unix - - y 1000? 1 tlsmgr\n', 'invalid-wakeup'), []);
    assert.equal(has('pickup unix n - y 60 many pickup\n', 'invalid-maxproc').length, 1);
    assert.deepEqual(has('pickup unix n - y 60 - pickup\n', 'invalid-maxproc'), []);
  });
  it('duplicate service, pointing at the first: a warning, since master uses the later entry and starts', () => {
    const [d] = has(SMTPD + 'pickup unix n - y 60 1 pickup\n' + SMTPD, 'duplicate-service');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(String(d.message), /smtp\/inet .*line 1.*the later entry/);
    assert.doesNotMatch(String(d.message), /refuses/);
    const [es] = only(masterDiagnostics(SMTPD + SMTPD, undefined, 'es'), 'duplicate-service');
    assert.match(String(es.message), /smtp\/inet .*línea 1/);
    assert.equal(es.relatedInformation?.[0].message, 'definición anterior de smtp/inet');
    assert.equal(d.range.start.line, 2);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
    assert.deepEqual(has(SMTPD + 'smtp unix - - y - - smtp\n', 'duplicate-service'), []);
  });
  it('unknown command, and a command on the wrong service type', () => {
    const [d] = has('smtp inet n - y - - smtpdd\n', 'unknown-command');
    assert.match(String(d.message), /Did you mean 'smtpd'/);
    assert.deepEqual(has('policy unix - n n - 0 spawn user=nobody argv=/usr/bin/policy\n', 'unknown-command'), []);
    assert.equal(has('pickup inet n - y 60 1 pickup\n', 'service-type-mismatch').length, 1);
  });
  it('-o with an unknown parameter, by postconf rules', () => {
    const [d] = has(SMTPD + '  -o smtpd_sasl_auth_enabled=yes\n', 'unknown-parameter');
    assert.match(String(d.message), /Did you mean 'smtpd_sasl_auth_enable'/);
    assert.deepEqual(d.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 28 } });
    assert.deepEqual(has(SMTPD + '  -o smtpd_sasl_auth_enable=no\n  -o { smtpd_client_restrictions = permit_mynetworks, reject }\n', 'unknown-parameter'), []);
  });
  it('-o with a $reference main.cf does not define', () => {
    const master = SMTPD + '  -o smtpd_recipient_restrictions=$port25_recipient_restriction\n';
    const [d] = has(master, 'undefined-reference', 'port25_recipient_restrictions = reject_unauth_destination\n');
    assert.match(String(d.message), /Did you mean 'port25_recipient_restrictions'/);
    assert.deepEqual(has(master, 'undefined-reference', 'port25_recipient_restriction = reject_unauth_destination\n'), []);
  });
  it('-o values are checked by type, and deprecated ones get their replacement', () => {
    assert.equal(has(SMTPD + '  -o smtpd_sasl_auth_enable=true\n', 'invalid-value').length, 1);
    const [d] = has(SMTPD + '  -o smtpd_use_tls=yes\n', 'deprecated-parameter');
    assert.equal((d.data as any).replaceSetting.text, 'smtpd_tls_security_level=may');
    const [drop] = has(SMTPD + '  -o smtpd_tls_dh1024_param_file=/etc/dh.pem\n', 'deprecated-parameter');
    assert.deepEqual((drop.data as any).remove.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 44 } });
  });
  it('wrapper mode on port 25, not on 465', () => {
    assert.equal(has(SMTPD + '  -o smtpd_tls_wrappermode=yes\n', 'tls-wrappermode-port-25').length, 1);
    assert.deepEqual(has('urd inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n', 'tls-wrappermode-port-25'), []);
  });
  it('a service whose overrides leave no relay control will not start', () => {
    const main = 'smtpd_relay_restrictions =\nsmtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n';
    const [d] = has(SMTPD + '  -o smtpd_recipient_restrictions=permit_mynetworks\n', 'smtpd-will-not-start', main);
    assert.match(String(d.message), /The smtp SMTP server will not start.*reject_unauth_destination to smtpd_recipient_restrictions/);
    assert.deepEqual(has(SMTPD + '  -o smtpd_recipient_restrictions=permit_mynetworks\n', 'open-relay', main), []);
    assert.deepEqual(has(SMTPD + '  -o smtpd_recipient_restrictions=permit_mynetworks,reject_unauth_destination\n', 'smtpd-will-not-start', main), []);
  });
  it('open relay in a service override', () => {
    const main = 'mynetworks = 0.0.0.0/0\nsmtpd_relay_restrictions =\nsmtpd_recipient_restrictions = reject_unauth_destination\n';
    const [d] = has(SMTPD + '  -o smtpd_recipient_restrictions=permit_mynetworks,reject_unauth_destination\n', 'open-relay', main);
    // The strangers are inside mynetworks: that is what the finding says, not "a client outside mynetworks".
    assert.match(String(d.message), /^Open relay: on smtp, permit_mynetworks lets every client relay: mynetworks includes 0\.0\.0\.0\/0/);
    assert.equal(d.range.start.line, 1);
    assert.deepEqual(has(SMTPD + '  -o smtpd_recipient_restrictions=reject_unauth_destination\n', 'open-relay', main), []);
    // The service's own mynetworks is where the finding goes.
    const own = has(SMTPD + '  -o smtpd_recipient_restrictions=permit_mynetworks,reject_unauth_destination\n  -o mynetworks=0.0.0.0/0\n', 'open-relay', 'mynetworks = 127.0.0.0/8\n');
    assert.deepEqual(own.map((x) => x.range.start.line), [2]);
  });
  it('-o name=$name refers to itself: postconf and smtpd stop with unreasonable macro call nesting', () => {
    const main = 'smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n';
    const [d] = has(SMTPD + '  -o smtpd_recipient_restrictions=$smtpd_recipient_restrictions\n', 'reference-loop', main);
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 1);
    assert.match(String(d.message), /-o smtpd_recipient_restrictions=\$smtpd_recipient_restrictions refers to the service's own setting.*unreasonable macro call nesting.*my_smtpd_recipient_restrictions/);
    const ok = 'my_rcpt = permit_mynetworks, reject_unauth_destination\n' + main;
    assert.deepEqual(has(SMTPD + '  -o smtpd_recipient_restrictions=$my_rcpt\n', 'reference-loop', ok), []);
    assert.deepEqual(has(SMTPD + '  -o syslog_name=postfix/$service_name\n', 'reference-loop', main), []);
  });
});

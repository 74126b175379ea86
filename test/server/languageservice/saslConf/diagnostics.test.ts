import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { saslConfService } from '../../../../server/src/languageservice/saslConf';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const ctx = (locale: 'en' | 'es' = 'en'): ServiceContext => ({ locale, workspace: { readText: () => undefined } });
const doc = (text: string) => TextDocument.create('file:///lab/postfix/sasl/smtpd.conf', 'cyrus-sasl', 1, text);
const codes = (text: string) => saslConfService.diagnostics(doc(text), ctx()).map((d) => [d.code, d.range.start.line]);

describe('Cyrus smtpd.conf language service', () => {
  it("accepts the lesson's file", () => {
    assert.deepEqual(codes('pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n'), []);
  });

  it('reports what libsasl refuses as errors, in both languages', () => {
    const ds = saslConfService.diagnostics(doc('pwcheck_method = saslauthd\nmech_list:\n'), ctx('es'));
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.range.start.line]), [['saslconf/missing-colon', 1, 0], ['saslconf/missing-value', 1, 1]]);
    assert.match(String(ds[1].message), /'mech_list' no tiene valor/);
  });

  it('suggests the option meant, warns about repeats and values outside the known words', () => {
    const ds = saslConfService.diagnostics(doc('pwcheck_methd: saslauthd\nmech_list: PLAIN LOGN\nmech_list: PLAIN\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['saslconf/unknown-option', 0], ['saslconf/bad-value', 1], ['saslconf/duplicate-option', 2]]);
    assert.match(String(ds[0].message), /Did you mean 'pwcheck_method'/);
    const fix = saslConfService.codeActions!(doc('pwcheck_methd: x\n'), ds[0].range, [ds[0]], ctx());
    assert.equal(fix[0].edit!.changes!['file:///lab/postfix/sasl/smtpd.conf'][0].newText, 'pwcheck_method');
  });

  it('reads switches and numbers as libsasl does: any integer, and on only for 1, y, t or on in lowercase', () => {
    const text = 'log_level: 10\nsql_usessl: true\nntlm_v2: on\nauto_transition: noplain\nad_compat: No\nreauth_timeout: 30\nsasldb_mapsize: 1048576\n';
    assert.deepEqual(codes(text), []);
    const ds = saslConfService.diagnostics(doc('log_level: debug\nsql_usessl: Yes\nntlm_v2: enabled\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['saslconf/bad-value', 0], ['saslconf/bad-value', 1], ['saslconf/bad-value', 2]]);
    assert.match(String(ds[0].message), /'debug' is not a number; libsasl reads it as 0/);
    assert.match(String(ds[1].message), /libsasl reads 'Yes' as off: sql_usessl is on only/);
  });

  it('knows the options of libsasl 2.1.28 that the howtos use less', () => {
    assert.deepEqual(codes('sql_statement: SELECT 1\nclient_mech_list: PLAIN\nsasldb_maxreaders: 126\n'), []);
  });

  it('says where words of saslauthd, SASL 1 and the sql plugin belong, in the chosen language', () => {
    const ds = saslConfService.diagnostics(doc('pwcheck_method: sasldb\nauxprop_plugin: mysql\nldap_servers: ldap://x\nmech_list: PLAIN\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['saslconf/bad-value', 0], ['saslconf/bad-value', 1], ['saslconf/unknown-option', 2]]);
    assert.match(String(ds[0].message), /'pwcheck_method: auxprop' and 'auxprop_plugin: sasldb'/);
    assert.match(String(ds[1].message), /'auxprop_plugin: sql' and 'sql_engine: mysql'/);
    assert.match(String(ds[2].message), /\/etc\/saslauthd.conf/);
    assert.doesNotMatch(String(ds[2].message), /Did you mean/);
    const es = saslConfService.diagnostics(doc('pwcheck_method: pam\nauxprop_plugin: rimap\n'), ctx('es')).map((d) => String(d.message));
    assert.match(es[0], /'pam' es un mecanismo de saslauthd, no un valor de pwcheck_method/);
    assert.match(es[1], /'rimap' es un mecanismo de saslauthd, no un valor de auxprop_plugin.*-a rimap/);
  });

  it('completes options and their values, and explains them on hover', () => {
    const names = saslConfService.completion!(doc('pw'), { line: 0, character: 2 }, ctx()).map((c) => c.label);
    assert.ok(names.includes('pwcheck_method') && names.includes('sql_engine'));
    const values = saslConfService.completion!(doc('pwcheck_method: '), { line: 0, character: 16 }, ctx()).map((c) => c.label);
    assert.ok(values.includes('saslauthd'));
    const hover = saslConfService.hover!(doc('mech_list: PLAIN\n'), { line: 0, character: 3 }, ctx('es'));
    assert.match(JSON.stringify(hover), /mecanismos/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSaslConf } from '../../../server/src/parsers/saslConf';

describe('Cyrus SASL application configuration parser', () => {
  it("reads the lesson's smtpd.conf with exact ranges", () => {
    const tree = parseSaslConf('pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.options.map((o) => [o.key, o.value]), [['pwcheck_method', 'saslauthd'], ['mech_list', 'PLAIN LOGIN']]);
    assert.deepEqual(tree.options[1].valueRange, { start: { line: 1, character: 11 }, end: { line: 1, character: 22 } });
    assert.deepEqual(tree.options[1].keyRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  });

  it('lower-cases keys, skips comments and indentation, trims the value', () => {
    const tree = parseSaslConf('  # comment\n\tMech_List:   plain  \n');
    assert.equal(tree.comments.length, 1);
    assert.equal(tree.options[0].key, 'mech_list');
    assert.equal(tree.options[0].value, 'plain');
    assert.deepEqual(tree.options[0].valueRange, { start: { line: 1, character: 14 }, end: { line: 1, character: 19 } });
  });

  it("refuses what libsasl refuses: a blank before ':', '=', a missing value", () => {
    const tree = parseSaslConf('pwcheck_method : saslauthd\nmech_list=PLAIN\nlog_level:\n');
    assert.deepEqual(tree.errors.map((e) => [e.code, e.range.start.line]), [['missing-colon', 0], ['missing-colon', 1], ['missing-value', 2]]);
    assert.deepEqual(tree.errors[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
  });

  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '#', '\n', '\r', '\t', '-', 'é', 'X') }), (text) => {
        const lines = text.split(/\r\n|\r|\n/);
        const tree = parseSaslConf(text);
        for (const r of [...tree.options.map((o) => o.range), ...tree.errors.map((e) => e.range)]) {
          assert.ok(r.start.line < lines.length && r.end.character <= lines[r.end.line].length);
          assert.ok(r.start.character <= r.end.character);
        }
      }),
    );
  });
});

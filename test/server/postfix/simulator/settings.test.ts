// Origins of settings (server/src/postfix/simulator/settings.ts): located only when read, once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { originIn, type Setting } from '../../../../server/src/postfix/simulator/settings';

function countingSetting(): { setting: Setting; calls: () => number } {
  let calls = 0;
  const setting: Setting = {
    name: 'smtpd_relay_restrictions',
    value: 'permit_mynetworks, reject_unauth_destination',
    file: '/etc/postfix/main.cf',
    locate: (start, end) => {
      calls++;
      return { start: { line: 6, character: 27 + start }, end: { line: 6, character: 27 + end } };
    },
  };
  return { setting, calls: () => calls };
}

describe('originIn', () => {
  it('does not locate a word until its line or range is read, then locates it once', () => {
    const { setting, calls } = countingSetting();
    const origin = originIn('smtpd_relay_restrictions', setting, 19, 44);
    assert.deepEqual([origin.parameter, origin.file, calls()], ['smtpd_relay_restrictions', '/etc/postfix/main.cf', 0]);
    assert.equal(origin.line, 7);
    assert.deepEqual(origin.range, { start: { line: 6, character: 46 }, end: { line: 6, character: 71 } });
    assert.equal(calls(), 1);
  });

  it('gives only the parameter for a built-in default, which has no setting to locate', () => {
    assert.deepEqual(originIn('smtpd_relay_restrictions', undefined, 0, 0), { parameter: 'smtpd_relay_restrictions' });
  });

  it('gives the located fields to a copy and to JSON, as a plain object would', () => {
    const origin = originIn('smtpd_relay_restrictions', countingSetting().setting, 0, 17);
    assert.deepEqual({ ...origin }.line, 7);
    assert.equal(JSON.parse(JSON.stringify(origin)).range.end.character, 44);
  });
});

// The relay lint's two questions to the simulator: may strangers relay (probeRelay), and does
// smtpd_relay_restrictions on its own let them through (probeRelayList, asked apart because only
// a set relay list on a server that is not open needs its answer).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeRelay, probeRelayList } from '../../../../server/src/postfix/simulator';

const config = (mainCf: string) => ({ mainCf, postfixVersion: '3.7' });

describe('relay probe', () => {
  it('a bare permit in the relay list, hidden by a recipient list that refuses first: not open, found by the relay-list question', () => {
    const main = 'smtpd_relay_before_recipient_restrictions = no\nsmtpd_recipient_restrictions = reject_unauth_destination\nsmtpd_relay_restrictions = permit_mynetworks, permit\n';
    assert.deepEqual(probeRelay(config(main)), {});
    const list = probeRelayList(config(main));
    assert.equal(list.startFailure, undefined);
    assert.deepEqual([list.permittedBy?.restriction, list.permittedBy?.list], ['permit', 'smtpd_relay_restrictions']);
  });

  it('an open server, and one whose relay list refuses strangers', () => {
    const open = probeRelay(config('mynetworks = 0.0.0.0/0 [::]/0\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n'));
    assert.equal(open.open?.permittedBy?.restriction, 'permit_mynetworks');
    assert.deepEqual(probeRelayList(config('smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination, permit\n')), { startFailure: undefined, permittedBy: undefined });
  });

  it('both questions meet smtpd\'s start-up refusal when no list can refuse relaying', () => {
    const main = 'smtpd_relay_restrictions = permit_mynetworks\nsmtpd_recipient_restrictions = permit_mynetworks\n';
    assert.match(probeRelay(config(main)).startFailure ?? '', /specify at least one working instance of: reject_unauth_destination/);
    assert.match(probeRelayList(config(main)).startFailure ?? '', /specify at least one working instance of: reject_unauth_destination/);
  });
});

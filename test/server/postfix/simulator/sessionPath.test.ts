// The path a session takes, as views draw it: on the lab's vm25 session to mail2.org the relay list
// decides (454 4.7.1, defer_unauth_destination) before the port's own recipient list, which is
// drawn after it, not reached, with its words at their main.cf lines; the order follows
// smtpd_relay_before_recipient_restrictions, the lists move to their own commands with
// smtpd_delay_reject = no, and accepted recipients get their delivery.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { simulate } from '../../../../server/src/postfix/simulator';
import { sessionPath } from '../../../../server/src/postfix/simulator/sessionPath';
import type { SimulationInput } from '../../../../server/src/postfix/simulator/types';

const LAB = resolve(__dirname, '../../../../examples/lab');
const mainCf = readFileSync(`${LAB}/main.cf`, 'utf8');
const masterCf = readFileSync(`${LAB}/master.cf`, 'utf8');
const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
const VM25: SimulationInput = { mainCf, masterCf, mainCfPath: 'main.cf', masterCfPath: 'master.cf', port: 25, client: { address: '192.168.255.200' }, helo: 'localhost', tls: true, sender: 'usuario@mail1.org', recipients: ['usuario@mail2.org'] };

describe('session path', () => {
  it("draws vm25's relay list deciding before the port's recipient list", () => {
    const path = sessionPath(simulate(VM25));
    assert.deepEqual(path.service, { name: 'smtp', port: 25, file: 'master.cf', line: lineOf(masterCf, /^smtp\s+inet/) });
    const rcpt = path.stages.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.deepEqual(
      rcpt.lists.map((l) => [l.name, l.state]),
      [
        ['smtpd_client_restrictions', 'empty'],
        ['smtpd_helo_restrictions', 'empty'],
        ['smtpd_sender_restrictions', 'empty'],
        ['smtpd_relay_restrictions', 'decided'],
        ['smtpd_recipient_restrictions', 'not reached'],
      ],
    );
    const relay = rcpt.lists[3];
    const decisive = relay.restrictions.filter((r) => r.decisive);
    assert.deepEqual(decisive.map((r) => [r.restriction, r.result, r.file, r.line]), [['defer_unauth_destination', 'defer', 'main.cf', lineOf(mainCf, /^smtpd_relay_restrictions/)]]);
    const recipient = rcpt.lists[4];
    // The list is set by the service's -o in master.cf; its words are main.cf's port25_recipient_restrictions.
    assert.deepEqual([recipient.file, recipient.line], ['master.cf', lineOf(masterCf, /-o smtpd_recipient_restrictions=/)]);
    // (a restriction's argument goes with it)
    assert.deepEqual(
      recipient.restrictions.map((r) => [r.restriction, r.argument, r.result, r.line]),
      [
        ['permit_mynetworks', undefined, 'not reached', lineOf(mainCf, /^port25_recipient_restrictions/)],
        ['reject_unauth_destination', undefined, 'not reached', lineOf(mainCf, /^port25_recipient_restrictions/) + 1],
        ['reject_unknown_client_hostname', undefined, 'not reached', lineOf(mainCf, /^port25_recipient_restrictions/) + 2],
        ['reject_rbl_client', 'zen.spamhaus.org', 'not reached', lineOf(mainCf, /^port25_recipient_restrictions/) + 3],
      ],
    );
    assert.deepEqual(path.recipients, [{ address: 'usuario@mail2.org', accepted: false, deferred: true, reply: rcpt.reply }]);
    assert.deepEqual(path.delivery, []);
  });

  it('puts the recipient list first with smtpd_relay_before_recipient_restrictions = no', () => {
    const path = sessionPath(simulate({ ...VM25, mainCf: `${mainCf}\nsmtpd_relay_before_recipient_restrictions = no\n` }));
    const rcpt = path.stages.find((s) => s.stage === 'rcpt')!;
    assert.deepEqual(rcpt.lists.slice(3).map((l) => l.name), ['smtpd_recipient_restrictions', 'smtpd_relay_restrictions']);
    // reject_unauth_destination in the port's list now decides, with its 554.
    assert.equal(rcpt.lists[3].state, 'decided');
    assert.equal(rcpt.lists[4].state, 'not reached');
  });

  it('runs the client list at the greeting with smtpd_delay_reject = no', () => {
    const path = sessionPath(simulate({ ...VM25, mainCf: `${mainCf}\nsmtpd_delay_reject = no\nsmtpd_client_restrictions = permit_mynetworks\n` }));
    const connect = path.stages.find((s) => s.stage === 'connect')!;
    assert.deepEqual(connect.lists.map((l) => [l.name, l.state]), [['smtpd_client_restrictions', 'passed']]);
    const rcpt = path.stages.find((s) => s.stage === 'rcpt')!;
    assert.deepEqual(rcpt.lists.map((l) => l.name), ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions']);
  });

  it("gives vm587's accepted recipients their delivery, and leaves end-of-data unsimulated", () => {
    const path = sessionPath(simulate({ ...VM25, port: 587, sasl: 'usuario', recipients: ['usuario@mail2.org', 'postmaster@mail1.org'], mainCf: `${mainCf}\nsmtpd_end_of_data_restrictions = reject_unauth_pipelining\n` }));
    const rcpt = path.stages.filter((s) => s.stage === 'rcpt');
    assert.deepEqual(rcpt.map((s) => s.lists.find((l) => l.name === 'smtpd_relay_restrictions')!.state), ['permitted', 'permitted']);
    assert.deepEqual(
      path.delivery.map((d) => [d.recipient, d.addressClass, d.transport, d.nexthop]),
      [
        ['usuario@mail2.org', 'default', 'smtp', 'mail2.org'],
        ['postmaster@mail1.org', 'local', 'local', 'smtp.mail1.org'], // trivial-rewrite's next hop for local is $myhostname
      ],
    );
    const data = path.stages.find((s) => s.stage === 'data')!;
    assert.equal(data.reply.slice(0, 3), '354');
    assert.deepEqual(data.lists.map((l) => [l.name, l.state]), [['smtpd_data_restrictions', 'empty'], ['smtpd_end_of_data_restrictions', 'not simulated']]);
  });
});

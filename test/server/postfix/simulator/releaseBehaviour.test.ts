// The target Postfix release as an input of the simulator: what smtpd_check.c and mail_params.c
// of 3.4/3.5 do differently from 3.6 and later (read in the releases' sources; only 3.7 runs here).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { simulate, SimulationInput } from '../../../../server/src/postfix/simulator';

const LAB = resolve(__dirname, '../../../../examples/lab');
const MAIN = readFileSync(`${LAB}/main.cf`, 'utf8');
const MASTER = readFileSync(`${LAB}/master.cf`, 'utf8');
const AT_LEVEL_2 = MAIN.replace(/^compatibility_level = .*$/m, 'compatibility_level = 2');

// vm25 of the lesson, no reverse name, sending to mail2.org through port 25.
function vm25(mainCf: string, postfixVersion?: string) {
  const input: SimulationInput = { mainCf, masterCf: MASTER, port: 25, client: { address: '192.168.255.200' }, helo: 'localhost', tls: true, sender: 'usuario@mail1.org', recipients: ['usuario@mail2.org'], postfixVersion };
  const r = simulate(input);
  const rcpt = r.steps.find((s) => s.stage === 'rcpt');
  return { fatal: r.fatal, reply: rcpt?.reply.line, decidedBy: rcpt?.decidedBy && `${rcpt.decidedBy.restriction} in ${rcpt.decidedBy.list}` };
}

describe('the target release in the simulator', () => {
  it('3.6 and later run smtpd_relay_restrictions first: the lesson\'s 454 from defer_unauth_destination', () => {
    assert.notEqual(AT_LEVEL_2, MAIN);
    for (const v of [undefined, '3.6', '3.7.11', '3.11']) {
      assert.deepEqual(vm25(MAIN, v), { fatal: undefined, reply: '454 4.7.1 <usuario@mail2.org>: Relay access denied', decidedBy: 'defer_unauth_destination in smtpd_relay_restrictions' }, String(v));
    }
  });

  it('3.4 and 3.5 run smtpd_recipient_restrictions first, whatever smtpd_relay_before_recipient_restrictions says', () => {
    const expected = { fatal: undefined, reply: '554 5.7.1 <usuario@mail2.org>: Relay access denied', decidedBy: 'reject_unauth_destination in smtpd_recipient_restrictions' };
    for (const v of ['3.4', '3.5.27']) assert.deepEqual(vm25(AT_LEVEL_2, v), expected, v);
    assert.deepEqual(vm25(`${AT_LEVEL_2}smtpd_relay_before_recipient_restrictions = yes\n`, '3.5'), expected);
    // At level 2, 3.6+ keep the old order by default, and take the setting.
    assert.equal(vm25(AT_LEVEL_2, '3.7').reply, expected.reply);
    assert.match(vm25(`${AT_LEVEL_2}smtpd_relay_before_recipient_restrictions = yes\n`, '3.7').reply!, /^454 4\.7\.1/);
  });

  it('before 3.6 a compatibility_level such as 3.6 stops every daemon', () => {
    assert.deepEqual(vm25(MAIN, '3.5'), { fatal: 'bad numerical configuration: compatibility_level = 3.6', reply: undefined, decidedBy: undefined });
    assert.equal(vm25(MAIN.replace(/^compatibility_level = .*$/m, 'compatibility_level = 2x'), '3.4').fatal, 'bad numerical configuration: compatibility_level = 2x');
    assert.equal(vm25(MAIN.replace(/^compatibility_level = .*$/m, ''), '3.4').fatal, undefined);
  });
});

// Any configuration text gives an answer or a clear error, never a crash or a hang: seeded
// random main.cf and master.cf made of restriction words, tables, braces, $references and junk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate, SimulationInputError } from '../../../../server/src/postfix/simulator';
import { seededRandom } from '../../../support/seededRandom';

const WORDS = [
  'permit', 'reject', 'defer', 'warn_if_reject', 'defer_if_permit', 'defer_if_reject', 'check_client_access', 'check_sender_access',
  'check_recipient_access', 'check_helo_access', 'inline:{', '}', '{', 'a=OK', 'b=REJECT', '{ c = 550 no }', 'inline:{}', 'texthash:/nonexistent',
  'regexp:/nonexistent', 'reject_unauth_destination', 'permit_mynetworks', 'cls', '$cls', '${cls', '$(x)', '${a?b:c}', 'sleep', 'x', ',', '!', ':',
  'reject_rbl_client', 'check_policy_service', 'unix:private/policy', 'permit_sasl_authenticated', 'reject_sender_login_mismatch', '\\', '#', '=',
];
const PARAMS = ['smtpd_client_restrictions', 'smtpd_helo_restrictions', 'smtpd_sender_restrictions', 'smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'smtpd_data_restrictions', 'smtpd_restriction_classes', 'cls', 'mydestination', 'relay_domains', 'mynetworks', 'smtpd_delay_reject', 'soft_bounce', 'relay_domains_reject_code'];

describe('the session simulator on arbitrary configurations', () => {
  it('answers or refuses cleanly, quickly, for 400 random configurations', () => {
    const rnd = seededRandom(19);
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
    let answered = 0;
    for (let i = 0; i < 400; i++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => `${rnd() < 0.1 ? ' ' : ''}${pick(PARAMS)} = ${Array.from({ length: Math.floor(rnd() * 6) }, () => pick(WORDS)).join(pick([' ', ', ', '\n  ']))}`);
      const masterCf = rnd() < 0.5 ? undefined : `smtp inet n - n - - smtpd\n  -o ${pick(PARAMS)}=${pick(WORDS)}\n${rnd() < 0.3 ? 'broken line\n' : ''}`;
      const start = Date.now();
      try {
        const r = simulate({ mainCf: lines.join('\n'), masterCf, port: 25, client: { address: pick(['192.0.2.1', '::1', 'not-an-ip']) }, helo: pick(['h.example', '', '[1.2.3.4]']), sender: pick(['a@b.example', '', 'x']), recipients: [pick(['c@d.example', 'postmaster', '@', ''])] });
        assert.ok(r.fatal !== undefined || r.steps.length > 0, 'neither steps nor a fatal error');
        answered++;
      } catch (err) {
        assert.ok(err instanceof SimulationInputError, `config ${i} threw ${String(err)}\n${lines.join('\n')}`);
      }
      assert.ok(Date.now() - start < 1000, `config ${i} took ${Date.now() - start} ms`);
    }
    assert.ok(answered > 300, `only ${answered} answered`);
  });
});

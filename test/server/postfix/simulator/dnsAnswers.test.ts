// The simulator with DNS answers given: the restrictions that ask DNS lists or look names up
// decide, with Postfix's default replies, instead of "depends on DNS".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate } from '../../../../server/src/postfix/simulator';
import { dnsAnswersProblems, listing } from '../../../../server/src/postfix/simulator/dnsAnswers';
import type { SimulationInput } from '../../../../server/src/postfix/simulator';

const MAIN = `compatibility_level = 3.6
myhostname = smtp.mail1.org
mydestination = mail1.org, localhost
mynetworks = 127.0.0.0/8
local_recipient_maps =
smtpd_helo_restrictions = reject_unknown_helo_hostname
smtpd_sender_restrictions = reject_unknown_sender_domain, reject_rhsbl_sender dbl.example
smtpd_recipient_restrictions = permit_dnswl_client list.dnswl.example,
                               reject_rbl_client zen.example=127.0.0.[2..11],
                               reject_unauth_destination
`;

function run(over: Partial<SimulationInput>) {
  return simulate({
    mainCf: MAIN,
    client: { address: '192.0.2.9', hostname: 'pc.example.net' },
    helo: 'pc.example.net',
    sender: 'ana@example.net',
    recipients: ['usuario@mail1.org'],
    ...over,
  });
}
const lines = (r: ReturnType<typeof simulate>) => r.steps.map((s) => `${s.stage} ${s.reply.line}`);
const rcpt = (r: ReturnType<typeof simulate>) => r.steps.find((s) => s.stage === 'rcpt')!;

describe('DNS answers given to the simulator', () => {
  it('without them, the DNS restrictions depend on DNS', () => {
    assert.equal(run({}).dependsOnDns, true);
  });

  it('with them, an unlisted client of known names is accepted, and nothing depends on DNS', () => {
    const r = run({ dns: {} });
    assert.equal(r.dependsOnDns, false);
    assert.deepEqual(r.recipients.map((x) => x.accepted), [true]);
    assert.ok(rcpt(r).evaluated.some((e) => e.restriction === 'reject_rbl_client' && e.result === 'dunno' && /not listed/.test(e.detail ?? '')));
  });

  it('a listed client gets the default RBL reply, with the TXT reason, from the list word (its =filter left out)', () => {
    const r = run({ dns: { listed: [{ list: 'zen.example', key: '192.0.2.9', reason: 'see https://zen.example/q?192.0.2.9' }] } });
    assert.equal(rcpt(r).reply.line, '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.example; see https://zen.example/q?192.0.2.9');
    assert.deepEqual([rcpt(r).decidedBy?.restriction, rcpt(r).decidedBy?.line], ['reject_rbl_client', 9]);
    const soft = run({ mainCf: MAIN + 'maps_rbl_reject_code = 450\n', dns: { listed: [{ list: 'ZEN.example.', key: '192.0.2.9' }] } });
    assert.equal(rcpt(soft).reply.line, '450 4.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.example');
  });

  it("a list's =filter must match the address it answers", () => {
    const at = (address?: string) => rcpt(run({ dns: { listed: [{ list: 'zen.example', key: '192.0.2.9', address }] } })).reply.line.slice(0, 3);
    assert.deepEqual([at(), at('127.0.0.11'), at('127.0.0.12'), at('127.0.1.2')], ['554', '554', '250', '250']);
    const listed = (filter: string, address: string) => listing({ listed: [{ list: 'l.example', key: 'k', address }] }, `l.example=${filter}`, 'k') !== undefined;
    assert.equal(listed('127.0.[0;1].[2;4..6]', '127.0.1.5'), true);
    assert.equal(listed('127.0.[0;1].[2;4..6]', '127.0.1.3'), false);
    assert.equal(listed('127.0.0.2', '127.0.0.2'), true);
  });

  it('a DNS whitelist permits before the RBL is asked', () => {
    const r = run({ dns: { listed: [{ list: 'list.dnswl.example', key: '192.0.2.9' }, { list: 'zen.example', key: '192.0.2.9' }] } });
    assert.deepEqual(r.recipients.map((x) => x.accepted), [true]);
    const recipientList = rcpt(r).evaluated.filter((e) => e.list === 'smtpd_recipient_restrictions');
    assert.deepEqual(recipientList.map((e) => `${e.restriction}=${e.result}`), ['permit_dnswl_client=permit']);
  });

  it('an allowlist never lets mail through to a destination that is not ours, in any list evaluated at RCPT', () => {
    const both = { listed: [{ list: 'list.dnswl.example', key: '192.0.2.9' }, { list: 'zen.example', key: '192.0.2.9' }] };
    const foreign = { mainCf: MAIN.replace('reject_unauth_destination', 'permit') + 'mynetworks = 0.0.0.0/0\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n' };
    const r = run({ ...foreign, recipients: ['x@example.org'], dns: both });
    assert.equal(rcpt(r).reply.line, '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.example');
    assert.match(rcpt(r).evaluated.find((e) => e.restriction === 'permit_dnswl_client')?.detail ?? '', /ignored for x@example\.org/);
    // Without the answers the allowlist is still ignored, so nothing about it depends on DNS.
    assert.equal(rcpt(run({ ...foreign, recipients: ['x@example.org'] })).evaluated.find((e) => e.restriction === 'permit_dnswl_client')?.result, 'dunno');
  });

  it('a sender domain listed by an RHSBL, or without records, is refused at RCPT (smtpd_delay_reject)', () => {
    const listed = run({ dns: { listed: [{ list: 'dbl.example', key: 'example.net' }] } });
    assert.equal(rcpt(listed).reply.line, "554 5.7.1 Service unavailable; Sender address [ana@example.net] blocked using dbl.example");
    const missing = run({ dns: { missing: ['example.net'] } });
    assert.equal(rcpt(missing).reply.line, '450 4.1.8 <ana@example.net>: Sender address rejected: Domain not found');
  });

  it('a HELO name without records is refused with unknown_hostname_reject_code', () => {
    const r = run({ helo: 'nowhere.example', dns: { missing: ['nowhere.example.'] } });
    assert.equal(rcpt(r).reply.line, '450 4.7.1 <nowhere.example>: Helo command rejected: Host not found');
    assert.deepEqual(lines(run({ helo: 'nowhere.example', dns: { missing: ['nowhere.example'] }, mainCf: MAIN + 'smtpd_delay_reject = no\n' })).slice(1, 2), ['helo 450 4.7.1 <nowhere.example>: Helo command rejected: Host not found']);
  });

  it('says what is wrong with answers read from a file', () => {
    assert.deepEqual(dnsAnswersProblems({ listed: [{ list: 'zen.example', key: '192.0.2.9' }], missing: ['a.example'] }), []);
    assert.equal(dnsAnswersProblems([]).length, 1);
    assert.deepEqual(dnsAnswersProblems({ listd: [] }), ['unknown key "listd" in the DNS answers']);
    assert.equal(dnsAnswersProblems({ listed: [{ list: 'zen.example' }], missing: 'a.example' }).length, 2);
  });
});

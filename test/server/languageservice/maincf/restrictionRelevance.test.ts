// Restriction completion: the lesson's restrictions for the list first, each with its one line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { rankedNames } from '../../../../server/src/languageservice/maincf/restrictionRelevance';
import { getRestriction } from '../../../../server/src/postfix/restrictions';
import { pair } from './helpers';

const offered = (line: string, locale: 'en' | 'es' = 'en') => {
  const p = pair(`${line}\n`, undefined, locale);
  const items = mainCfService.completion!(p.mainDoc, { line: 0, character: line.length }, p.ctx);
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
};

describe('restriction completion', () => {
  it("offers the lesson's recipient restrictions first, in the lesson's order", () => {
    assert.deepEqual(offered('smtpd_recipient_restrictions = ').slice(0, 6).map((i) => i.label), [
      'permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'reject_unknown_client_hostname', 'reject_rbl_client', 'reject',
    ]);
  });

  it('orders by the list being edited: HELO checks first in smtpd_helo_restrictions', () => {
    const helo = offered('smtpd_helo_restrictions = ').map((i) => i.label);
    assert.ok(helo.indexOf('reject_invalid_helo_hostname') < helo.indexOf('reject_unauth_destination'));
    assert.ok(helo.indexOf('reject_non_fqdn_helo_hostname') < helo.indexOf('check_sender_access'));
  });

  it('explains each restriction in one line, reject_unauth_destination included, in the display language', () => {
    const items = offered('smtpd_recipient_restrictions = ');
    const doc = (name: string, list = items) => String((list.find((i) => i.label === name)?.documentation as { value: string }).value);
    assert.match(doc('reject_unauth_destination'), /^Reject mail to domains that are neither ours nor relay_domains/);
    for (const i of items) assert.ok(!String((i.documentation as { value: string }).value).startsWith('['), `${i.label} has its line`);
    assert.match(doc('reject_unauth_destination', offered('smtpd_recipient_restrictions = ', 'es')), /^Rechaza/);
  });

  it('ranks only names that are real restrictions', () => {
    for (const name of rankedNames()) assert.ok(getRestriction(name), name);
  });
});

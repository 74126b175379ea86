// Restriction facts: which list accepts which restriction, and the consistency of the table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDeprecation } from '../../../server/src/postfix/deprecated';
import { releaseDeprecation } from '../../../server/src/postfix/releaseFacts';
import { isBuiltinParameter } from '../../../server/src/postfix/parameters';
import {
  allRestrictions,
  getRestriction,
  isAcceptedIn,
  needsDelayedReject,
  RESTRICTION_LISTS,
  restrictionListParameter,
  restrictionsAcceptedIn,
} from '../../../server/src/postfix/restrictions';

const r = (name: string) => {
  const found = getRestriction(name);
  assert.ok(found, `${name} is known`);
  return found;
};

describe('restrictions', () => {
  it('name a real parameter for every restriction list', () => {
    assert.equal(RESTRICTION_LISTS.length, 8);
    for (const list of RESTRICTION_LISTS) assert.ok(isBuiltinParameter(restrictionListParameter(list)), restrictionListParameter(list));
  });

  it('know every restriction the lesson uses', () => {
    for (const name of ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'defer_unauth_destination', 'reject_unknown_client_hostname', 'reject_rbl_client', 'reject']) r(name);
  });

  it('know every name smtpd_check.c accepts, documented or not, in any case (it compares with strcasecmp)', () => {
    assert.equal(r('reject_unknown_address').stage, 'sender');
    assert.equal(r('reject_rbl').oldNameOf, 'reject_rbl_client');
    assert.equal(r('reject_rbl').argument, 'dnsDomain');
    assert.equal(r('Permit_MyNetworks').name, 'permit_mynetworks');
    assert.equal(getRestriction('reject_unknown_adress'), undefined);
    assert.ok(!restrictionsAcceptedIn('sender').some((x) => x.name === 'reject_unknown_address'), 'not offered in completion');
  });

  it('accept generic and client restrictions in every list, ETRN included', () => {
    for (const list of RESTRICTION_LISTS) {
      assert.ok(isAcceptedIn(r('reject'), list));
      assert.ok(isAcceptedIn(r('permit_mynetworks'), list));
    }
  });

  it('refuse recipient and sender checks in the ETRN list, and ETRN checks elsewhere', () => {
    assert.equal(isAcceptedIn(r('reject_unauth_destination'), 'etrn'), false);
    assert.equal(isAcceptedIn(r('reject_non_fqdn_sender'), 'etrn'), false);
    assert.equal(isAcceptedIn(r('check_etrn_access'), 'recipient'), false);
    assert.ok(isAcceptedIn(r('check_etrn_access'), 'etrn'));
  });

  it('flag recipient checks in the client list as depending on smtpd_delay_reject', () => {
    assert.ok(isAcceptedIn(r('reject_unauth_destination'), 'client'));
    assert.ok(needsDelayedReject(r('reject_unauth_destination'), 'client'));
    assert.equal(needsDelayedReject(r('reject_unauth_destination'), 'recipient'), false);
    assert.equal(needsDelayedReject(r('reject_rbl_client'), 'recipient'), false);
  });

  it('mark the restrictions that satisfy the relay-control requirement and the unconditional ones', () => {
    const relay = allRestrictions().filter((x) => x.relayControl && !releaseDeprecation(x.name)?.removedIn).map((x) => x.name).sort();
    assert.deepEqual(relay, ['defer', 'defer_if_permit', 'defer_unauth_destination', 'reject', 'reject_unauth_destination']);
    assert.equal(r('permit').unconditional, 'permit');
    assert.equal(r('reject').unconditional, 'reject');
    assert.equal(r('permit_mynetworks').unconditional, undefined);
  });

  it('say which take an argument', () => {
    assert.equal(r('reject_rbl_client').argument, 'dnsDomain');
    assert.equal(r('check_client_access').argument, 'table');
    assert.equal(r('check_policy_service').argument, 'service');
    assert.equal(r('permit_mynetworks').argument, undefined);
  });

  it('offer neither old spellings nor removed restrictions for completion', () => {
    const offered = restrictionsAcceptedIn('recipient').map((x) => x.name);
    assert.ok(offered.includes('reject_unauth_destination'));
    assert.ok(!offered.includes('check_recipient_maps') && !offered.includes('check_relay_domains') && !offered.includes('reject_unknown_client'));
  });

  it('point old spellings at a known restriction', () => {
    const names = new Set(allRestrictions().map((x) => x.name));
    assert.equal(names.size, allRestrictions().length, 'no duplicate names');
    for (const x of allRestrictions()) if (x.oldNameOf) assert.ok(names.has(x.oldNameOf), `${x.name} → ${x.oldNameOf}`);
  });

  it('know every restriction a release removes, and offer none of them', () => {
    const removed = allRestrictions().filter((x) => getDeprecation(x.name)?.removedIn).map((x) => x.name).sort();
    assert.deepEqual(removed, ['check_relay_domains', 'permit_naked_ip_address', 'reject_maps_rbl']);
    for (const list of ['client', 'helo', 'sender', 'recipient'] as const) {
      assert.deepEqual(restrictionsAcceptedIn(list).filter((x) => removed.includes(x.name)), [], list);
    }
  });
});

describe('restriction documentation', () => {
  it('summarises every restriction in English and Spanish, old spellings through their new name', () => {
    for (const x of allRestrictions()) {
      assert.ok(x.summary?.en && x.summary.es && x.summary.en !== x.summary.es, x.name);
    }
    assert.deepEqual(r('reject_unknown_client').summary, r('reject_unknown_client_hostname').summary);
    assert.match(r('reject_unknown_client_hostname').summary!.en, /no name/);
  });

  it('carries the lesson notes', () => {
    assert.match(r('reject_rbl_client').note!.es, /zen\.spamhaus\.org/);
    assert.equal(r('check_helo_access').note, undefined);
  });
});

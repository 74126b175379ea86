// The order restriction names are offered in, most relevant to the list being edited first: the
// lab lesson's restrictions for that list, then the ones commonly used there, then the others of
// the list's own SMTP stage, then everything else the list accepts.
import type { RestrictionInfo, RestrictionListName } from '../../postfix/restrictions';

/** What the lesson writes in each list (smtpd_relay/recipient_restrictions, port25's). */
const LESSON: Partial<Record<RestrictionListName, readonly string[]>> = {
  relay: ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'defer_unauth_destination'],
  recipient: ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'reject_unknown_client_hostname', 'reject_rbl_client', 'reject'],
};

/** Restrictions commonly found in each list of working configurations. */
const COMMON: Record<RestrictionListName, readonly string[]> = {
  client: ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_unknown_client_hostname', 'reject_unknown_reverse_client_hostname', 'reject_rbl_client', 'check_client_access', 'reject_unauth_pipelining'],
  helo: ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_invalid_helo_hostname', 'reject_non_fqdn_helo_hostname', 'reject_unknown_helo_hostname', 'check_helo_access'],
  sender: ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_non_fqdn_sender', 'reject_unknown_sender_domain', 'reject_sender_login_mismatch', 'check_sender_access'],
  recipient: ['reject_non_fqdn_recipient', 'reject_unknown_recipient_domain', 'reject_unlisted_recipient', 'check_recipient_access', 'check_policy_service', 'reject_unauth_pipelining'],
  relay: ['reject', 'check_recipient_access', 'check_policy_service'],
  data: ['reject_unauth_pipelining', 'reject_multi_recipient_bounce'],
  end_of_data: ['check_policy_service'],
  etrn: ['permit_mynetworks', 'reject'],
};

/** The list's own stage: its restrictions come before those of other stages. */
const STAGE: Record<RestrictionListName, RestrictionInfo['stage']> = {
  client: 'client',
  helo: 'helo',
  sender: 'sender',
  recipient: 'recipient',
  relay: 'recipient',
  data: 'recipient',
  end_of_data: 'recipient',
  etrn: 'etrn',
};

/** Every name the tables above rank, for the test that each is a real restriction. */
export function rankedNames(): string[] {
  return [...Object.values(LESSON), ...Object.values(COMMON)].flat();
}

/** A sortText that puts the restriction where it belongs for `list`. */
export function restrictionSortText(r: RestrictionInfo, list: RestrictionListName): string {
  const lesson = LESSON[list]?.indexOf(r.name) ?? -1;
  if (lesson >= 0) return `0${String(lesson).padStart(2, '0')}${r.name}`;
  const common = COMMON[list].indexOf(r.name);
  if (common >= 0) return `1${String(common).padStart(2, '0')}${r.name}`;
  return `${r.stage === STAGE[list] ? 2 : 3}99${r.name}`;
}

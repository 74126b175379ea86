// The SMTP access restrictions of Postfix 3.7 and the smtpd_*_restrictions lists that accept each.
// The names are every one smtpd_check.c's generic_checks() compares with (the same 75 in 3.4 to
// 3.11), documented or not: smtpd answers a name it lacks with a server error, so "unknown" must
// mean exactly that.
//
// Every restriction belongs to the SMTP stage whose information it inspects. Postfix accepts it in
// the list of that stage and of any later stage (a client check still works at RCPT TO time). With
// smtpd_delay_reject = yes, the default, all lists are evaluated at RCPT TO, so sender and
// recipient checks placed in the client or HELO list work too; with `no` they cannot, which is why
// such a placement is flagged `needsDelayedReject`. ETRN has no sender or recipient at all.
import { RESTRICTION_NOTES, type Note } from './docs/notes';
import { RESTRICTION_SUMMARIES } from './docs/restrictionSummaries';
import type { RestrictionListName } from './valueTypes';
import { releaseDeprecation } from './releaseFacts';

export type { RestrictionListName };

/** What part of the SMTP conversation a restriction looks at. */
export type RestrictionStage = 'generic' | 'client' | 'helo' | 'sender' | 'recipient' | 'etrn';

/** What follows the restriction name in the list. */
export type RestrictionArgument = 'table' | 'dnsDomain' | 'service' | 'seconds';

export interface RestrictionInfo {
  name: string;
  stage: RestrictionStage;
  argument?: RestrictionArgument;
  /** Ends the evaluation whatever happens: nothing after it in the same list is reached. */
  unconditional?: 'permit' | 'reject' | 'defer';
  /**
   * Counts for Postfix's start-up check that smtpd_relay_restrictions or
   * smtpd_recipient_restrictions refuses relaying (else "refuse to receive mail").
   */
  relayControl?: boolean;
  /** An older spelling that Postfix 3.7 still accepts; new configurations use this name instead. */
  oldNameOf?: string;
  /** smtpd accepts it but postconf(5) does not document it: known, never offered in completion. */
  undocumented?: true;
  /** One line in our own words (an old spelling shares its modern name's). */
  summary?: { en: string; es: string };
  /** A longer bilingual note, for the restrictions the lab lesson discusses. */
  note?: Note;
}

export const RESTRICTION_LISTS: readonly RestrictionListName[] = ['client', 'helo', 'sender', 'recipient', 'relay', 'data', 'end_of_data', 'etrn'];

/** The main.cf parameter that holds each restriction list. */
export function restrictionListParameter(list: RestrictionListName): string {
  return `smtpd_${list}_restrictions`;
}

/** The lists a restriction of each stage may appear in (with smtpd_delay_reject = yes). */
const ACCEPTED_IN: Record<RestrictionStage, readonly RestrictionListName[]> = {
  generic: RESTRICTION_LISTS,
  client: RESTRICTION_LISTS,
  helo: RESTRICTION_LISTS,
  sender: ['client', 'helo', 'sender', 'recipient', 'relay', 'data', 'end_of_data'],
  recipient: ['client', 'helo', 'sender', 'recipient', 'relay', 'data', 'end_of_data'],
  etrn: ['etrn'],
};

/** Lists that run before the stage's information exists unless smtpd_delay_reject = yes. */
const EARLY_LISTS: Record<RestrictionStage, readonly RestrictionListName[]> = {
  generic: [],
  client: [],
  helo: ['client'],
  sender: ['client', 'helo'],
  recipient: ['client', 'helo', 'sender'],
  etrn: [],
};

const R = (name: string, stage: RestrictionStage, extra: Partial<RestrictionInfo> = {}): RestrictionInfo => ({ name, stage, ...extra });

const TABLE = { argument: 'table' } as const;
const DNS = { argument: 'dnsDomain' } as const;

const RESTRICTIONS: RestrictionInfo[] = [
  // Generic: any list, any stage.
  R('permit', 'generic', { unconditional: 'permit' }),
  R('reject', 'generic', { unconditional: 'reject', relayControl: true }),
  R('defer', 'generic', { unconditional: 'defer', relayControl: true }),
  R('defer_if_permit', 'generic', { relayControl: true }),
  R('defer_if_reject', 'generic'),
  R('warn_if_reject', 'generic'),
  R('check_policy_service', 'generic', { argument: 'service' }),
  R('reject_multi_recipient_bounce', 'generic'),
  R('reject_plaintext_session', 'generic'),
  R('reject_unauth_pipelining', 'generic'),
  R('sleep', 'generic', { argument: 'seconds' }),
  // Client: the connecting host, its name, its certificate or its SASL login.
  R('check_ccert_access', 'client', TABLE),
  R('check_client_access', 'client', TABLE),
  R('check_client_a_access', 'client', TABLE),
  R('check_client_mx_access', 'client', TABLE),
  R('check_client_ns_access', 'client', TABLE),
  R('check_reverse_client_hostname_access', 'client', TABLE),
  R('check_reverse_client_hostname_a_access', 'client', TABLE),
  R('check_reverse_client_hostname_mx_access', 'client', TABLE),
  R('check_reverse_client_hostname_ns_access', 'client', TABLE),
  R('check_sasl_access', 'client', TABLE),
  R('permit_inet_interfaces', 'client'),
  R('permit_mynetworks', 'client'),
  R('permit_sasl_authenticated', 'client'),
  R('permit_tls_all_clientcerts', 'client'),
  R('permit_tls_clientcerts', 'client'),
  R('reject_rbl_client', 'client', DNS),
  R('reject_rbl', 'client', { ...DNS, oldNameOf: 'reject_rbl_client', undocumented: true }),
  R('permit_dnswl_client', 'client', DNS),
  R('reject_rhsbl_client', 'client', DNS),
  R('permit_rhswl_client', 'client', DNS),
  R('reject_rhsbl_reverse_client', 'client', DNS),
  R('reject_unknown_client_hostname', 'client'),
  R('reject_unknown_reverse_client_hostname', 'client'),
  R('reject_unknown_client', 'client', { oldNameOf: 'reject_unknown_client_hostname' }),
  R('reject_maps_rbl', 'client'),
  R('permit_naked_ip_address', 'client'),
  // HELO/EHLO: the name the client announces.
  R('check_helo_access', 'helo', TABLE),
  R('check_helo_a_access', 'helo', TABLE),
  R('check_helo_mx_access', 'helo', TABLE),
  R('check_helo_ns_access', 'helo', TABLE),
  R('reject_invalid_helo_hostname', 'helo'),
  R('reject_non_fqdn_helo_hostname', 'helo'),
  R('reject_rhsbl_helo', 'helo', DNS),
  R('reject_unknown_helo_hostname', 'helo'),
  R('reject_invalid_hostname', 'helo', { oldNameOf: 'reject_invalid_helo_hostname' }),
  R('reject_non_fqdn_hostname', 'helo', { oldNameOf: 'reject_non_fqdn_helo_hostname' }),
  R('reject_unknown_hostname', 'helo', { oldNameOf: 'reject_unknown_helo_hostname' }),
  // MAIL FROM: the envelope sender.
  R('check_sender_access', 'sender', TABLE),
  R('check_sender_a_access', 'sender', TABLE),
  R('check_sender_mx_access', 'sender', TABLE),
  R('check_sender_ns_access', 'sender', TABLE),
  R('reject_authenticated_sender_login_mismatch', 'sender'),
  R('reject_known_sender_login_mismatch', 'sender'),
  R('reject_non_fqdn_sender', 'sender'),
  R('reject_rhsbl_sender', 'sender', DNS),
  R('reject_sender_login_mismatch', 'sender'),
  R('reject_unauthenticated_sender_login_mismatch', 'sender'),
  R('reject_unknown_sender_domain', 'sender'),
  // smtpd_check.c (3.4 to 3.11) runs the sender-domain check for it, undocumented.
  R('reject_unknown_address', 'sender', { undocumented: true }),
  R('reject_unlisted_sender', 'sender'),
  R('reject_unverified_sender', 'sender'),
  // RCPT TO: the envelope recipient; this is where relaying is decided.
  R('check_recipient_access', 'recipient', TABLE),
  R('check_recipient_a_access', 'recipient', TABLE),
  R('check_recipient_mx_access', 'recipient', TABLE),
  R('check_recipient_ns_access', 'recipient', TABLE),
  R('permit_auth_destination', 'recipient'),
  R('permit_mx_backup', 'recipient'),
  R('reject_non_fqdn_recipient', 'recipient'),
  R('reject_rhsbl_recipient', 'recipient', DNS),
  R('reject_unauth_destination', 'recipient', { relayControl: true }),
  R('defer_unauth_destination', 'recipient', { relayControl: true }),
  R('reject_unknown_recipient_domain', 'recipient'),
  R('reject_unlisted_recipient', 'recipient'),
  R('reject_unverified_recipient', 'recipient'),
  R('check_recipient_maps', 'recipient', { oldNameOf: 'reject_unlisted_recipient' }),
  R('check_relay_domains', 'recipient', { relayControl: true }),
  // ETRN: the domain whose queue the client asks to flush.
  R('check_etrn_access', 'etrn', TABLE),
];

let byName: Map<string, RestrictionInfo> | undefined;

function index(): Map<string, RestrictionInfo> {
  if (!byName) {
    byName = new Map();
    for (const r of RESTRICTIONS) {
      const summary = RESTRICTION_SUMMARIES[r.name] ?? (r.oldNameOf ? RESTRICTION_SUMMARIES[r.oldNameOf] : undefined);
      if (summary) r.summary = { en: summary[0], es: summary[1] };
      if (RESTRICTION_NOTES[r.name]) r.note = RESTRICTION_NOTES[r.name];
      byName.set(r.name, r);
    }
  }
  return byName;
}

/** smtpd_check.c compares restriction names with strcasecmp: any case is the same restriction. */
export function getRestriction(name: string): RestrictionInfo | undefined {
  return index().get(name) ?? index().get(name.toLowerCase());
}

export function allRestrictions(): readonly RestrictionInfo[] {
  index();
  return RESTRICTIONS;
}

/** Whether Postfix accepts the restriction in that list. */
export function isAcceptedIn(restriction: RestrictionInfo, list: RestrictionListName): boolean {
  return ACCEPTED_IN[restriction.stage].includes(list);
}

/** Whether it works in that list only thanks to smtpd_delay_reject = yes. */
export function needsDelayedReject(restriction: RestrictionInfo, list: RestrictionListName): boolean {
  return EARLY_LISTS[restriction.stage].includes(list);
}

/** The restrictions to offer when completing inside a list: none that a later release removes (the release facts say which). */
export function restrictionsAcceptedIn(list: RestrictionListName): RestrictionInfo[] {
  index();
  return RESTRICTIONS.filter((r) => !r.oldNameOf && !releaseDeprecation(r.name)?.removedIn && !r.undocumented && isAcceptedIn(r, list));
}

// Facts about Postfix 3.7's postconf that are not parameter defaults: which parameters it never
// expands, which it keeps for backwards compatibility, which are read-only, and which per-service
// parameters a master.cf service creates. Taken from experiments with the installed postconf.
// Only names and defaults are needed here, and building every ParameterInfo (types, docs) costs
// ~25 ms that a `mailconf postconf` process would pay for nothing: read the generated table.
import { generatedParameters } from '../generatedData';

/** Values postconf -x prints unexpanded, because Postfix expands them itself at run time. */
export const RAW_PARAMETERS = new Set([
  'command_execution_directory',
  'default_rbl_reply',
  'forward_path',
  'luser_relay',
  'mailbox_command',
  'postscreen_expansion_filter',
  'postscreen_reject_footer',
  'smtpd_expansion_filter',
  'smtpd_reject_footer',
]);

/**
 * Raw values that are never macro-expanded at all: smtpd and postscreen only unescape them into the
 * set of characters a $name expansion may produce, so a '$' in them is one of those characters.
 */
export const CHARACTER_SET_PARAMETERS = new Set(['smtpd_expansion_filter', 'postscreen_expansion_filter']);

/** Old names postconf accepts silently when set (printed by -n, absent from -d). */
export const LEGACY_PARAMETERS = new Set([
  'virtual_maps',
  'fallback_relay',
  'authorized_verp_clients',
  'smtpd_client_connection_limit_exceptions',
  'postscreen_dnsbl_ttl',
  'postscreen_blacklist_action',
  'postscreen_dnsbl_whitelist_threshold',
  'postscreen_whitelist_interfaces',
  'lmtp_per_record_deadline',
  'smtp_per_record_deadline',
  'smtpd_per_record_deadline',
  'tlsproxy_client_level',
  'tlsproxy_client_policy',
]);

/** Set by Postfix per process; an assignment in main.cf or master.cf is dropped with a warning. */
export const READONLY_PARAMETERS = ['process_id', 'process_name', 'service_name'] as const;

/** Per-service parameters: suffix and the parameter whose value is the default. */
const DELIVERY_SUFFIXES: [string, string][] = [
  ['_recipient_limit', 'default_recipient_limit'],
  ['_extra_recipient_limit', 'default_extra_recipient_limit'],
  ['_recipient_refill_limit', 'default_recipient_refill_limit'],
  ['_recipient_refill_delay', 'default_recipient_refill_delay'],
  ['_delivery_slot_cost', 'default_delivery_slot_cost'],
  ['_delivery_slot_loan', 'default_delivery_slot_loan'],
  ['_delivery_slot_discount', 'default_delivery_slot_discount'],
  ['_minimum_delivery_slots', 'default_minimum_delivery_slots'],
  ['_initial_destination_concurrency', 'initial_destination_concurrency'],
  ['_destination_concurrency_limit', 'default_destination_concurrency_limit'],
  ['_destination_recipient_limit', 'default_destination_recipient_limit'],
  ['_destination_concurrency_positive_feedback', 'default_destination_concurrency_positive_feedback'],
  ['_destination_concurrency_negative_feedback', 'default_destination_concurrency_negative_feedback'],
  ['_destination_concurrency_failed_cohort_limit', 'default_destination_concurrency_failed_cohort_limit'],
  ['_destination_rate_delay', 'default_destination_rate_delay'],
  ['_transport_rate_delay', 'default_transport_rate_delay'],
];
const TIME_LIMIT: [string, string] = ['_time_limit', 'command_time_limit'];

/** The per-service parameters that a master.cf entry running `command` creates. */
export function serviceParameterSuffixes(command: string): [string, string][] {
  switch (command) {
    case 'local':
    case 'error':
    case 'virtual':
    case 'smtp':
    case 'lmtp':
      return DELIVERY_SUFFIXES;
    case 'pipe':
      return [TIME_LIMIT, ...DELIVERY_SUFFIXES];
    case 'spawn':
      return [TIME_LIMIT];
    default:
      return [];
  }
}

/** Every suffix a per-service parameter can have, longest first (so "_destination_recipient_limit" wins over "_recipient_limit"). */
export function allServiceParameterSuffixes(): string[] {
  return [...DELIVERY_SUFFIXES, TIME_LIMIT].map(([suffix]) => suffix).sort((a, b) => b.length - a.length);
}

/** Host-dependent built-in defaults; callers may supply the host's own values. */
export const HOST_DEPENDENT = new Set(['myhostname', 'mydomain', 'mynetworks', 'process_id']);

export interface BuiltinParameters {
  names: string[];
  defaultOf(name: string): string | undefined;
}

/** The built-in parameters, with host facts and per-process values applied. */
export function builtinParameters(overrides: Record<string, string>): BuiltinParameters {
  const table = generatedParameters().parameters;
  const names = new Set<string>(Object.keys(table));
  for (const n of READONLY_PARAMETERS) names.add(n);
  for (const n of LEGACY_PARAMETERS) names.delete(n);
  return {
    names: [...names],
    defaultOf(name) {
      if (name in overrides) return overrides[name];
      return Object.prototype.hasOwnProperty.call(table, name) ? table[name].default : undefined;
    },
  };
}

// Open-relay detection. For each RCPT TO, smtpd evaluates smtpd_relay_restrictions and then
// smtpd_recipient_restrictions; the mail is relayed when neither rejects. We follow both lists for
// the client that matters, an anonymous host on the Internet sending to a domain that is not
// ours: it is not in mynetworks (unless mynetworks covers the world), it has not authenticated,
// and lookup tables and DNS checks are assumed to let it through. If both lists end up
// permitting it, anyone can relay through the server.
import { getParameter } from '../../postfix/parameters';
import type { PostfixModel, ServiceView } from '../postfixModel';
import { parseRestrictionList } from './restrictionList';
import { listTokens } from './valueText';
import { splitListValue } from '../../postfix/valueTypes';

type Verdict = 'permit' | 'reject' | 'dunno';

const REFUSES_FOREIGN = new Set(['reject_unauth_destination', 'defer_unauth_destination', 'check_relay_domains']);

/** Whether a mynetworks value lets in every IPv4 or IPv6 address. */
export function coversTheWorld(value: string): string | undefined {
  return listTokens(value).find((t) => /^(0\.0\.0\.0|0|\[::\]|::|\[::)\/0\]?$/.test(t.text.replace(/\[::\/0\]/, '[::]/0')))?.text;
}

function evaluate(value: string, model: PostfixModel, service: ServiceView | undefined, depth: number): Verdict {
  if (depth > 8) return 'dunno';
  const worldNetworks = coversTheWorld(model.expand(model.raw('mynetworks', service) ?? '', service)) !== undefined;
  let warnOnly = false;
  for (const item of parseRestrictionList(model.expand(value, service), model.restrictionClasses)) {
    // warn_if_reject turns the restriction after it into a logged warning.
    if (warnOnly) {
      warnOnly = false;
      continue;
    }
    if (item.info?.name === 'warn_if_reject') {
      warnOnly = true;
      continue;
    }
    if (item.kind === 'class' && !getParameter(item.text)) {
      const inner = evaluate(model.raw(item.text, service) ?? '', model, service, depth + 1);
      if (inner !== 'dunno') return inner;
      continue;
    }
    const r = item.info;
    if (!r) continue;
    if (r.unconditional === 'permit') return 'permit';
    if (r.unconditional) return 'reject';
    if (REFUSES_FOREIGN.has(r.name)) return 'reject';
    if (r.name === 'permit_mynetworks' && worldNetworks) return 'permit';
  }
  return 'dunno';
}

/**
 * Whether an anonymous client may relay, in the global settings or in a master.cf service;
 * undefined when neither relay list is set anywhere (a partial file, judged by Postfix's defaults).
 */
export function isOpenRelay(model: PostfixModel, service?: ServiceView): boolean {
  const relay = model.raw('smtpd_relay_restrictions', service) ?? '';
  const recipient = model.raw('smtpd_recipient_restrictions', service) ?? '';
  // An empty list permits; a list that ends without a decision permits too.
  const relayVerdict = relay.trim() === '' ? 'permit' : evaluate(relay, model, service, 0);
  if (relayVerdict === 'reject') return false;
  return evaluate(recipient, model, service, 0) !== 'reject';
}

/** What smtpd_check.c's has_required() looks for: one of them makes a list a relay control. */
const RELAY_CONTROLS = new Set(['reject_unauth_destination', 'defer_unauth_destination', 'reject', 'defer', 'defer_if_permit', 'check_relay_domains']);

/**
 * has_required() on one list, as smtpd runs it at start-up: the words of the expanded list in
 * order, skipping the one after warn_if_reject, giving up at a bare permit, looking into
 * restriction classes (smtpd_restriction_classes), names in any case.
 */
function hasRelayControl(value: string, model: PostfixModel, service: ServiceView | undefined, depth: number): boolean {
  if (depth > 8) return false;
  const words = splitListValue(model.expand(value, service));
  for (let i = 0; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if (word === 'warn_if_reject' && i + 1 < words.length) {
      i++;
      continue;
    }
    if (word === 'permit') return false;
    if (RELAY_CONTROLS.has(word)) return true;
    if (model.restrictionClasses.has(words[i]) && hasRelayControl(model.raw(words[i], service) ?? '', model, service, depth + 1)) return true;
  }
  return false;
}

/**
 * Whether smtpd stops at start-up with "specify at least one working instance of" because neither
 * smtpd_relay_restrictions nor smtpd_recipient_restrictions holds a relay control before a bare permit.
 */
export function smtpdRefusesToStart(model: PostfixModel, service?: ServiceView): boolean {
  const list = (name: string) => model.raw(name, service) ?? '';
  return !hasRelayControl(list('smtpd_relay_restrictions'), model, service, 0) && !hasRelayControl(list('smtpd_recipient_restrictions'), model, service, 0);
}

/**
 * Whether smtpd_relay_restrictions lets an anonymous client relay by itself (a bare permit with
 * nothing before it that refuses foreign destinations), so that only smtpd_recipient_restrictions
 * stands between the server and an open relay.
 */
export function relayListPermitsAll(model: PostfixModel, service?: ServiceView): boolean {
  const relay = model.raw('smtpd_relay_restrictions', service) ?? '';
  return relay.trim() !== '' && evaluate(relay, model, service, 0) === 'permit';
}

/** Names whose setting decides relaying: a setting of one of them makes the verdict the user's. */
export const RELAY_PARAMETERS = ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'];

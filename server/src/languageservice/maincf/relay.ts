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

type Verdict = 'permit' | 'reject' | 'dunno';

const REFUSES_FOREIGN = new Set(['reject_unauth_destination', 'defer_unauth_destination', 'check_relay_domains']);

/** Whether a mynetworks value lets in every IPv4 or IPv6 address. */
export function coversTheWorld(value: string): string | undefined {
  return listTokens(value).find((t) => /^(0\.0\.0\.0|0|\[::\]|::|\[::)\/0\]?$/.test(t.text.replace(/\[::\/0\]/, '[::]/0')))?.text;
}

function evaluate(value: string, model: PostfixModel, service: ServiceView | undefined, depth: number): Verdict {
  if (depth > 8) return 'dunno';
  const worldNetworks = coversTheWorld(model.expand(model.raw('mynetworks', service) ?? '', service)) !== undefined;
  for (const item of parseRestrictionList(model.expand(value, service), model.restrictionClasses)) {
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

/** Names whose setting decides relaying: a setting of one of them makes the verdict the user's. */
export const RELAY_PARAMETERS = ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'];

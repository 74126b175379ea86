// Open relay and "smtpd will not start", as questions to the session simulator (one evaluator for
// what smtpd does): a stranger's mail to a foreign domain, and smtpd's own start-up check. The
// diagnostics of main.cf and master.cf decide only where to report the answers.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { probeRelay, relayControlFailure, RelayProbe } from '../../postfix/simulator';
import type { PostfixPair } from '../postfixPair';
import type { ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { simulatorConfig } from '../simulatorConfig';

/** Names whose setting decides relaying: a setting of one of them makes the verdict the user's. */
export const RELAY_PARAMETERS = ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'];

/** The pair's files, the document being checked read from its own (possibly partial) text. */
function configOf(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext, withMaster: boolean) {
  const read = (uri: string) => (uri === doc.uri ? doc.getText() : ctx.workspace.readText(uri));
  return simulatorConfig({ mainUri: pair.mainUri, masterUri: withMaster ? pair.masterUri : undefined }, read, ctx);
}

/** Strangers against main.cf's own settings, as an smtpd without -o overrides sees them. */
export function mainCfRelay(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): RelayProbe {
  return probeRelay(configOf(doc, pair, ctx, false));
}

/** Strangers against one master.cf smtpd service, with its -o overrides. */
export function serviceRelay(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext, service: ServiceView): RelayProbe {
  return probeRelay({ ...configOf(doc, pair, ctx, true), service: service.service });
}

/**
 * Whether main.cf's relay lists make some smtpd refuse to start: one that takes them as they are
 * (a master.cf smtpd without its own relay settings), or the stock smtpd when master.cf is not
 * known. A service that overrides them is judged in master.cf.
 */
export function mainCfStopsSmtpd(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): boolean {
  const smtpds = pair.model.services.filter((s) => s.command === 'smtpd');
  if (!pair.masterUri || smtpds.length === 0) return relayControlFailure(configOf(doc, pair, ctx, false)) !== undefined;
  const config = configOf(doc, pair, ctx, true);
  return smtpds.some((s) => !RELAY_PARAMETERS.some((p) => s.params.has(p)) && relayControlFailure({ ...config, service: s.service }) !== undefined);
}

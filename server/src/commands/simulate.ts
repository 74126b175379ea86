// mailconf.lsp.simulate: what smtpd would answer a client, for the main.cf/master.cf pair being
// edited (unsaved changes included). Arguments: { uri, service | port, client: {address,
// hostname?}, helo?, sasl?, tls?, from, to: [...], dns?: {listed?, missing?} }. Returns the simulation as JSON, the path
// through Postfix for views to draw, and the annotated transcript in the user's language.
import { siblingUri } from '../languageservice/postfixPair';
import { simulatorConfig } from '../languageservice/simulatorConfig';
import { simulate, SimulationInputError } from '../postfix/simulator';
import { simulationJson } from '../postfix/simulator/resultJson';
import { sessionPath } from '../postfix/simulator/sessionPath';
import type { SimulationInput } from '../postfix/simulator/types';
import { type DnsAnswers, dnsAnswersProblems } from '../postfix/simulator/dnsAnswers';
import { transcript } from '../postfix/simulator/transcript';
import type { CommandContext, ServerCommand } from './command';

export interface SimulateRequest {
  uri: string;
  service?: string;
  port?: number;
  client: { address: string; hostname?: string };
  helo?: string;
  sasl?: string;
  tls?: boolean;
  from: string;
  to: string[];
  dns?: DnsAnswers;
}

export type SimulationConfig = Pick<SimulationInput, 'mainCf' | 'masterCf' | 'mainCfPath' | 'masterCfPath' | 'readFile' | 'postfixVersion'>;

/**
 * The main.cf/master.cf pair beside `uri` (either file, or any file in their folder), from the
 * editor's buffers when open, with tables read as the language server's checks read them.
 */
export function simulationConfig(uri: string, ctx: CommandContext): SimulationConfig {
  const mainUri = /(^|\/)main\.cf[^/]*$/.test(uri) ? uri : siblingUri(uri, 'main.cf');
  const read = (u: string) => ctx.document(u)?.getText() ?? ctx.workspace.readText(u);
  if (!mainUri || read(mainUri) === undefined) throw new Error(`Cannot read ${mainUri ?? 'main.cf'}`);
  return simulatorConfig({ mainUri, masterUri: siblingUri(mainUri, 'master.cf') }, read, ctx);
}

function valid(r: Partial<SimulateRequest> | undefined): r is SimulateRequest {
  return (
    !!r &&
    typeof r.uri === 'string' &&
    (typeof r.service === 'string' || typeof r.port === 'number') &&
    typeof r.client?.address === 'string' &&
    typeof r.from === 'string' &&
    Array.isArray(r.to) &&
    r.to.length > 0 &&
    r.to.every((x) => typeof x === 'string') &&
    (r.dns === undefined || dnsAnswersProblems(r.dns).length === 0)
  );
}

export const simulateCommand: ServerCommand = {
  id: 'mailconf.lsp.simulate',
  async run(args, ctx: CommandContext) {
    const r = args[0] as Partial<SimulateRequest> | undefined;
    if (!valid(r)) throw new Error('Expected {uri, service or port, client: {address, hostname?}, helo?, sasl?, tls?, from, to: [...], dns?: {listed?: [{list, key, reason?}], missing?: [...]}}');
    const config = simulationConfig(r.uri, ctx);
    try {
      const result = simulate({
        ...config,
        service: r.service,
        port: r.port,
        client: r.client,
        helo: r.helo,
        sasl: r.sasl,
        tls: r.tls,
        sender: r.from,
        recipients: r.to,
        dns: r.dns,
        locale: ctx.locale,
      });
      return { result: simulationJson(result), path: sessionPath(result), transcript: transcript(result, ctx.locale) };
    } catch (err) {
      if (err instanceof SimulationInputError) throw new Error(err.message);
      throw err;
    }
  },
};

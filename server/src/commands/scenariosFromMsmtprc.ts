// mailconf.lsp.scenarios.fromMsmtprc: a scenario file made from an msmtprc's accounts, one session
// per account, sent from `client` to `to`, each expectation set to what the main.cf/master.cf
// beside `mainUri` does now (buffers included). Arguments: { uri (the msmtprc), mainUri, client:
// "ADDR[,HOSTNAME]", to: [...] }. Returns the file's JSON text and how many scenarios it holds.
import { msmtpScenariosExpecting } from '../postfix/simulator/msmtpScenarios';
import type { CommandContext, ServerCommand } from './command';
import { simulationConfig } from './simulate';

export interface ScenariosFromMsmtprcRequest {
  uri: string;
  mainUri: string;
  client: string;
  to: string[];
}

function valid(r: Partial<ScenariosFromMsmtprcRequest> | undefined): r is ScenariosFromMsmtprcRequest {
  return !!r && typeof r.uri === 'string' && typeof r.mainUri === 'string' && typeof r.client === 'string' && r.client.trim() !== '' && Array.isArray(r.to) && r.to.length > 0 && r.to.every((x) => typeof x === 'string');
}

export const scenariosFromMsmtprcCommand: ServerCommand = {
  id: 'mailconf.lsp.scenarios.fromMsmtprc',
  async run(args, ctx: CommandContext): Promise<{ text: string; count: number }> {
    const r = args[0] as Partial<ScenariosFromMsmtprcRequest> | undefined;
    if (!valid(r)) throw new Error('Expected {uri, mainUri, client: "ADDR[,HOSTNAME]", to: [...]}');
    const text = ctx.document(r.uri)?.getText() ?? ctx.workspace.readText(r.uri);
    if (text === undefined) throw new Error(`Cannot read ${r.uri}`);
    const scenarios = msmtpScenariosExpecting(text, r.client.trim(), r.to, simulationConfig(r.mainUri, ctx));
    return { text: JSON.stringify({ scenarios }, null, 2) + '\n', count: scenarios.length };
  },
};

// The VS Code side of the session simulator: "Simulate a session…" (also behind the ▶ Simulate
// lenses the server puts on master.cf and main.cf), its results view, and the scenario files in
// the Testing view. The simulation runs in the language server; this only asks and draws.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SimulateRequest } from '../../../server/src/commands/simulate';
import type { SimulateLensArgs } from '../../../server/src/languageservice/simulateLenses';
import type { SessionPath } from '../../../server/src/postfix/simulator/sessionPath';
import { l10n } from '../l10n';
import { createScenariosFromMsmtprc } from './fromMsmtprc';
import { askSession, requestFor } from './prompts';
import { showSimulation } from './resultsView';
import { ScenarioTests, type ScenarioRunReport } from './testing';

export const SIMULATE_COMMANDS = { simulate: 'mailconf.simulate', runScenarios: 'mailconf.scenarios.run', fromMsmtprc: 'mailconf.scenarios.fromMsmtprc' } as const;

interface SimulateAnswer {
  result: unknown;
  path: SessionPath;
  transcript: string;
}

/** The main.cf or master.cf to simulate: the lens's, the active editor's, or the workspace's first main.cf. */
async function configUri(given?: string): Promise<string | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active && (active.languageId === 'postfix-main' || active.languageId === 'postfix-master' || active.uri.path.endsWith('.scenarios.json'))) return active.uri.toString();
  const [found] = await vscode.workspace.findFiles('**/main.cf', '**/node_modules/**', 1);
  return found?.toString();
}

export function registerSimulate(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tests = new ScenarioTests(client);

  const simulate = async (request: SimulateRequest): Promise<SimulateAnswer | undefined> => {
    try {
      const answer = await client.sendRequest<SimulateAnswer>('workspace/executeCommand', { command: 'mailconf.lsp.simulate', arguments: [request] });
      const heading = l10n.t('{0} from {1} to {2}', request.from || '<>', request.client.address, request.to.join(', '));
      showSimulation({ heading, path: answer.path, transcript: answer.transcript, rerun: () => void simulate(request) });
      return answer;
    } catch (err) {
      void vscode.window.showErrorMessage(l10n.t('The simulation failed: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  };

  context.subscriptions.push(
    tests,
    // From the palette or a lens ({uri, service} or {uri, list, services}); a complete request runs without questions.
    vscode.commands.registerCommand(SIMULATE_COMMANDS.simulate, async (args?: Partial<SimulateLensArgs & SimulateRequest>) => {
      if (args?.uri && args.client && args.from !== undefined && args.to) return simulate(args as SimulateRequest);
      const uri = await configUri(args?.uri);
      if (!uri) {
        void vscode.window.showErrorMessage(l10n.t('Open the main.cf or master.cf to simulate first.'));
        return undefined;
      }
      const answers = await askSession(context.workspaceState, { service: args?.service, services: args?.services });
      return answers && simulate(requestFor(uri, answers));
    }),
    // Runs a scenario file (the active one by default) as the Testing view does; resolves to what passed and failed.
    vscode.commands.registerCommand(SIMULATE_COMMANDS.runScenarios, async (uri?: vscode.Uri, names?: string[]): Promise<ScenarioRunReport | undefined> => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target?.path.endsWith('.scenarios.json')) {
        void vscode.window.showErrorMessage(l10n.t('Open a scenario file (*.scenarios.json) first.'));
        return undefined;
      }
      const file = await tests.refresh(target);
      if (file.error) {
        void vscode.window.showErrorMessage(String(file.error));
        return { passed: [], failed: [], errored: [file.label], error: String(file.error) };
      }
      const items: vscode.TestItem[] = [];
      file.children.forEach((i) => (!names || names.includes(i.label) ? items.push(i) : undefined));
      return tests.run(new vscode.TestRunRequest(items), new vscode.CancellationTokenSource().token);
    }),
    vscode.commands.registerCommand(SIMULATE_COMMANDS.fromMsmtprc, (args?: Parameters<typeof createScenariosFromMsmtprc>[2]) => createScenariosFromMsmtprc(client, context.workspaceState, args)),
  );
}

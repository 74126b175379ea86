// mailconf.lsp.scenarios.run: checks the scenarios of a scenario file (*.scenarios.json) against
// the main.cf/master.cf beside it, unsaved edits included, as `mailconf simulate --scenarios` does.
// Arguments: { uri, names?: [...], listOnly?: true } (names: only those scenarios; listOnly: their
// names and places, for a test explorer, without running them). Returns one entry per scenario
// with its place in the file, the broken expectations, and the simulation (JSON, the path through
// Postfix, the transcript) so that an editor can show why.
import { simulationJson } from '../postfix/simulator/resultJson';
import { checkScenario, parseScenarios, ScenarioFileError } from '../postfix/simulator/scenarios';
import { scenarioOffsets } from '../postfix/simulator/scenarioOffsets';
import { sessionPath } from '../postfix/simulator/sessionPath';
import { transcript } from '../postfix/simulator/transcript';
import type { CommandContext, ServerCommand } from './command';
import { simulationConfig } from './simulate';

export interface ScenarioRunRequest {
  uri: string;
  names?: string[];
  listOnly?: boolean;
}

export interface ScenarioRunEntry {
  name: string;
  /** Position in the file's list, from 0. */
  index: number;
  /** 0-based line and character where the scenario's object starts. */
  position: { line: number; character: number };
  /** Absent with listOnly. */
  ok?: boolean;
  failures?: string[];
  result?: unknown;
  path?: ReturnType<typeof sessionPath>;
  transcript?: string;
}

export interface ScenarioRunAnswer {
  uri: string;
  scenarios: ScenarioRunEntry[];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export const scenariosRunCommand: ServerCommand = {
  id: 'mailconf.lsp.scenarios.run',
  async run(args, ctx: CommandContext): Promise<ScenarioRunAnswer> {
    const r = args[0] as Partial<ScenarioRunRequest> | undefined;
    if (typeof r?.uri !== 'string' || (r.names !== undefined && !(Array.isArray(r.names) && r.names.every((n) => typeof n === 'string')))) {
      throw new Error('Expected {uri, names?: [...]}');
    }
    const text = ctx.document(r.uri)?.getText() ?? ctx.workspace.readText(r.uri);
    if (text === undefined) throw new Error(`Cannot read ${r.uri}`);
    let scenarios;
    try {
      scenarios = parseScenarios(text);
    } catch (err) {
      if (err instanceof ScenarioFileError) throw new Error(`${r.uri}: ${err.message}`);
      throw err;
    }
    const offsets = scenarioOffsets(text);
    if (r.listOnly) return { uri: r.uri, scenarios: scenarios.map((s, index) => ({ name: s.name, index, position: positionAt(text, offsets[index] ?? 0) })) };
    const config = simulationConfig(r.uri, ctx);
    const entries: ScenarioRunEntry[] = [];
    scenarios.forEach((s, index) => {
      if (r.names && !r.names.includes(s.name)) return;
      const outcome = checkScenario(s, config);
      const position = positionAt(text, offsets[index] ?? 0);
      const entry: ScenarioRunEntry = { name: s.name, index, position, ok: outcome.failures.length === 0, failures: outcome.failures };
      if (outcome.result) Object.assign(entry, { result: simulationJson(outcome.result), path: sessionPath(outcome.result), transcript: transcript(outcome.result, ctx.locale) });
      entries.push(entry);
    });
    return { uri: r.uri, scenarios: entries };
  },
};

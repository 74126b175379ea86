// mailconf.lsp.scenarios.run: checks the scenarios of a scenario file (*.scenarios.json) against
// the main.cf/master.cf beside it, unsaved edits included, as `mailconf simulate --scenarios` does.
// Arguments: { uri, names?: [...], listOnly?: true } (names: only those scenarios; listOnly: their
// names and places, for a test explorer, without running them). Returns one entry per scenario
// with its place in the file, the broken expectations, and the simulation (JSON, the path through
// Postfix, the transcript) so that an editor can show why.
import { simulationJson } from '../postfix/simulator/resultJson';
import { checkScenario, parseScenarios, ScenarioFileError } from '../postfix/simulator/scenarios';
import { sessionPath } from '../postfix/simulator/sessionPath';
import { transcript } from '../postfix/simulator/transcript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import { scenarioDiagnostics } from '../languageservice/scenarios/diagnostics';
import { readScenarioFile } from '../languageservice/scenarios/scenarioFile';
import type { CommandContext, ServerCommand } from './command';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
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
    const file = readScenarioFile(text);
    const spanOf = (index: number) => file.scenarios.find((l) => l.index === index)?.span ?? { start: 0, end: 0 };
    const position = (index: number) => file.json.rangeOf(spanOf(index)).start;
    if (r.listOnly) return { uri: r.uri, scenarios: scenarios.map((s, index) => ({ name: s.name, index, position: position(index) })) };
    const config = simulationConfig(r.uri, ctx);
    // The failures in the words of the editor's diagnostics on the file, in the user's language.
    const diagnostics = scenarioDiagnostics(TextDocument.create(r.uri, 'json', 0, text), ctx);
    const said = (index: number) => {
      const span = file.json.rangeOf(spanOf(index));
      const inside = (d: Diagnostic) => !before(d.range.start, span.start) && !before(span.end, d.range.start);
      return diagnostics.filter((d) => inside(d) && d.severity === DiagnosticSeverity.Error).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    };
    const entries: ScenarioRunEntry[] = [];
    scenarios.forEach((s, index) => {
      if (r.names && !r.names.includes(s.name)) return;
      const outcome = checkScenario(s, config);
      const ok = outcome.failures.length === 0;
      const failures = ok ? [] : said(index);
      const entry: ScenarioRunEntry = { name: s.name, index, position: position(index), ok, failures: failures.length ? failures : outcome.failures };
      if (outcome.result) Object.assign(entry, { result: simulationJson(outcome.result), path: sessionPath(outcome.result), transcript: transcript(outcome.result, ctx.locale) });
      entries.push(entry);
    });
    return { uri: r.uri, scenarios: entries };
  },
};

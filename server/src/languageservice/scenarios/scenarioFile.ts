// A scenario file read with the place of everything in it: each scenario (its object, name and
// each expectation), and what keeps a scenario or the file from being read. The rules of what a
// scenario is are the simulator's own (isScenario in postfix/simulator/scenarios.ts), so the CLI,
// the editor and the schema's test agree on one definition.
import { JsonError, JsonNode, jsonProperty, jsonValue, parseJson, type JsonFile } from '../../parsers/json';
import { FILE_KEYS, isScenario, type Scenario } from '../../postfix/simulator/scenarios';

interface Span {
  start: number;
  end: number;
}

export interface LocatedScenario {
  scenario: Scenario;
  /** Position in the file's list, from 0. */
  index: number;
  span: Span;
  /** The "name" value. */
  nameSpan: Span;
  /** Each recipient of "expect" with its `"address": "outcome"` property. */
  expectations: Map<string, Span>;
}

export type ScenarioFileProblem =
  | { kind: 'json'; error: JsonError }
  | { kind: 'no-list'; span: Span }
  | { kind: 'unknown-key'; key: string; span: Span }
  | { kind: 'invalid'; index: number; span: Span };

export interface ScenarioFile {
  json: JsonFile;
  scenarios: LocatedScenario[];
  problems: ScenarioFileProblem[];
}

export function readScenarioFile(text: string): ScenarioFile {
  const json = parseJson(text);
  const out: ScenarioFile = { json, scenarios: [], problems: [] };
  if (json.error) out.problems.push({ kind: 'json', error: json.error });
  const list = jsonProperty(json.root, 'scenarios')?.value;
  if (list?.kind !== 'array') {
    // A file cut short by a syntax error is reported at the error only.
    if (!json.error) out.problems.push({ kind: 'no-list', span: json.root ?? { start: 0, end: 0 } });
    return out;
  }
  if (json.root?.kind === 'object') {
    for (const p of json.root.properties) if (!(FILE_KEYS as readonly string[]).includes(p.key)) out.problems.push({ kind: 'unknown-key', key: p.key, span: p.keySpan });
  }
  list.items.forEach((node, index) => {
    // The last item of a file that breaks inside it is incomplete: the syntax error says so.
    if (json.error && node.end >= json.error.offset) return;
    const value = jsonValue(node);
    if (!isScenario(value)) {
      out.problems.push({ kind: 'invalid', index, span: node });
      return;
    }
    out.scenarios.push({ scenario: value, index, span: node, nameSpan: jsonProperty(node, 'name')!.value!, expectations: expectations(node) });
  });
  return out;
}

function expectations(node: JsonNode): Map<string, Span> {
  const out = new Map<string, Span>();
  const expect = jsonProperty(node, 'expect')?.value;
  if (expect?.kind === 'object') for (const p of expect.properties) out.set(p.key, p);
  return out;
}

// Scenario files in the editor: every scenario runs against the main.cf and master.cf beside the
// file (the editor's buffers when open, else the disk, with the lookup tables they name), and each
// expectation that breaks is an error where it is written, with the line of the configuration
// that decided beside it as related information.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t, type Locale, type MessageKey } from '../../l10n';
import type { SimulationResult } from '../../postfix/simulator';
import type { Origin } from '../../postfix/simulator/settings';
import { checkScenario, rcptStep, type BrokenExpectation } from '../../postfix/simulator/scenarios';
import { siblingUri } from '../postfixPair';
import type { ServiceContext } from '../service';
import { simulatorConfig } from '../simulatorConfig';
import { readScenarioFile, ScenarioFile } from './scenarioFile';

const SOURCE = 'mailconf';

export function scenarioDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const file = readScenarioFile(doc.getText());
  const { locale } = ctx;
  const at = (span: { start: number; end: number }) => file.json.rangeOf(span);
  const out: Diagnostic[] = file.problems.map((p) => {
    if (p.kind === 'json') return make(at({ start: p.error.offset, end: p.error.offset + (p.error.found ? 1 : 0) }), `json/${p.error.code}`, t(locale, `json.${p.error.code}` as MessageKey));
    if (p.kind === 'unknown-key') return make(at(p.span), 'scenarios-unknown-key', t(locale, 'scenarios.unknown-key', p.key));
    if (p.kind === 'no-list') return make(at({ start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) }), 'scenarios-no-list', t(locale, 'scenarios.no-list'));
    return make(at(p.span), 'scenario-invalid', t(locale, 'scenarios.invalid', p.index + 1));
  });
  if (file.scenarios.length === 0) return out;
  const mainUri = siblingUri(doc.uri, 'main.cf');
  const read = (uri: string) => (uri === doc.uri ? doc.getText() : ctx.workspace.readText(uri));
  if (!mainUri || read(mainUri) === undefined) {
    out.push(make(at(firstScenarioStart(file)), 'scenarios-no-main', t(locale, 'scenarios.no-main'), DiagnosticSeverity.Warning));
    return out;
  }
  const config = simulatorConfig({ mainUri, masterUri: siblingUri(doc.uri, 'master.cf') }, read, ctx);
  for (const located of file.scenarios) {
    const { scenario } = located;
    const outcome = checkScenario(scenario, config);
    if (outcome.error !== undefined) {
      out.push(make(at(located.nameSpan), 'scenario-cannot-run', t(locale, 'scenarios.cannot-run', scenario.name, outcome.error)));
      continue;
    }
    for (const broken of outcome.broken) {
      const d = make(at(located.expectations.get(broken.address) ?? located.nameSpan), 'scenario-broken', brokenMessage(scenario.name, broken, locale));
      const related = outcome.result && !broken.notRecipient ? decidingPlace(outcome.result, broken.address, locale) : undefined;
      if (related) d.relatedInformation = [related];
      out.push(d);
    }
  }
  return out;
}

function make(range: Diagnostic['range'], code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return { range, severity, code, source: SOURCE, message };
}

function firstScenarioStart(file: ScenarioFile): { start: number; end: number } {
  const s = file.scenarios[0].span;
  return { start: s.start, end: s.start + 1 };
}

function brokenMessage(name: string, b: BrokenExpectation, locale: Locale): string {
  if (b.notRecipient) return t(locale, 'scenarios.not-recipient', name, b.address);
  if (b.fatal !== undefined) return t(locale, 'scenarios.broken-fatal', name, b.address, b.expected, b.fatal);
  return t(locale, 'scenarios.broken', name, b.address, b.expected, b.reply ?? t(locale, 'scenarios.no-reply'));
}

/**
 * Where the configuration decided a recipient's fate: the restriction that refused it (at RCPT,
 * at DATA after a 250, or at an earlier command that every later one answers with a protocol
 * error), the permit that let it through, or the smtpd service when it does not start.
 */
export function decidingPlace(result: SimulationResult, address: string, locale: Locale): DiagnosticRelatedInformation | undefined {
  const service = () => {
    const { file, line, name } = result.service;
    if (!file || !line) return undefined;
    return DiagnosticRelatedInformation.create({ uri: file, range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: name.length } } }, t(locale, 'scenarios.service', name));
  };
  const place = (origin: Origin, key: 'scenarios.decided' | 'scenarios.permitted', restriction: string, list: string) =>
    origin.file && origin.range ? DiagnosticRelatedInformation.create({ uri: origin.file, range: origin.range }, t(locale, key, restriction, list)) : undefined;
  if (result.fatal !== undefined) return service();
  const step = rcptStep(result, address);
  const outcome = result.recipients.find((r) => r.address === address);
  if (outcome?.accepted) {
    const permit = step?.evaluated.find((e) => e.result === 'permit');
    return (permit && place(permit.origin, 'scenarios.permitted', permit.restriction, permit.list)) ?? service();
  }
  const data = step?.reply.line.startsWith('2') ? result.steps.find((s) => s.stage === 'data') : undefined;
  const before = result.steps.slice(0, step ? result.steps.indexOf(step) : result.steps.length).filter((s) => s.stage !== 'rcpt' && s.decidedBy);
  const decided = step?.decidedBy ?? data?.decidedBy ?? before[before.length - 1]?.decidedBy;
  return (decided && place(decided.origin, 'scenarios.decided', decided.restriction, decided.list)) ?? service();
}

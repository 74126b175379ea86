// "▶ Create scenarios from these accounts" above the first account of an msmtprc: the editor
// command asks which main.cf, client and recipients, and writes a scenario file with one session
// per account (the lesson's vm25, vm465 and vm587), expecting what the configuration does now.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { ServiceContext } from '../service';
import { parsedMsmtprc } from './parsed';

export const SCENARIOS_FROM_MSMTPRC_COMMAND = 'mailconf.scenarios.fromMsmtprc';

export function msmtprcScenarioLenses(doc: TextDocument, ctx: Pick<ServiceContext, 'locale'>): CodeLens[] {
  const first = parsedMsmtprc(doc).sections.find((s) => s.kind === 'account');
  if (!first) return [];
  const line = first.headerRange.start.line;
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title: t(ctx.locale, 'scenarios.from-msmtprc.lens'), command: SCENARIOS_FROM_MSMTPRC_COMMAND, arguments: [{ uri: doc.uri }] } }];
}

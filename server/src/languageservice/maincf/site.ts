// A parameter setting being checked, wherever it is written: a main.cf line or a master.cf `-o`.
// The value checks only need its name, its text and how to turn value offsets into ranges.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { PostfixModel, ServiceView } from '../postfixModel';
import type { RangeOf } from './valueText';

export const SOURCE = 'mailconf';

export interface ValueSite {
  parameter: string;
  /** The value as Postfix stores it. */
  value: string;
  nameRange: Range;
  valueRange: Range;
  rangeOf: RangeOf;
  /** The master.cf service whose -o this is; undefined in main.cf. */
  service?: ServiceView;
  model: PostfixModel;
}

/** Machine-readable facts for quick fixes, carried in Diagnostic.data. */
export interface FixData {
  /** Replace the diagnostic's range with this text (a near match, a translated value). */
  replaceWith?: string[];
  /** Replace a whole `name = value` setting (main.cf line or -o argument). */
  replaceSetting?: { range: Range; text: string; title: string };
  /** Delete this range. */
  remove?: { range: Range; title: string };
}

/** The LSP severity of a finding's own severity word. */
export const SECURITY_SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function diagnostic(range: Range, severity: DiagnosticSeverity, code: string, message: string, data?: FixData): Diagnostic {
  const d: Diagnostic = { range, severity, code, source: SOURCE, message };
  if (data) d.data = data;
  return d;
}

// The zone's diagnostics: parse errors, BIND's zone-level rejections, then mail lints and mail
// policy checks. Findings inside $INCLUDEd files are shown on the $INCLUDE line of this file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { offsetRange } from '../../parsers/zone';
import type { ServiceContext, Workspace } from '../service';
import { workspaceChecks } from './workspace';
import { Finding, Severity } from './findings';
import { integrityChecks } from './integrity';
import { mailLints } from './lints';
import { mailRecordChecks } from './mailRecords';
import { parsedZone, ParsedZone } from './parsed';

export const SOURCE = 'mailconf';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function zoneFindings(parsed: ParsedZone, uri?: string, workspace?: Workspace): Finding[] {
  const { zone, index } = parsed;
  const out: Finding[] = zone.errors.map((e) => ({ code: e.code, severity: e.severity, message: e.message, source: e.source, range: e.range }));
  integrityChecks(zone, index, out);
  mailLints(zone, index, out);
  mailRecordChecks(zone, index, out);
  if (uri && workspace) workspaceChecks(uri, parsed, workspace, out);
  return out;
}

export function zoneDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const parsed = parsedZone(doc, ctx.workspace);
  const main = parsed.zone.source;
  const out: Diagnostic[] = [];
  for (const f of zoneFindings(parsed, doc.uri, ctx.workspace)) {
    let range = f.range;
    let message = f.message;
    if (f.source !== main) {
      // Walk up the $INCLUDE chain to the directive in this file.
      let via = f.source.includedFrom;
      while (via && via.source !== main) via = via.source.includedFrom;
      if (!via) continue;
      message = `In ${f.source.uri.split('/').pop()}, line ${f.range.start.line + 1}: ${message}`;
      range = offsetRange(main, via.start, via.end);
    }
    const d: Diagnostic = { range, severity: SEVERITY[f.severity], code: f.code, source: SOURCE, message };
    if (f.data !== undefined) d.data = f.data;
    out.push(d);
  }
  // Checks run by kind; the editor and the CLI list findings in text order.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

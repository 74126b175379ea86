// The zone's diagnostics: parse errors, BIND's zone-level rejections, then mail lints and mail
// policy checks. Findings inside $INCLUDEd files are shown on the $INCLUDE line of this file.
// In the editor the checks run through checkCache.ts, which after an edit re-checks only what
// the edit can have changed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { offsetRange } from '../../parsers/zone';
import type { ServiceContext, Workspace } from '../service';
import { workspaceChecks } from './workspace';
import { cachedItems } from './checkCache';
import { checkAll, checkZone } from './checks';
import { Finding, Item, RANK, Severity } from './findings';
import { itemFinding, RankedFinding } from './items';
import { parsedZone, ParsedZone, parseZoneText } from './parsed';
import { localize } from '../../l10n';
import { t, type Locale } from '../../l10n';
import { withOriginHint } from './unknownOrigin';

export const SOURCE = 'mailconf';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every finding on a parsed zone, checked from scratch, in the order the checks list them. */
export function zoneFindings(parsed: ParsedZone, uri?: string, workspace?: Workspace): RankedFinding[] {
  return rankedFindings(parsed, checkAll(checkZone(parsed.zone, parsed.index)), uri, workspace);
}

function rankedFindings(parsed: ParsedZone, items: Item[], uri?: string, workspace?: Workspace): RankedFinding[] {
  const { zone } = parsed;
  const out: RankedFinding[] = zone.errors.map((e, k) => ({ code: e.code, severity: e.severity, message: e.message, l10n: e.l10n, source: e.source, range: e.range, rank: RANK.parse, row: -1, ord: k }));
  for (const it of items) out.push(itemFinding(zone, it));
  if (uri && workspace) {
    const found: Finding[] = [];
    workspaceChecks(uri, parsed, workspace, found);
    found.forEach((f, k) => out.push({ ...f, rank: RANK.workspace, row: -1, ord: k }));
  }
  return out;
}

export function zoneDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const parsed = parsedZone(doc, ctx.workspace);
  const diagnostics = placedDiagnostics(parsed, rankedFindings(parsed, cachedItems(doc.uri, parsed, ctx.editing === true), doc.uri, ctx.workspace), ctx.locale);
  return withOriginHint(doc, diagnostics, ctx.locale, SOURCE);
}

/** The diagnostics of a document parsed and checked from scratch, bypassing every cache (what the cache must agree with). */
export function freshZoneDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const parsed = parseZoneText(doc.uri, doc.getText(), ctx.workspace);
  return withOriginHint(doc, placedDiagnostics(parsed, zoneFindings(parsed, doc.uri, ctx.workspace) as RankedFinding[], ctx.locale), ctx.locale, SOURCE);
}

function placedDiagnostics(parsed: ParsedZone, findings: RankedFinding[], locale: Locale): Diagnostic[] {
  const main = parsed.zone.source;
  const placed: Array<{ d: Diagnostic; f: RankedFinding }> = [];
  for (const f of findings) {
    let range = f.range;
    // Findings keep their message in English; those with a key are put in the editor's language here.
    let message = f.l10n && locale !== 'en' ? localize(locale, f.l10n) : f.message;
    if (f.source !== main) {
      // Walk up the $INCLUDE chain to the directive in this file.
      let via = f.source.includedFrom;
      while (via && via.source !== main) via = via.source.includedFrom;
      if (!via) continue;
      message = t(locale, 'zone.read.in-included', f.source.uri.split('/').pop()!, f.range.start.line + 1, message);
      range = offsetRange(main, via.start, via.end);
    }
    const d: Diagnostic = { range, severity: SEVERITY[f.severity], code: f.code, source: SOURCE, message };
    if (f.data !== undefined) d.data = f.data;
    placed.push({ d, f });
  }
  // Checks run by kind; the editor and the CLI list findings in text order, and findings at one
  // position in the order the checks ran.
  placed.sort(
    (a, b) =>
      a.d.range.start.line - b.d.range.start.line ||
      a.d.range.start.character - b.d.range.start.character ||
      a.f.rank - b.f.rank ||
      a.f.row - b.f.row ||
      a.f.ord - b.f.ord,
  );
  return placed.map((p) => p.d);
}

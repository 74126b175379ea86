// Diagnostics for /etc/aliases: syntax, duplicate names, and local targets that are neither
// aliases nor users of the system (when its passwd file is readable).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { ServiceContext } from '../service';
import { parsedAliases } from './parsed';
import { siblingPasswd } from './users';

const SOURCE = 'mailconf';

/** Lines that postalias/newaliases reject with a warning and leave out of aliases.db. The other
 * syntax findings (an empty target, an unclosed quote, :include: without a file) are accepted by
 * postalias and only go wrong at delivery, so they are warnings. */
const SKIPPED_BY_POSTALIAS = new Set(['missing-colon', 'empty-name', 'no-targets', 'leading-continuation']);

export function aliasesDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedAliases(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: SKIPPED_BY_POSTALIAS.has(e.code) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: `aliases/${e.code}`,
    source: SOURCE,
    message: e.code === 'no-targets' ? t(ctx.locale, 'aliases.no-targets', doc.getText(e.range)) : t(ctx.locale, `aliases.${e.code}`),
  }));

  const firstLine = new Map<string, number>();
  for (const e of tree.entries) {
    const key = e.name.toLowerCase();
    const seen = firstLine.get(key);
    if (seen === undefined) firstLine.set(key, e.nameRange.start.line);
    else
      out.push({
        range: e.nameRange,
        severity: DiagnosticSeverity.Warning,
        code: 'aliases/duplicate-name',
        source: SOURCE,
        message: t(ctx.locale, 'aliases.duplicate-name', e.name, seen + 1),
      });
  }

  for (const e of tree.entries)
    for (const target of e.targets)
      if (target.kind === 'local' && target.local?.includes('/'))
        out.push({
          range: target.range,
          severity: DiagnosticSeverity.Warning,
          code: 'aliases/relative-file',
          source: SOURCE,
          message: t(ctx.locale, 'aliases.relative-file'),
        });

  const users = siblingPasswd(doc.uri, ctx.workspace);
  if (users) {
    for (const e of tree.entries) {
      for (const target of e.targets) {
        if (target.kind !== 'local' || !target.local || target.local.includes('/')) continue;
        const name = target.local.toLowerCase();
        if (firstLine.has(name) || users.names.has(name)) continue;
        out.push({
          range: target.range,
          severity: DiagnosticSeverity.Warning,
          code: 'aliases/unknown-local-target',
          source: SOURCE,
          message: t(ctx.locale, 'aliases.unknown-local-target', target.local, users.source),
        });
      }
    }
  }
  return out;
}

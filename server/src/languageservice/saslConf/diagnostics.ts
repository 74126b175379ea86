// Diagnostics for a Cyrus SASL application file (smtpd.conf): lines libsasl refuses (errors: the
// whole file is then rejected and AUTH fails), options it does not know, repeated options (libsasl
// keeps the first) and values outside an option's words.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { saslFindingsFor } from '../sasl/crossChecks';
import { SASL_OPTIONS, saslOption } from './options';
import { parsedSaslConf } from './parsed';

const SOURCE = 'mailconf';

export function saslConfDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedSaslConf(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: DiagnosticSeverity.Error,
    code: `saslconf/${e.code}`,
    source: SOURCE,
    message: t(ctx.locale, `saslconf.${e.code}`, doc.getText(e.range).replace(/:$/, '')),
  }));
  const seen = new Map<string, number>();
  for (const o of tree.options) {
    const first = seen.get(o.key);
    if (first !== undefined) {
      out.push({ range: o.keyRange, severity: DiagnosticSeverity.Warning, code: 'saslconf/duplicate-option', source: SOURCE, message: t(ctx.locale, 'saslconf.duplicate-option', o.key, first + 1) });
      continue;
    }
    seen.set(o.key, o.range.start.line);
    const info = saslOption(o.key);
    if (!info) {
      const suggestion = nearest(o.key, SASL_OPTIONS.map((x) => x.name));
      out.push({
        range: o.keyRange,
        severity: DiagnosticSeverity.Warning,
        code: 'saslconf/unknown-option',
        source: SOURCE,
        message: t(ctx.locale, 'saslconf.unknown-option', o.key) + (suggestion ? ` ${t(ctx.locale, 'saslconf.did-you-mean', suggestion)}` : ''),
        data: suggestion ? { suggestion } : undefined,
      });
      continue;
    }
    if (!info.values || o.value === '') continue;
    const words = info.list ? o.value.split(/[\s,]+/).filter(Boolean) : [o.value];
    // Mechanism names are matched without regard to case by libsasl.
    const bad = words.filter((w) => !info.values!.some((v) => v.toLowerCase() === w.toLowerCase()));
    for (const w of bad)
      out.push({ range: o.valueRange, severity: DiagnosticSeverity.Warning, code: 'saslconf/bad-value', source: SOURCE, message: t(ctx.locale, 'saslconf.bad-value', w, o.key, info.values.join(', ')) });
  }
  out.push(...saslFindingsFor(doc.uri, ctx));
  return out;
}

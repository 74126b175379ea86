// Diagnostics for ~/.msmtprc: unknown commands, values outside a command's choices, accounts
// defined twice or inherited before they exist (this is how 'account default : vm25' is checked),
// and tls_certcheck off, which the lab needs for its self-signed certificate and nowhere else.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { MsmtpCommand } from '../../parsers/msmtprc';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { MSMTP_KEYWORDS, msmtpKeyword } from './keywords';
import { parsedMsmtprc } from './parsed';

const SOURCE = 'mailconf';

export function msmtprcDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedMsmtprc(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: DiagnosticSeverity.Error,
    code: `msmtprc/${e.code}`,
    source: SOURCE,
    message: t(ctx.locale, `msmtprc.${e.code}`),
  }));
  const defined = new Map<string, number>();
  for (const s of tree.sections) {
    if (s.kind === 'account' && s.name && s.nameRange) {
      for (const p of s.parents) {
        if (defined.has(p.name)) continue;
        out.push({ range: p.range, severity: DiagnosticSeverity.Error, code: 'msmtprc/undefined-account', source: SOURCE, message: t(ctx.locale, 'msmtprc.undefined-account', p.name) });
      }
      if (s.name === 'default' && s.parents.length === 0 && s.commands.length === 0)
        out.push({ range: s.headerRange, severity: DiagnosticSeverity.Warning, code: 'msmtprc/default-account-empty', source: SOURCE, message: t(ctx.locale, 'msmtprc.default-account-empty') });
      const seen = defined.get(s.name);
      if (seen !== undefined)
        out.push({ range: s.nameRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/duplicate-account', source: SOURCE, message: t(ctx.locale, 'msmtprc.duplicate-account', s.name, seen + 1) });
      else defined.set(s.name, s.nameRange.start.line);
    }
    for (const c of s.commands) checkCommand(c, ctx, out);
  }
  return out;
}

function checkCommand(c: MsmtpCommand, ctx: ServiceContext, out: Diagnostic[]): void {
  const kw = msmtpKeyword(c.keyword);
  if (!kw) {
    const suggestion = nearest(c.keyword, MSMTP_KEYWORDS.map((k) => k.name));
    out.push({
      range: c.keywordRange,
      severity: DiagnosticSeverity.Warning,
      code: 'msmtprc/unknown-keyword',
      source: SOURCE,
      message: t(ctx.locale, 'msmtprc.unknown-keyword', c.keyword) + (suggestion ? ` ${t(ctx.locale, 'msmtprc.did-you-mean', suggestion)}` : ''),
      data: suggestion ? { suggestion } : undefined,
    });
    return;
  }
  if (kw.value.kind === 'choice') {
    // An on/off command written alone means on.
    const choices = kw.value.values;
    if (c.argument !== '' && !choices.includes(c.argument.toLowerCase()))
      out.push({ range: c.argumentRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/bad-value', source: SOURCE, message: t(ctx.locale, 'msmtprc.bad-value', c.keyword, choices.join(', ')) });
    else if (c.argument === '' && !choices.includes('on'))
      out.push({ range: c.keywordRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/missing-argument', source: SOURCE, message: t(ctx.locale, 'msmtprc.missing-argument', c.keyword) });
  } else if (kw.value.kind === 'text' && c.argument === '' && ['host', 'port', 'from', 'user', 'logfile'].includes(c.keyword)) {
    out.push({ range: c.keywordRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/missing-argument', source: SOURCE, message: t(ctx.locale, 'msmtprc.missing-argument', c.keyword) });
  }
  if (c.keyword === 'tls_certcheck' && c.argument.toLowerCase() === 'off')
    out.push({ range: c.range, severity: DiagnosticSeverity.Warning, code: 'msmtprc/tls-certcheck-off', source: SOURCE, message: t(ctx.locale, 'msmtprc.tls-certcheck-off') });
}

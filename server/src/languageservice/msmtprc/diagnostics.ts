// Diagnostics for ~/.msmtprc: unknown commands, values outside a command's choices, accounts
// defined twice or inherited before they exist (this is how 'account default : vm25' is checked),
// and tls_certcheck off, which the lab needs for its self-signed certificate and nowhere else.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import type { MsmtpCommand } from '../../parsers/msmtprc';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { MSMTP_KEYWORDS, msmtpKeyword, ValueKind } from './keywords';
import { parsedMsmtprc } from './parsed';

const SOURCE = 'mailconf';

export function msmtprcDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedMsmtprc(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    // msmtp takes an unclosed quote literally; a nameless account stops it.
    severity: e.code === 'unclosed-quote' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
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
      // msmtp refuses the whole file at an unknown command.
      severity: DiagnosticSeverity.Error,
      code: 'msmtprc/unknown-keyword',
      source: SOURCE,
      message: t(ctx.locale, 'msmtprc.unknown-keyword', c.keyword) + (suggestion ? ` ${t(ctx.locale, 'msmtprc.did-you-mean', suggestion)}` : ''),
      data: suggestion ? { suggestion } : undefined,
    });
    return;
  }
  const problem = valueProblem(kw.value, c.argument);
  if (problem === 'missing')
    out.push({ range: c.keywordRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/missing-argument', source: SOURCE, message: t(ctx.locale, 'msmtprc.missing-argument', c.keyword) });
  else if (problem)
    out.push({ range: c.argumentRange, severity: DiagnosticSeverity.Error, code: 'msmtprc/bad-value', source: SOURCE, message: t(ctx.locale, 'msmtprc.bad-value', c.keyword, problem) });
  if ((c.keyword === 'tls_certcheck' && c.argument === 'off') || c.keyword === 'tls_nocertcheck')
    out.push({ range: c.range, severity: DiagnosticSeverity.Warning, code: 'msmtprc/tls-certcheck-off', source: SOURCE, message: t(ctx.locale, 'msmtprc.tls-certcheck-off') });
}

/** 'missing', a description of the accepted values when the argument is not one, or undefined. */
function valueProblem(kind: ValueKind, arg: string): string | undefined {
  switch (kind.kind) {
    case 'none':
      return undefined;
    case 'text':
      return kind.required && arg === '' ? 'missing' : undefined;
    case 'choice':
      if (arg === '') return kind.empty === 'allowed' ? undefined : kind.empty === 'required' ? 'missing' : kind.values.join(', ');
      return kind.values.includes(arg) ? undefined : kind.values.join(', ');
    case 'number': {
      if (arg === '') return kind.required ? 'missing' : `${kind.min}-${kind.max}`;
      if (kind.words?.includes(arg)) return undefined;
      const n = /^\d+$/.test(arg) ? Number(arg) : NaN;
      return n >= kind.min && n <= kind.max ? undefined : [`${kind.min}-${kind.max}`, ...(kind.words ?? [])].join(', ');
    }
    case 'dsn-notify':
      if (arg === '') return 'missing';
      if (arg === 'off' || arg === 'never') return undefined;
      return arg.split(',').every((x) => ['failure', 'delay', 'success'].includes(x)) ? undefined : 'off, never, failure,delay,success';
  }
}

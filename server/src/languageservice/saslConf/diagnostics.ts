// Diagnostics for a Cyrus SASL application file (smtpd.conf): lines libsasl refuses (errors: the
// whole file is then rejected and AUTH fails), options it does not know (saying where those of
// other parts belong), repeated options (libsasl keeps the first), values outside an option's
// words, and values libsasl reads otherwise than they look (switches, numbers).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { MessageKey, t } from '../../l10n';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { saslFindingsFor } from '../sasl/crossChecks';
import { misplacedOption, misplacedValue } from './misplaced';
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
    const elsewhere = info ? undefined : misplacedOption(o.key);
    if (elsewhere) {
      out.push({ range: o.keyRange, severity: DiagnosticSeverity.Warning, code: 'saslconf/unknown-option', source: SOURCE, message: t(ctx.locale, elsewhere.key, ...elsewhere.args) });
      continue;
    }
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
    if (o.value === '') continue;
    const bad = (key: MessageKey, ...args: string[]) =>
      out.push({ range: o.valueRange, severity: DiagnosticSeverity.Warning, code: 'saslconf/bad-value', source: SOURCE, message: t(ctx.locale, key, ...args) });
    if (info.reads === 'integer') {
      if (!/^[+-]?\d/.test(o.value)) bad('saslconf.not-an-integer', o.value);
      continue;
    }
    if (info.reads === 'switch') {
      if (!switchIsClear(o.value) && !info.values?.includes(o.value)) bad('saslconf.switch-read-as-off', o.value, o.key);
      continue;
    }
    if (!info.values) continue;
    const words = info.list ? o.value.split(/[\s,]+/).filter(Boolean) : [o.value];
    // Mechanism names, password verifiers and plugin names are matched without regard to case by libsasl.
    for (const w of words.filter((w) => !info.values!.some((v) => v.toLowerCase() === w.toLowerCase()))) {
      const elsewhere = misplacedValue(o.key, w);
      if (elsewhere) bad(elsewhere.key, ...elsewhere.args);
      else bad('saslconf.bad-value', w, o.key, info.values.join(', '));
    }
  }
  out.push(...saslFindingsFor(doc.uri, ctx));
  return out;
}

/**
 * Whether a switch's value says what libsasl makes of it: on for a value starting with a lowercase
 * 1, y, t or 'on', off for one that reads as off ('no', 'false', 'off', '0', in any case). 'Yes'
 * or 'enable' are read as off too, which is rarely what was meant.
 */
function switchIsClear(value: string): boolean {
  return /^(?:[1yt]|on)/.test(value) || /^(?:[0nf]|off)/i.test(value);
}

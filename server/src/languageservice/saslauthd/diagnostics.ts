// Diagnostics for /etc/default/saslauthd, by what Debian's init script does with it: it starts
// nothing without START=yes, refuses OPTIONS without -m or with -d, and passes MECHANISMS as -a.
// saslauthd itself refuses unknown flags.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { MessageKey, t } from '../../l10n';
import { lastAssignments, parseSaslauthdOptions } from '../../parsers/saslauthdDefaults';
import type { ServiceContext } from '../service';
import { saslFindingsFor } from '../sasl/crossChecks';
import { parsedSaslauthd } from './parsed';
import { SASLAUTHD_MECHANISMS, SASLAUTHD_VARIABLES } from './variables';

const SOURCE = 'mailconf';

export function saslauthdDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedSaslauthd(doc);
  const out: Diagnostic[] = [];
  const add = (range: Range, severity: DiagnosticSeverity, code: string, key: MessageKey, ...args: string[]) =>
    out.push({ range, severity, code: `saslauthd/${code}`, source: SOURCE, message: t(ctx.locale, key, ...args) });
  for (const e of tree.errors) add(e.range, e.code === 'unclosed-quote' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, e.code, `saslauthd.${e.code}`);
  for (const a of tree.assignments) if (!(a.name in SASLAUTHD_VARIABLES)) add(a.nameRange, DiagnosticSeverity.Information, 'unknown-variable', 'saslauthd.unknown-variable', a.name);
  const last = lastAssignments(tree.assignments);
  const cross = saslFindingsFor(doc.uri, ctx);
  // The cross-check says the same with the smtpd.conf line that needs saslauthd; one is enough.
  const start = last.get('START');
  if (start?.value !== 'yes' && !cross.some((d) => d.code === 'sasl/saslauthd-not-started')) {
    const at = start ? start.valueRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    add(at, DiagnosticSeverity.Warning, 'not-started', 'saslauthd.not-started');
  }
  const mechanisms = last.get('MECHANISMS');
  // The init script passes `-a $MECHANISMS`: saslauthd takes the first word and ignores the rest.
  const [mechanism, ...ignored] = mechanisms?.value.split(/\s+/).filter(Boolean) ?? [];
  if (mechanism && !SASLAUTHD_MECHANISMS.includes(mechanism))
    add(mechanisms!.valueRange, DiagnosticSeverity.Error, 'unknown-mechanism', 'saslauthd.unknown-mechanism', mechanism, SASLAUTHD_MECHANISMS.join(', '));
  else if (ignored.length) add(mechanisms!.valueRange, DiagnosticSeverity.Warning, 'one-mechanism', 'saslauthd.one-mechanism', mechanism, ignored.join(' '));
  const threads = last.get('THREADS');
  if (threads && !/^\d+$/.test(threads.value)) add(threads.valueRange, DiagnosticSeverity.Error, 'not-a-number', 'saslauthd.not-a-number', 'THREADS');
  const options = last.get('OPTIONS');
  if (options) {
    const flags = parseSaslauthdOptions(options.words);
    for (const u of flags.unknown) add(u.range, DiagnosticSeverity.Error, 'unknown-flag', 'saslauthd.unknown-flag', u.letter);
    for (const f of flags.missingArgument) add(f.range, DiagnosticSeverity.Error, 'missing-argument', 'saslauthd.missing-argument', f.letter);
    for (const s of flags.stray) add(s.range, DiagnosticSeverity.Warning, 'stray-word', 'saslauthd.stray-word', s.text);
    for (const f of flags.flags) {
      if (f.letter === 'd') add(f.range, DiagnosticSeverity.Error, 'debug-flag', 'saslauthd.debug-flag');
      if (f.letter === 'a' && mechanisms?.value) add(f.range, DiagnosticSeverity.Warning, 'mechanism-twice', 'saslauthd.mechanism-twice');
      if (f.letter === 'm' && f.argument && !f.argument.text.startsWith('/')) add(f.argument.range, DiagnosticSeverity.Error, 'relative-dir', 'saslauthd.relative-dir');
    }
    // An empty OPTIONS makes the script use its default, which has -m.
    if (options.value.trim() !== '' && !flags.flags.some((f) => f.letter === 'm')) add(options.valueRange, DiagnosticSeverity.Error, 'no-socket-dir', 'saslauthd.no-socket-dir');
  }
  out.push(...cross);
  return out;
}

// Diagnostics for saslauthd's settings file, by what starts saslauthd from it (./launch.ts):
// Debian's init script starts nothing without START=yes and refuses OPTIONS without -m or with -d;
// Red Hat's unit needs SOCKETDIR. Both pass the mechanism as -a, and saslauthd itself refuses
// unknown flags.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { MessageKey, t } from '../../l10n';
import { lastAssignments } from '../../parsers/saslauthdDefaults';
import type { ServiceContext } from '../service';
import { saslFindingsFor } from '../sasl/crossChecks';
import { saslauthdLaunch } from './launch';
import { parsedSaslauthd } from './parsed';
import { SASLAUTHD_MECHANISMS, SASLAUTHD_VARIABLES } from './variables';

const SOURCE = 'mailconf';

export function saslauthdDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const tree = parsedSaslauthd(doc);
  const launch = saslauthdLaunch(doc.uri, tree);
  const out: Diagnostic[] = [];
  const add = (range: Range, severity: DiagnosticSeverity, code: string, key: MessageKey, ...args: string[]) =>
    out.push({ range, severity, code: `saslauthd/${code}`, source: SOURCE, message: t(ctx.locale, key, ...args) });
  for (const e of tree.errors) add(e.range, e.code === 'unclosed-quote' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, e.code, `saslauthd.${e.code}`);
  const known = SASLAUTHD_VARIABLES[launch.dialect];
  for (const a of tree.assignments) if (!(a.name in known)) add(a.nameRange, DiagnosticSeverity.Information, 'unknown-variable', 'saslauthd.unknown-variable', a.name);
  const cross = saslFindingsFor(doc.uri, ctx);
  // The cross-check says the same with the smtpd.conf line that needs saslauthd; one is enough.
  if (!launch.started && !cross.some((d) => d.code === 'sasl/saslauthd-not-started')) {
    const at = launch.start ? launch.start.valueRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    add(at, DiagnosticSeverity.Warning, 'not-started', 'saslauthd.not-started');
  }
  const mechanisms = launch.mechanism;
  // The mechanism goes as `-a $MECHANISMS`: saslauthd takes the first word and ignores the rest.
  const [mechanism, ...ignored] = mechanisms?.value.split(/\s+/).filter(Boolean) ?? [];
  if (mechanism && !SASLAUTHD_MECHANISMS.includes(mechanism))
    add(mechanisms!.valueRange, DiagnosticSeverity.Error, 'unknown-mechanism', 'saslauthd.unknown-mechanism', mechanism, SASLAUTHD_MECHANISMS.join(', '));
  else if (ignored.length) add(mechanisms!.valueRange, DiagnosticSeverity.Warning, 'one-mechanism', 'saslauthd.one-mechanism', mechanism, ignored.join(' '));
  const threads = launch.dialect === 'debian' ? lastAssignments(tree.assignments).get('THREADS') : undefined;
  if (threads && !/^\d+$/.test(threads.value)) add(threads.valueRange, DiagnosticSeverity.Error, 'not-a-number', 'saslauthd.not-a-number', 'THREADS');
  const { flags, flagsAssignment } = launch;
  for (const u of flags.unknown) add(u.range, DiagnosticSeverity.Error, 'unknown-flag', 'saslauthd.unknown-flag', u.letter);
  for (const f of flags.missingArgument) add(f.range, DiagnosticSeverity.Error, 'missing-argument', 'saslauthd.missing-argument', f.letter);
  for (const w of flags.stray) add(w.range, DiagnosticSeverity.Warning, 'stray-word', 'saslauthd.stray-word', w.text);
  for (const f of flags.flags) {
    if (f.letter === 'd') add(f.range, DiagnosticSeverity.Error, 'debug-flag', 'saslauthd.debug-flag');
    if (f.letter === 'a' && mechanisms?.value) add(f.range, DiagnosticSeverity.Warning, 'mechanism-twice', 'saslauthd.mechanism-twice', mechanisms.name);
    if (f.letter === 'm' && f.argument && !f.argument.text.startsWith('/')) add(f.argument.range, DiagnosticSeverity.Error, 'relative-dir', 'saslauthd.relative-dir');
  }
  if (launch.missingSocketFolder === 'OPTIONS') add(flagsAssignment!.valueRange, DiagnosticSeverity.Error, 'no-socket-dir', 'saslauthd.no-socket-dir');
  else if (launch.missingSocketFolder === 'SOCKETDIR') {
    const socketdir = lastAssignments(tree.assignments).get('SOCKETDIR');
    add(socketdir?.valueRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, DiagnosticSeverity.Error, 'no-socket-dir', 'saslauthd.no-socketdir');
  }
  out.push(...cross);
  return out;
}

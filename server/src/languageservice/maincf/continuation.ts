// An indented line under a setting continues that setting's value, as Postfix reads main.cf, even
// when it reads like a setting of its own: `   myorigin = $myhostname` under `biff = no` makes biff's
// value "no myorigin = $myhostname", and myorigin keeps its default without a word. Such a line is
// almost always a setting indented by mistake, so it is flagged when its name is one Postfix knows
// (built in, or defined and used in this configuration), and the fix removes the indent.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t, type Locale } from '../../l10n';
import type { MainCfEntry } from '../../parsers/maincf';
import type { PostfixModel } from '../postfixModel';
import { diagnostic } from './site';

/** `name =` or `name=` after the indent: the shape of a setting. */
const SETTING = /^([ \t]+)([A-Za-z0-9_.-]+)[ \t]*=/;

export function continuedSettingDiagnostics(doc: TextDocument, entries: MainCfEntry[], model: PostfixModel, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of entries) {
    if (e.range.end.line === e.range.start.line) continue;
    for (let line = e.range.start.line + 1; line <= e.range.end.line; line++) {
      const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      const m = SETTING.exec(text);
      if (!m || !model.isKnown(m[2])) continue;
      const indent = m[1].length;
      const whole = { start: { line, character: 0 }, end: { line, character: text.length } };
      out.push(
        diagnostic(
          { start: { line, character: indent }, end: { line, character: indent + m[2].length } },
          DiagnosticSeverity.Warning,
          'continues-previous-setting',
          t(locale, 'maincf.continues-previous-setting', e.name, m[2]),
          { replaceSetting: { range: whole, text: text.slice(indent), title: t(locale, 'maincf.fix.unindent', m[2]) } },
        ),
      );
    }
  }
  return out;
}

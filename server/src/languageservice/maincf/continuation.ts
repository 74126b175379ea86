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

/** `name =` or `name=` after the indent, at a line start: the shape of a setting. */
const SETTING = /^([ \t]+)([A-Za-z0-9_.-]+)[ \t]*=/gm;

export function continuedSettingDiagnostics(doc: TextDocument, entries: MainCfEntry[], model: PostfixModel, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = doc.getText();
  // One pass of the regular expression over the whole text finds the few lines shaped like a
  // setting; each is then placed in the entry whose lines hold it (both come in file order).
  let k = 0;
  // The line is counted along the way: asking the document would first walk all of it,
  // character by character, for its line offsets (~3 ms for 20,000 lines in a fresh server).
  let line = 0;
  let counted = 0;
  for (const m of text.matchAll(SETTING)) {
    // Only '\n' ends a line for Postfix; `^` also matches after '\r' and the Unicode separators.
    if (m.index! > 0 && text[m.index! - 1] !== '\n') continue;
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < m.index!; nl = text.indexOf('\n', nl + 1)) line++;
    counted = m.index!;
    while (k < entries.length && entries[k].range.end.line < line) k++;
    const e = entries[k];
    if (!e || line <= e.range.start.line || !model.isKnown(m[2])) continue;
    const nl = text.indexOf('\n', m.index!);
    const lineText = text.slice(m.index!, nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl);
    const indent = m[1].length;
    const whole = { start: { line, character: 0 }, end: { line, character: lineText.length } };
    out.push(
      diagnostic(
        { start: { line, character: indent }, end: { line, character: indent + m[2].length } },
        DiagnosticSeverity.Warning,
        'continues-previous-setting',
        t(locale, 'maincf.continues-previous-setting', e.name, m[2]),
        { replaceSetting: { range: whole, text: lineText.slice(indent), title: t(locale, 'maincf.fix.unindent', m[2]) } },
      ),
    );
  }
  return out;
}

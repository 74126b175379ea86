import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { allParameters, getParameter } from '../../postfix/parameters';
import { nearest } from '../nearest';
import { parsedMainCf } from './parsed';

export const SOURCE = 'mailconf';

export function mainCfDiagnostics(doc: TextDocument): Diagnostic[] {
  const tree = parsedMainCf(doc);
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: DiagnosticSeverity.Error,
    code: `syntax/${e.code}`,
    source: SOURCE,
    message: e.message,
  }));

  // A name that main.cf refers to as $name is a user-defined parameter, like postconf treats it.
  const referenced = new Set<string>();
  for (const e of tree.entries) {
    for (const m of e.value.matchAll(/\$\{?\(?([A-Za-z0-9_]+)/g)) referenced.add(m[1]);
  }
  for (const e of tree.entries) {
    if (getParameter(e.name) || referenced.has(e.name)) continue;
    const suggestion = nearest(e.name, [...allParameters()].map((p) => p.name));
    out.push({
      range: e.nameRange,
      severity: DiagnosticSeverity.Warning,
      code: 'unknown-parameter',
      source: SOURCE,
      message:
        `Unknown parameter '${e.name}': Postfix ignores it and warns "unused parameter"` +
        (suggestion ? `. Did you mean '${suggestion}'?` : ''),
      data: suggestion ? { suggestion } : undefined,
    });
  }
  return out;
}

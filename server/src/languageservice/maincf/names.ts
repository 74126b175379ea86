// Parameter names and $references in main.cf, judged by postconf's own rules (see postfixModel):
// names Postfix would report as "unused parameter", references it would report as "undefined
// parameter", settings overridden by a later line, and deprecated names with their replacement.
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver-types';
import type { MainCfEntry } from '../../parsers/maincf';
import type { Deprecation } from '../../postfix/deprecated';
import { getDeprecation } from '../../postfix/deprecated';
import { allParameters } from '../../postfix/parameters';
import { nearest } from '../nearest';
import type { PostfixModel } from '../postfixModel';
import { diagnostic, FixData } from './site';

let builtinNames: string[] | undefined;

export function parameterNames(): string[] {
  builtinNames ??= [...allParameters()].map((p) => p.name);
  return builtinNames;
}

/** Suggestions are the costly part of a check; a name keeps its suggestion between keystrokes. */
const suggestionCache = new Map<string, string | undefined>();

function suggestParameter(name: string): string | undefined {
  if (suggestionCache.has(name)) return suggestionCache.get(name);
  const found = nearest(name, parameterNames());
  if (suggestionCache.size > 10_000) suggestionCache.clear();
  suggestionCache.set(name, found);
  return found;
}

export function unknownParameter(name: string, range: Range): Diagnostic {
  const suggestion = suggestParameter(name);
  return diagnostic(
    range,
    DiagnosticSeverity.Warning,
    'unknown-parameter',
    `Unknown parameter '${name}': Postfix ignores it and warns "unused parameter"` + (suggestion ? `. Did you mean '${suggestion}'?` : ''),
    suggestion ? { replaceWith: [suggestion] } : undefined,
  );
}

export function undefinedReference(name: string, range: Range, candidates: Iterable<string>): Diagnostic {
  const suggestion = nearest(name, candidates);
  return diagnostic(
    range,
    DiagnosticSeverity.Warning,
    'undefined-reference',
    `'$${name}' refers to a parameter that is defined nowhere: it expands to nothing and postconf warns "undefined parameter"` +
      (suggestion ? `. Did you mean '${suggestion}'?` : ''),
    suggestion ? { replaceWith: [suggestion] } : undefined,
  );
}

/** The replacement setting for a deprecated one, when the value translates directly. */
export function deprecationFix(dep: Deprecation, value: string): { text: string; title: string } | 'delete' | undefined {
  const mapped = dep.valueMap?.[value.trim().toLowerCase()];
  if (mapped) return { text: `${mapped.parameter} = ${mapped.value}`, title: `Replace with ${mapped.parameter} = ${mapped.value}` };
  if (dep.valueMap && Object.keys(dep.valueMap).length === 0) return 'delete';
  if (mapped === null) return 'delete';
  if (!dep.valueMap && /^Renamed/.test(dep.advice.en) && dep.replacements[0]) return { text: `${dep.replacements[0]} = ${value}`, title: `Rename to ${dep.replacements[0]}` };
  return undefined;
}

export function deprecatedParameter(dep: Deprecation, value: string, nameRange: Range, settingRange: Range, joiner: ' = ' | '='): Diagnostic {
  const fix = deprecationFix(dep, value);
  const data: FixData = {};
  if (fix === 'delete') data.remove = { range: settingRange, title: `Delete the ${dep.name} setting` };
  else if (fix) data.replaceSetting = { range: settingRange, text: fix.text.replace(' = ', joiner), title: fix.title };
  const when = dep.removedIn ? `removed in Postfix ${dep.removedIn}` : `deprecated since Postfix ${dep.warnedSince}`;
  const d = diagnostic(nameRange, DiagnosticSeverity.Warning, 'deprecated-parameter', `'${dep.name}' is ${when}. ${dep.advice.en}`, fix ? data : undefined);
  d.tags = [DiagnosticTag.Deprecated];
  return d;
}

export function mainCfNameDiagnostics(entries: MainCfEntry[], model: PostfixModel, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, MainCfEntry>();
  let candidates: string[] | undefined;
  for (const e of entries) {
    const dep = getDeprecation(e.name);
    if (dep?.kind === 'parameter') out.push(deprecatedParameter(dep, e.rawValue, e.nameRange, e.range, ' = '));
    else if (!model.isKnown(e.name)) out.push(unknownParameter(e.name, e.nameRange));
    const earlier = seen.get(e.name);
    if (earlier) {
      const same = earlier.rawValue === e.rawValue;
      const d = diagnostic(
        e.nameRange,
        same ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
        'duplicate-parameter',
        same
          ? `'${e.name}' is already set to the same value on line ${earlier.line + 1}`
          : `'${e.name}' is set again: this line wins over line ${earlier.line + 1} (${earlier.rawValue || 'empty'}), and Postfix warns "overriding earlier entry"`,
        { remove: { range: same ? e.range : earlier.range, title: same ? 'Delete this repeated line' : `Delete the earlier setting on line ${earlier.line + 1}` } },
      );
      d.relatedInformation = [DiagnosticRelatedInformation.create({ uri, range: earlier.nameRange }, `earlier setting of ${e.name}`)];
      out.push(d);
    }
    seen.set(e.name, e);
    for (const r of e.references) {
      if (model.isDefined(r.name)) continue;
      candidates ??= [...model.definedNames()];
      out.push(undefinedReference(r.name, r.nameRange, candidates));
    }
  }
  return out;
}

// Checks a value against its parameter's type: what a Postfix daemon would refuse at start-up
// ("bad boolean", "bad time value", an unknown table type) or silently misread.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { getMapType } from '../../postfix/mapTypes';
import { getParameter } from '../../postfix/parameters';
import { toleratedValue, valueProblem, ValueType } from '../../postfix/valueTypes';
import { nearest } from '../nearest';
import { checkRestrictionList, unknownMapType } from './restrictionList';
import { diagnostic, ValueSite } from './site';
import { listTokens } from '../../postfix/listTokens';
import type { PostfixCheck } from '../postfixTarget';
import { t, type Locale } from '../../l10n';
import { networkPatternProblem } from '../../postfix/networkPattern';

const BOOLEAN_SYNONYMS: Record<string, string> = { true: 'yes', false: 'no', on: 'yes', off: 'no', '1': 'yes', '0': 'no', y: 'yes', n: 'no', enabled: 'yes', disabled: 'no' };

/** The type of a built-in parameter, or of a user-defined one that stands in for a restriction list. */
export function typeOfSetting(site: Pick<ValueSite, 'parameter' | 'model'>): ValueType | undefined {
  const info = getParameter(site.parameter);
  if (info) return info.type;
  const list = site.model.restrictionListOf(site.parameter);
  return list ? { kind: 'restrictions', list } : undefined;
}

export function checkValue(site: ValueSite, check: PostfixCheck): Diagnostic[] {
  const type = typeOfSetting(site);
  if (!type) return [];
  if (type.kind === 'restrictions') return checkRestrictionList(site, type.list, check);
  // Lists of domains, networks and addresses may mix in lookup tables; other lists (milters,
  // policy services) hold inet:/unix: socket addresses, which only look like tables.
  if (type.kind === 'lookupTables' || (type.kind === 'list' && (type.item === 'domain' || type.item === 'network' || type.item === 'address'))) return checkTables(site, type, check.locale);
  const problem = valueProblem(type, site.value, check.locale);
  const tolerated = toleratedValue(type, site.value);
  if (tolerated) {
    const v = site.value.trim();
    return [diagnostic(site.valueRange, DiagnosticSeverity.Warning, 'tolerated-value', `${site.parameter} = ${v}: Postfix logs "unsupported" and uses ${tolerated} instead`, { replaceWith: [tolerated] })];
  }
  if (!problem) return [];
  const v = site.value.trim();
  let replaceWith: string[] | undefined;
  if (type.kind === 'boolean' && BOOLEAN_SYNONYMS[v.toLowerCase()]) replaceWith = [BOOLEAN_SYNONYMS[v.toLowerCase()]];
  else if (type.kind === 'enum' && !type.multiple) {
    const near = nearest(v.toLowerCase(), type.values);
    if (near) replaceWith = [near];
  } else if (type.kind === 'time') {
    const unit = /^(\d+)\s*(sec|second|seconds|min|minute|minutes|hour|hours|day|days|week|weeks)$/i.exec(v);
    if (unit) replaceWith = [unit[1] + unit[2][0].toLowerCase()];
  }
  const range = site.value === '' ? site.nameRange : site.valueRange;
  return [
    diagnostic(
      range,
      DiagnosticSeverity.Error,
      'invalid-value',
      t(check.locale, 'value.invalid', site.parameter, problem) + (replaceWith ? `. ${t(check.locale, 'value.did-you-mean', replaceWith[0])}` : ''),
      replaceWith ? { replaceWith } : undefined,
    ),
  ];
}

/**
 * In table and list values, the `type:` of each table must be a type Postfix has, and in network
 * lists each address pattern must be one smtpd can use.
 */
function checkTables(site: ValueSite, type: ValueType, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const token of listTokens(site.value)) {
    if (token.text.includes('$')) continue;
    if (type.kind === 'list' && type.item === 'network') {
      const problem = networkPatternProblem(token.text);
      if (problem) {
        const severity = problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        out.push(diagnostic(site.rangeOf(token.start, token.end), severity, 'invalid-network', problem.message[locale]));
        continue;
      }
    }
    if (token.text.startsWith('!')) continue;
    const m = /^([a-z][a-z0-9]*):/.exec(token.text);
    if (!m) {
      if (type.kind === 'lookupTables' && !token.text.startsWith('{') && !token.text.startsWith('/')) {
        out.push(
          diagnostic(site.rangeOf(token.start, token.end), DiagnosticSeverity.Error, 'invalid-value', t(locale, 'table.form', site.parameter, token.text)),
        );
      }
      continue;
    }
    // IPv6 addresses (2001:db8::/32) look like type:name; they are not tables.
    if (/^[0-9a-f:./]+$/i.test(token.text) && token.text.includes('::')) continue;
    if (!getMapType(m[1])) out.push(unknownMapType(site, token, m[1], locale));
  }
  return out;
}

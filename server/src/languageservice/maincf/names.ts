// Parameter names and $references in main.cf, judged by postconf's own rules (see postfixModel):
// names Postfix would report as "unused parameter", references it would report as "undefined
// parameter", settings overridden by a later line, and deprecated names with their replacement.
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver-types';
import type { MainCfEntry } from '../../parsers/maincf';
import type { Deprecation } from '../../postfix/deprecated';
import { getDeprecation } from '../../postfix/deprecated';
import { allParameters, postfixVersion } from '../../postfix/parameters';
import { allServiceParameterSuffixes, CHARACTER_SET_PARAMETERS, RAW_PARAMETERS } from '../../postfix/postconf/facts';
import { availability, compareVersions, newestRelease, renamedTo } from '../../postfix/releaseFacts';
import { t, type Locale } from '../../l10n';
import type { PostfixCheck } from '../postfixTarget';
import { nearest } from '../nearest';
import type { PostfixModel, ServiceView } from '../postfixModel';
import { parseExpansion } from '../../parsers/expansion';
import { movedFrom } from './incremental';
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

/** The release series the postconf emulation and its built-in names come from (3.7). */
function emulatedRelease(): string {
  return postfixVersion().split('.').slice(0, 2).join('.');
}

/**
 * A name that looks like `<service>_destination_recipient_limit` and the like: the parameter a
 * master.cf delivery service of that name would bring. Returns the service name, or undefined.
 */
function serviceOfParameter(name: string, model: PostfixModel): string | undefined {
  for (const suffix of allServiceParameterSuffixes()) {
    if (!name.endsWith(suffix) || name.length === suffix.length) continue;
    const service = name.slice(0, -suffix.length);
    // A service that exists but does not bring this name is a different mistake.
    return model.services.some((s) => s.service === service) ? undefined : service;
  }
  return undefined;
}

/**
 * What to say about a parameter name for the target release: nothing when it exists there (or
 * postconf knows it from master.cf or a reference), "needs a later release", "removed", a missing
 * master.cf service, or unknown with a near match.
 */
export function parameterNameDiagnostic(name: string, range: Range, known: boolean, model: PostfixModel, check: PostfixCheck): Diagnostic | undefined {
  const a = availability(name, check.target);
  if (a.status === 'later') return diagnostic(range, DiagnosticSeverity.Warning, 'needs-newer-postfix', t(check.locale, 'release.needs-newer', name, a.since, check.target));
  if (a.status === 'removed' && !known) return diagnostic(range, DiagnosticSeverity.Warning, 'removed-parameter', t(check.locale, 'release.removed-parameter', name, a.removedIn, check.target));
  if (known) return undefined;
  const to = renamedTo(name);
  if (to) return diagnostic(range, DiagnosticSeverity.Warning, 'renamed-parameter', t(check.locale, 'release.renamed', name, to, check.target), { replaceWith: [to] });
  // Where the release the postconf emulation follows documents the name too, its rules decide
  // (relay_destination_concurrency_limit is documented, yet known only with a relay service).
  if (a.status === 'present' && availability(name, emulatedRelease()).status !== 'present') return undefined;
  const service = serviceOfParameter(name, model);
  if (service) return diagnostic(range, DiagnosticSeverity.Warning, 'unknown-parameter', t(check.locale, 'release.service-parameter', name, service));
  return unknownParameter(name, range, check.locale);
}

export function unknownParameter(name: string, range: Range, locale: Locale = 'en'): Diagnostic {
  const suggestion = suggestParameter(name);
  return diagnostic(
    range,
    DiagnosticSeverity.Warning,
    'unknown-parameter',
    t(locale, 'names.unknown-parameter', name) + (suggestion ? `. ${t(locale, 'value.did-you-mean', suggestion)}` : ''),
    suggestion ? { replaceWith: [suggestion] } : undefined,
  );
}

/**
 * Whether Postfix expands the $names in this parameter's value. The raw ones (mailbox_command,
 * forward_path, ...) are left for the daemon, which fills in its own $EXTENSION, $home and the
 * like; the postconf emulation knows the same list.
 */
export function expandsReferences(parameter: string): boolean {
  return !RAW_PARAMETERS.has(parameter);
}

/** Whether Postfix ever reads a '$' in this parameter's value as the start of a $name (see CHARACTER_SET_PARAMETERS). */
export function readsMacros(parameter: string): boolean {
  return !CHARACTER_SET_PARAMETERS.has(parameter);
}

/**
 * Whether expanding `from` (as a main.cf or service setting sees it) comes back to `to`: a loop
 * that mac_expand() follows until "unreasonable macro call nesting", which stops postconf and the
 * daemons alike. Returns the names on the way, or undefined.
 */
export function referenceLoop(from: string, to: string, model: PostfixModel, service?: ServiceView, seen: Set<string> = new Set()): string[] | undefined {
  if (from === to) return [to];
  if (seen.has(from) || !expandsReferences(from)) return undefined;
  seen.add(from);
  const value = model.raw(from, service);
  if (value === undefined || !value.includes('$')) return undefined;
  // A main.cf value (one the service does not override) was parsed with its entry: not again.
  const own = service?.params.has(from) ? undefined : model.mainEntries.get(from);
  for (const r of own ? own.references : parseExpansion(value).references) {
    const rest = referenceLoop(r.name, to, model, service, seen);
    if (rest) return [from, ...rest];
  }
  return undefined;
}

/** A $reference in `owner`'s value whose expansion leads back to `owner`. */
export function loopDiagnostic(owner: string, ref: { name: string; nameRange: Range }, model: PostfixModel, check: PostfixCheck, service?: ServiceView): Diagnostic | undefined {
  if (!expandsReferences(owner)) return undefined;
  const path = referenceLoop(ref.name, owner, model, service);
  if (!path) return undefined;
  const message =
    service && ref.name === owner
      ? t(check.locale, 'names.service-self-reference', owner)
      : t(check.locale, 'names.reference-loop', ref.name, owner, [owner, ...path].join(' → '));
  return diagnostic(ref.nameRange, DiagnosticSeverity.Error, 'reference-loop', message);
}

/** Suggestions per candidate set (the model keeps one set while names do not change). */
const referenceSuggestions = new WeakMap<object, Map<string, string | undefined>>();

export function undefinedReference(name: string, range: Range, candidates: Iterable<string>, locale: Locale = 'en'): Diagnostic {
  let memo = referenceSuggestions.get(candidates);
  if (!memo) referenceSuggestions.set(candidates, (memo = new Map()));
  if (!memo.has(name)) memo.set(name, nearest(name, candidates));
  const suggestion = memo.get(name);
  return diagnostic(
    range,
    DiagnosticSeverity.Warning,
    'undefined-reference',
    t(locale, 'names.undefined-reference', name) + (suggestion ? `. ${t(locale, 'value.did-you-mean', suggestion)}` : ''),
    suggestion ? { replaceWith: [suggestion] } : undefined,
  );
}

/** The replacement setting for a deprecated one, when the value translates directly. */
export function deprecationFix(dep: Deprecation, value: string, locale: Locale): { text: string; title: string } | 'delete' | undefined {
  const mapped = dep.valueMap?.[value.trim().toLowerCase()];
  if (mapped) return { text: `${mapped.parameter} = ${mapped.value}`, title: t(locale, 'fix.replace-with', `${mapped.parameter} = ${mapped.value}`) };
  if ((dep.valueMap && Object.keys(dep.valueMap).length === 0) || dep.replacements.length === 0) return 'delete';
  if (mapped === null) return 'delete';
  if (!dep.valueMap && /^Renamed/.test(dep.advice.en) && dep.replacements[0]) return { text: `${dep.replacements[0]} = ${value}`, title: t(locale, 'fix.rename-to', dep.replacements[0]) };
  return undefined;
}

/** How a deprecation reads and weighs for the target: an error once removed, a warning once warned about, a hint before. */
export function deprecationFinding(dep: Deprecation, check: PostfixCheck): { severity: DiagnosticSeverity; message: string } {
  const advice = dep.advice[check.locale];
  const { target, locale } = check;
  if (dep.removedIn && compareVersions(target, dep.removedIn) >= 0) {
    return { severity: DiagnosticSeverity.Error, message: t(locale, 'release.removed', dep.name, dep.removedIn, target, advice) };
  }
  const fate = dep.removedIn ? t(locale, 'release.removed-in', dep.removedIn) : t(locale, 'release.still-accepted', newestRelease());
  if (compareVersions(target, dep.warnedSince) >= 0) {
    return { severity: DiagnosticSeverity.Warning, message: t(locale, 'release.deprecated', dep.name, dep.warnedSince, fate, advice) };
  }
  return { severity: DiagnosticSeverity.Hint, message: t(locale, 'release.deprecated-later', dep.name, dep.warnedSince, target, fate, advice) };
}

/** `removeRange` is what deleting the setting removes (in master.cf, the -o too). */
export function deprecatedParameter(
  dep: Deprecation,
  value: string,
  nameRange: Range,
  settingRange: Range,
  joiner: ' = ' | '=',
  check: PostfixCheck,
  removeRange: Range = settingRange,
): Diagnostic {
  const fix = deprecationFix(dep, value, check.locale);
  const data: FixData = {};
  if (fix === 'delete') data.remove = { range: removeRange, title: t(check.locale, 'fix.delete-setting', dep.name) };
  else if (fix) data.replaceSetting = { range: settingRange, text: fix.text.replace(' = ', joiner), title: fix.title };
  const { severity, message } = deprecationFinding(dep, check);
  const d = diagnostic(nameRange, severity, 'deprecated-parameter', message, fix ? data : undefined);
  d.tags = [DiagnosticTag.Deprecated];
  return d;
}

/** Diagnostics (and the ranges their fixes carry) moved down by `by` lines. */
export function moved(ds: Diagnostic[], by: number): Diagnostic[] {
  if (by === 0 || ds.length === 0) return ds;
  const shift = (r: Range): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });
  return ds.map((d) => {
    const data = d.data as FixData | undefined;
    const out: Diagnostic = { ...d, range: shift(d.range) };
    if (data) {
      out.data = {
        ...data,
        replaceSetting: data.replaceSetting && { ...data.replaceSetting, range: shift(data.replaceSetting.range) },
        remove: data.remove && { ...data.remove, range: shift(data.remove.range) },
      };
    }
    return out;
  });
}

/** Unknown, deprecated and undefined names of one entry, with lines relative to the entry. */
function entryNameDiagnostics(e: MainCfEntry, model: PostfixModel, candidates: () => Iterable<string>, check: PostfixCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dep = getDeprecation(e.name);
  if (dep?.kind === 'parameter') out.push(deprecatedParameter(dep, e.rawValue, e.nameRange, e.range, ' = ', check));
  else {
    const d = parameterNameDiagnostic(e.name, e.nameRange, model.isKnown(e.name), model, check);
    if (d) out.push(d);
  }
  if (expandsReferences(e.name)) {
    for (const r of e.references) {
      if (!model.isDefined(r.name)) out.push(undefinedReference(r.name, r.nameRange, candidates(), check.locale));
      else {
        const loop = loopDiagnostic(e.name, r, model, check);
        if (loop) out.push(loop);
      }
    }
  }
  return moved(out, -e.line);
}

export function mainCfNameDiagnostics(entries: MainCfEntry[], model: PostfixModel, uri: string, check: PostfixCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, MainCfEntry>();
  // What a name gets depends on the target release and the language too.
  const cache = model.entryCache<Diagnostic[]>(`names/${check.target}/${check.locale}`);
  const candidates = () => model.definedNames();
  for (const e of entries) {
    const root = movedFrom.get(e) ?? e;
    let relative = cache.get(root);
    if (!relative) cache.set(root, (relative = entryNameDiagnostics(e, model, candidates, check)));
    for (const d of moved(relative, e.line)) out.push(d);
    const earlier = seen.get(e.name);
    if (earlier) {
      const same = earlier.rawValue === e.rawValue;
      const d = diagnostic(
        e.nameRange,
        same ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
        'duplicate-parameter',
        same
          ? t(check.locale, 'setting.repeated-same', e.name, earlier.line + 1)
          : t(check.locale, 'setting.repeated', e.name, earlier.line + 1, earlier.rawValue || t(check.locale, 'setting.empty')),
        { remove: { range: same ? e.range : earlier.range, title: same ? t(check.locale, 'fix.delete-repeated') : t(check.locale, 'fix.delete-earlier', earlier.line + 1) } },
      );
      d.relatedInformation = [DiagnosticRelatedInformation.create({ uri, range: earlier.nameRange }, t(check.locale, 'setting.earlier', e.name))];
      out.push(d);
    }
    seen.set(e.name, e);
  }
  return out;
}

// The one door to Postfix parameter knowledge. Callers never read the generated JSON or the
// curated tables directly, so either can change without them. Everything is built on first use:
// the CLI only pays for it when a command actually looks at parameters.
import { generatedParameters, type GeneratedParameter } from './generatedData';
import { getDeprecation, type Deprecation } from './deprecated';
import { valueTypeOf, type ValueType } from './valueTypes';
import { SUMMARIES } from './docs/summaries';
import { PARAMETER_NOTES, type Note } from './docs/notes';

export interface ParameterInfo {
  name: string;
  /** The default exactly as `postconf -d` prints it (host-dependent ones as on host.example.org). */
  defaultValue: string;
  /** One line in our own words, per language. */
  summary?: { en: string; es?: string };
  /** What values it takes. */
  type: ValueType;
  /** First Postfix release that has it; undefined for the oldest parameters. */
  since?: string;
  /** Later stable releases that got it as a backport (e.g. 3.7.10). */
  sinceBackports?: string[];
  /** The default depends on the machine (its name, its interfaces, its process). */
  hostDependent?: boolean;
  /** Deprecated by a later Postfix, with the replacement. */
  deprecated?: Deprecation;
  /** A longer bilingual note, for the parameters the lab lesson discusses. */
  note?: Note;
}

/** The Postfix release the generated data was read from. */
export function postfixVersion(): string {
  return generatedParameters().postfix;
}

const cache = new Map<string, ParameterInfo>();
let all: ParameterInfo[] | undefined;

function generated(name: string): GeneratedParameter | undefined {
  const table = generatedParameters().parameters;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

function build(name: string, g: GeneratedParameter): ParameterInfo {
  let type: ValueType | undefined;
  const info = { name, defaultValue: g.default } as ParameterInfo;
  // The type is derived on demand: completion lists all names and defaults, and most of those
  // parameters are never hovered or checked.
  Object.defineProperty(info, 'type', { enumerable: true, get: () => (type ??= valueTypeOf(name, generated)) });
  const summary = SUMMARIES[name];
  if (summary) info.summary = { en: summary[0], es: summary[1] };
  if (g.since) info.since = g.since;
  if (g.sinceBackports) info.sinceBackports = g.sinceBackports;
  if (g.hostDependent) info.hostDependent = true;
  const deprecated = getDeprecation(name);
  if (deprecated?.kind === 'parameter') info.deprecated = deprecated;
  const note = PARAMETER_NOTES[name];
  if (note) info.note = note;
  return info;
}

/** A built-in parameter of Postfix 3.7, or undefined. */
export function getParameter(name: string): ParameterInfo | undefined {
  let info = cache.get(name);
  if (!info) {
    const g = generated(name);
    if (!g) return undefined;
    info = build(name, g);
    cache.set(name, info);
  }
  return info;
}

/** Every built-in parameter, in alphabetical order. */
export function allParameters(): Iterable<ParameterInfo> {
  // The generator writes the names sorted, so the file order is the alphabetical order.
  all ??= Object.keys(generatedParameters().parameters).map((name) => getParameter(name)!);
  return all;
}

export function isBuiltinParameter(name: string): boolean {
  return generated(name) !== undefined;
}

/**
 * Names postconf(5) documents that 3.7 does not print with `postconf -d`: older spellings that
 * still work through a new parameter's default, and the `transport_*` templates of per-service
 * parameters.
 */
export function documentedNonBuiltinParameters(): readonly string[] {
  return generatedParameters().documentedNotBuiltin;
}

/** Parameters whose default depends on the host (myhostname, mydomain, mynetworks, process_id). */
export function hostDependentParameters(): readonly string[] {
  return generatedParameters().hostDependent;
}

export function postconfDocUrl(name: string): string {
  return `https://www.postfix.org/postconf.5.html#${name}`;
}

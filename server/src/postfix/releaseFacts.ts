// What each Postfix release from 3.4 to 3.11 has: the facts releases/generate.mjs reads from the
// releases' own documentation (releases/releases.json), loaded on first use. A "target" is the
// release series a configuration is written for ("3.7"); the checks ask these functions whether a
// name exists there, since when, and what became of it later.
export interface ReleaseParameter {
  /** First release series that has it; absent when it predates every release in the data. */
  since?: string;
  /** First release series that no longer documents it. */
  removedIn?: string;
  /** [series, documented default] from each series where the documented default changed. */
  defaults: [string, string][];
}

export interface ReleaseDeprecation {
  warnedSince: string;
  removedIn?: string;
  replacements: string[];
}

interface ReleasesFile {
  releases: string[];
  parameters: Record<string, ReleaseParameter>;
  deprecations: Record<string, ReleaseDeprecation>;
  restrictions: Record<string, string>;
  renamed: Record<string, string>;
  compatibility: Record<string, [string, string][]>;
}

let file: ReleasesFile | undefined;

function data(): ReleasesFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  file ??= require('./releases/releases.json') as ReleasesFile;
  return file;
}

const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

let series: readonly string[] | undefined;

/** The release series in the data, oldest first: 3.4 ... 3.11. Kept: a check asks for every version it weighs. */
export function releaseSeries(): readonly string[] {
  series ??= data().releases.map((v) => v.split('.').slice(0, 2).join('.'));
  return series;
}

export function newestRelease(): string {
  const all = releaseSeries();
  return all[all.length - 1];
}

/** The series of a version string ("3.7.11" -> "3.7"), if it is one the data covers. */
export function seriesOf(version: string): string | undefined {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m) return undefined;
  const series = `${m[1]}.${m[2]}`;
  return releaseSeries().includes(series) ? series : undefined;
}

export function releaseParameter(name: string): ReleaseParameter | undefined {
  return own(data().parameters, name);
}

/** Every parameter name some release documents, sorted. */
export function releaseParameterNames(): string[] {
  return Object.keys(data().parameters);
}

export function releaseDeprecation(name: string): ReleaseDeprecation | undefined {
  return own(data().deprecations, name);
}

export function allReleaseDeprecations(): [string, ReleaseDeprecation][] {
  return Object.entries(data().deprecations);
}

/** The name that replaced an old parameter name, per the manual's own entries. */
export function renamedTo(name: string): string | undefined {
  return own(data().renamed, name);
}

/** Restriction names the manual documents, with the first series that documents each. */
export function documentedRestrictions(): Record<string, string> {
  return data().restrictions;
}

/** compatibility_level value -> settings that keep their old default below it. */
export function compatibilityDefaults(): Record<string, [string, string][]> {
  return data().compatibility;
}

export type Availability = { status: 'present' } | { status: 'later'; since: string } | { status: 'removed'; removedIn: string } | { status: 'unknown' };

/** Whether a parameter exists in the target series, comes later, was removed, or exists in no release. */
export function availability(name: string, target: string): Availability {
  const p = releaseParameter(name);
  if (!p) return { status: 'unknown' };
  if (p.since && seriesOf(p.since) && compareVersions(p.since, target) > 0) return { status: 'later', since: p.since };
  if (p.removedIn && compareVersions(p.removedIn, target) <= 0) return { status: 'removed', removedIn: p.removedIn };
  return { status: 'present' };
}

/** The documented default of a parameter in the target series. */
export function documentedDefault(name: string, target: string): string | undefined {
  const p = releaseParameter(name);
  if (!p) return undefined;
  let found: string | undefined;
  for (const [series, value] of p.defaults) if (compareVersions(series, target) <= 0) found = value;
  return found;
}

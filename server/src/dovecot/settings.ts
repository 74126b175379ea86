// What the installed Dovecot knows (server/src/dovecot/data/settings.json, written by
// `npm run gen:dovecot`): the settings each place in a configuration accepts, and their defaults.
// The JSON is required on first use, so that a run that never meets a Dovecot file does not load it.

/** What doveconf says became of an older setting: renamed, replaced (by a setting or a place), or removed. */
export interface ObsoleteSetting {
  renamed?: string;
  replacedBy?: string;
  removed?: boolean;
}

export interface DovecotData {
  dovecot: string;
  settings: Record<string, string>;
  sections: Record<string, Record<string, string>>;
  freeSections: string[];
  filters: string[];
  services: Record<string, { settings: Record<string, string>; listeners: Record<string, Record<string, string>> }>;
  authListenerDefaults: Record<string, string>;
  /** By place, the settings whose value doveconf reads as a boolean or a number (a default does not tell). */
  typed: Record<string, { booleans: string[]; numbers: string[] }>;
  /** Older top-level names Dovecot still reads with a warning, each with what became of it. */
  obsoleteSettings: Record<string, ObsoleteSetting>;
  /** Older top-level section types Dovecot still reads with a warning (Dovecot 1's `auth default { }`). */
  oldSections: string[];
  /** Older words of `protocols` Dovecot still takes with a warning, each with its new name ('' when it is simply dropped). */
  obsoleteProtocols: Record<string, string>;
}

let data: DovecotData | undefined;

export function dovecotData(): DovecotData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  data ??= require('./data/settings.json') as DovecotData;
  return data;
}

/**
 * What a place in the configuration accepts. `path` is the section types around it, outermost
 * first ('' at the top, 'service/unix_listener'); filter sections (`protocol imap { }`) take
 * top-level settings and do not count. Returns undefined for places Dovecot does not have.
 */
export type Place =
  | {
      kind: 'settings';
      settings: Record<string, string>;
      sections: string[];
      /** The settings whose value doveconf checks as yes/no, or as a number. */
      booleans: ReadonlySet<string>;
      numbers: ReadonlySet<string>;
      /** The top level, or a filter in it (`protocol imap { }`). */
      top: boolean;
      /** At the top level (and in filters): older names still read, with a warning. */
      obsoleteSettings: Record<string, ObsoleteSetting>;
      oldSections: string[];
    }
  /** plugin { }, dict { } and an old auth { }: any name is a setting. */
  | { kind: 'free' };

const typedSets = new Map<string, { booleans: ReadonlySet<string>; numbers: ReadonlySet<string> }>();

export function placeOf(path: string[]): Place | undefined {
  const d = dovecotData();
  const inner = path.filter((type) => !d.filters.includes(type));
  if (inner.some((type) => d.freeSections.includes(type)) || d.oldSections.includes(inner[0])) return { kind: 'free' };
  const key = inner.join('/');
  const settings = key === '' ? d.settings : d.sections[key];
  if (!settings) return undefined;
  const prefix = key === '' ? '' : `${key}/`;
  const sections = Object.keys(d.sections)
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .map((p) => p.slice(prefix.length));
  if (key === '') sections.push(...d.freeSections, ...d.filters);
  else if (path.length === 1 || inner.length === 0) sections.push(...d.filters);
  let typed = typedSets.get(key);
  if (!typed) {
    typed = { booleans: new Set(d.typed[key]?.booleans), numbers: new Set(d.typed[key]?.numbers) };
    typedSets.set(key, typed);
  }
  const top = key === '';
  return { kind: 'settings', settings, sections, ...typed, top, obsoleteSettings: top ? d.obsoleteSettings : {}, oldSections: top ? d.oldSections : [] };
}

// What the installed Dovecot knows (server/src/dovecot/data/settings.json, written by
// `npm run gen:dovecot`): the settings each place in a configuration accepts, and their defaults.
// The JSON is required on first use, so that a run that never meets a Dovecot file does not load it.

export interface DovecotData {
  dovecot: string;
  settings: Record<string, string>;
  sections: Record<string, Record<string, string>>;
  freeSections: string[];
  filters: string[];
  services: Record<string, { settings: Record<string, string>; listeners: Record<string, Record<string, string>> }>;
  authListenerDefaults: Record<string, string>;
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
  | { kind: 'settings'; settings: Record<string, string>; sections: string[] }
  /** plugin { } and dict { }: any name is a setting. */
  | { kind: 'free' };

export function placeOf(path: string[]): Place | undefined {
  const d = dovecotData();
  const inner = path.filter((type) => !d.filters.includes(type));
  if (inner.some((type) => d.freeSections.includes(type))) return { kind: 'free' };
  const key = inner.join('/');
  const settings = key === '' ? d.settings : d.sections[key];
  if (!settings) return undefined;
  const prefix = key === '' ? '' : `${key}/`;
  const sections = Object.keys(d.sections)
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .map((p) => p.slice(prefix.length));
  if (key === '') sections.push(...d.freeSections, ...d.filters);
  else if (path.length === 1 || inner.length === 0) sections.push(...d.filters);
  return { kind: 'settings', settings, sections };
}

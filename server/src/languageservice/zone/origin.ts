// Which zone a file holds when the user did not say: the file name conventions of BIND setups
// (mail1.org.zone, db.mail1.org, mail1.org.db), else the first $ORIGIN, else the root.
import { firstOrigin } from '../../parsers/zone';

export function originFromFileName(uriOrPath: string): string | undefined {
  const name = decodeURIComponent(uriOrPath.replace(/[?#].*$/, '').split('/').pop() ?? '');
  let m = /^db\.(.+)$/i.exec(name);
  if (!m) m = /^(.+)\.(?:zone|db)$/i.exec(name);
  if (!m) return undefined;
  const zone = m[1].replace(/\.+$/, '');
  // Only names that look like domains: at least one dot or an arpa name, letters/digits/hyphens.
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(zone)) return undefined;
  return zone + '.';
}

/** The origin for a document: explicit setting, then $ORIGIN, then the file name, then the root. */
export function originFor(uri: string, text: string, explicit?: string): string {
  if (explicit) return explicit.endsWith('.') ? explicit : explicit + '.';
  return firstOrigin(text) ?? originFromFileName(uri) ?? '.';
}

/** An editor setting's `file pattern → origin` pair, compiled. */
export interface OriginRule {
  matches: RegExp;
  origin: string;
}

/**
 * Compiles the `mailconf.zone.origins` setting. A key is a file name (`mail1.org.db`), a path
 * ending (`zones/mail1.db`), an absolute path, or a glob of those (`*`, `?`, `**`); it matches
 * whole path segments at the end of the file's path. Entries that are not strings are skipped.
 */
export function compileOriginRules(setting: unknown): OriginRule[] {
  if (!setting || typeof setting !== 'object' || Array.isArray(setting)) return [];
  const rules: OriginRule[] = [];
  for (const [pattern, origin] of Object.entries(setting as Record<string, unknown>)) {
    if (typeof origin !== 'string' || !origin.trim() || !pattern.trim()) continue;
    const body = pattern
      .trim()
      .replace(/\\/g, '/')
      .replace(/[.+^${}()|[\]]/g, '\\$&')
      .replace(/\*\*\/|\*\*|\*|\?/g, (g) => (g === '**/' ? '(?:.*/)?' : g === '**' ? '.*' : g === '*' ? '[^/]*' : '[^/]'));
    // Case-insensitive: Windows and macOS paths are, and zone file names rarely differ only in case.
    // Absolute patterns (/etc/…, C:/…) match from the root; the others, any trailing segments.
    const anchor = /^(\/|[a-z]:)/i.test(body) ? '^' : '(?:^|/)';
    rules.push({ matches: new RegExp(`${anchor}${body}$`, 'i'), origin: origin.trim() });
  }
  return rules;
}

/** The origin of the first rule whose pattern matches the file of `uri`. */
export function originFromRules(uri: string, rules: readonly OriginRule[]): string | undefined {
  if (rules.length === 0) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, ''));
  } catch {
    return undefined;
  }
  // file:///c%3A/zones → /c:/zones: drop the slash before a drive letter so `C:/zones/*` matches.
  path = path.replace(/^\/([a-z]:)/i, '$1');
  return rules.find((r) => r.matches.test(path))?.origin;
}

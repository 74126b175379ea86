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

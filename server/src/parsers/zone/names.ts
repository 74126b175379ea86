// Domain names in master-file text form: making them absolute against the origin, and checking
// label and name lengths in wire octets (an escape like \065 or \. is one octet).
import { Localized, msg } from '../../l10n';

/** True when the name ends with a dot that is not itself escaped (`a\.` is relative). */
export function isAbsolute(name: string): boolean {
  if (name.length === 0 || name.charCodeAt(name.length - 1) !== 46) return false;
  let backslashes = 0;
  for (let i = name.length - 2; i >= 0 && name.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The absolute form of a name written in a zone whose current origin is `origin` (absolute). */
export function absoluteName(name: string, origin: string): string {
  if (name === '@') return origin;
  if (isAbsolute(name)) return name;
  return origin === '.' ? name + '.' : name + '.' + origin;
}

/** Lower-case key for comparing names (DNS names compare case-insensitively, RFC 4343). */
export function nameKey(name: string): string {
  // Most names are already lower case: return them as they are instead of allocating a copy.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return name.toLowerCase();
  }
  return name;
}

export type NameProblem = 'empty-label' | 'label-too-long' | 'name-too-long' | 'bad-escape';

/**
 * Checks an absolute name's labels (≤ 63 octets) and total length (≤ 255 octets on the wire).
 * Returns undefined when the name is fine.
 */
export function checkName(name: string, suffixOctets = 1): NameProblem | undefined {
  if (name === '.') return undefined;
  let label = 0;
  // Octets of what follows the name: the root's length octet, or a whole origin for relative names.
  let total = suffixOctets;
  const n = name.length;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 46) {
      if (label === 0) return 'empty-label';
      if (label > 63) return 'label-too-long';
      total += label + 1;
      label = 0;
      continue;
    }
    if (c === 92) {
      const d1 = name.charCodeAt(i + 1);
      if (d1 >= 48 && d1 <= 57) {
        const d2 = name.charCodeAt(i + 2);
        const d3 = name.charCodeAt(i + 3);
        if (!(d2 >= 48 && d2 <= 57 && d3 >= 48 && d3 <= 57)) return 'bad-escape';
        if ((d1 - 48) * 100 + (d2 - 48) * 10 + (d3 - 48) > 255) return 'bad-escape';
        i += 3;
      } else if (i + 1 >= n) return 'bad-escape';
      else i += 1;
    }
    label++;
  }
  if (label > 0) {
    if (label > 63) return 'label-too-long';
    total += label + 1;
  }
  return total > 255 ? 'name-too-long' : undefined;
}

export const NAME_PROBLEM_MESSAGES: Record<NameProblem, Localized> = {
  'empty-label': msg('zone.read.empty-label'),
  'label-too-long': msg('zone.read.label-too-long'),
  'name-too-long': msg('zone.read.name-too-long'),
  'bad-escape': msg('zone.read.name-bad-escape'),
};

/** True when `name` equals `zone` or lies below it (both absolute, any case). */
export function isInZone(name: string, zone: string): boolean {
  const a = nameKey(name);
  const z = nameKey(zone);
  if (z === '.') return true;
  return a === z || (a.endsWith(z) && a.charCodeAt(a.length - z.length - 1) === 46);
}

/** The name relative to the origin when it is inside it (`www` for www.example.org.), else the absolute name. */
export function relativeName(name: string, origin: string): string {
  if (nameKey(name) === nameKey(origin)) return '@';
  if (isInZone(name, origin) && origin !== '.') return name.slice(0, name.length - origin.length - 1);
  return name;
}

/** Octets of an absolute name on the wire (labels with their length octets, and the root). */
export function wireLength(name: string): number {
  if (name === '.') return 1;
  let total = 1;
  let label = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 46) {
      total += label + 1;
      label = 0;
    } else if (c === 92) {
      i += name.charCodeAt(i + 1) >= 48 && name.charCodeAt(i + 1) <= 57 ? 3 : 1;
      label++;
    } else label++;
  }
  return label > 0 ? total + label + 1 : total;
}

/**
 * True when every label is a host name label (RFC 952/1123: letters, digits and inner hyphens),
 * as BIND's check-names wants for the owners of A/AAAA and the targets of MX, NS and SRV. A
 * leading '*' label is allowed when `wildcard` is set. Works on char codes, allocating nothing.
 */
export function isHostname(name: string, wildcard = false): boolean {
  let start = 0;
  const n = name.length;
  if (wildcard && name.charCodeAt(0) === 42 && (n === 1 || name.charCodeAt(1) === 46)) start = 2;
  let labelStart = start;
  for (let i = start; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : 46;
    if (c === 46) {
      if (i === labelStart) {
        if (i === n || i === n - 1) break; // the root's empty label
        return false;
      }
      if (name.charCodeAt(labelStart) === 45 || name.charCodeAt(i - 1) === 45) return false;
      labelStart = i + 1;
      continue;
    }
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && c !== 45) return false;
  }
  return true;
}

// known_hosts files, read the way OpenSSH reads them: comma-separated host patterns with `*`/`?`
// wildcards and `!` negation, hashed names (|1|salt|HMAC-SHA1(salt, name)), the `[host]:port` form
// for other ports, and @revoked / @cert-authority markers. Pure: text in, verdict out.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyTypeOf, sha256Fingerprint } from './fingerprint';

export interface KnownHostEntry {
  marker: '' | '@revoked' | '@cert-authority';
  patterns: string;
  keyType: string;
  key: Buffer;
  /** file:line, for messages. */
  source: string;
}

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const out: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = '';
    if (fields[0].startsWith('@')) {
      const m = fields.shift()!;
      if (m !== '@revoked' && m !== '@cert-authority') return;
      marker = m;
    }
    if (fields.length < 3) return;
    const [patterns, keyType, b64] = fields;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return;
    const key = Buffer.from(b64, 'base64');
    // A line whose type field disagrees with the blob is corrupt; OpenSSH skips it too.
    if (keyTypeOf(key) !== keyType) return;
    out.push({ marker, patterns, keyType, key, source: `${file}:${i + 1}` });
  });
  return out;
}

function wildcard(pattern: string, name: string): boolean {
  const re = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(re, 'i').test(name);
}

function hashedMatch(field: string, name: string): boolean {
  const parts = field.split('|');
  if (parts.length !== 4 || parts[1] !== '1') return false;
  const salt = Buffer.from(parts[2], 'base64');
  const want = Buffer.from(parts[3], 'base64');
  const got = createHmac('sha1', salt).update(name).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Whether a host field names `name` (`host` or `[host]:port`). */
export function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const p of patterns.split(',')) {
    if (p.startsWith('!')) {
      if (wildcard(p.slice(1), name)) return false;
    } else if (wildcard(p, name)) matched = true;
  }
  return matched;
}

export type KnownHostVerdict =
  | { status: 'known'; source: string }
  | { status: 'unknown'; otherTypes: string[] }
  | { status: 'changed'; expected: KnownHostEntry[] }
  | { status: 'revoked'; source: string };

/** What the entries say about `key` presented by `name` (already in `[host]:port` form if needed). */
export function lookupHostKey(entries: KnownHostEntry[], name: string, key: Buffer): KnownHostVerdict {
  const type = keyTypeOf(key);
  const revoked = entries.find((e) => e.marker === '@revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', source: revoked.source };
  const mine = entries.filter((e) => e.marker === '' && hostMatches(e.patterns, name));
  const same = mine.find((e) => e.key.equals(key));
  if (same) return { status: 'known', source: same.source };
  const sameType = mine.filter((e) => e.keyType === type);
  if (sameType.length > 0) return { status: 'changed', expected: sameType };
  return { status: 'unknown', otherTypes: [...new Set(mine.map((e) => e.keyType))] };
}

/** The key types known for `name`, to ask the server for those first (as OpenSSH does). */
export function knownKeyTypes(entries: KnownHostEntry[], name: string): string[] {
  return [...new Set(entries.filter((e) => e.marker === '' && hostMatches(e.patterns, name)).map((e) => e.keyType))];
}

/** One plain known_hosts line for `name`. */
export function knownHostsLine(name: string, key: Buffer): string {
  return `${name} ${keyTypeOf(key)} ${key.toString('base64')}`;
}

export function describeEntry(e: KnownHostEntry): string {
  return `${e.keyType} ${sha256Fingerprint(e.key)} (${e.source})`;
}

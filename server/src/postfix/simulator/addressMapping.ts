// How Postfix asks a list of address tables (canonical_maps, virtual_alias_maps, transport_maps,
// relocated_maps) about one mail address: mail_addr_find()'s keys, each key asked of every table
// in turn before the next key, and mail_addr_map()'s result, which may name several addresses, a
// bare "@domain" that keeps the user, and the address extension carried over when the table only
// knew the address without it.
import { withoutExtension } from './accessLookups';
import { LookupTable, TableHit, TableSet } from './lookupTables';
import { splitWords } from './restrictionList';

export interface MapsHit extends TableHit {
  /** The key that matched. */
  key: string;
  /** type:name of the table that answered. */
  table: string;
}

/** A table of the list cannot be asked: Postfix's lookup fails (the mail waits), or it is outside the configuration. */
export class MapsLookupError extends Error {}

export interface Maps {
  /** The parameter that names the list. */
  parameter: string;
  tables: LookupTable[];
}

export function openMaps(tables: TableSet, parameter: string, value: string): Maps | undefined {
  const list = splitWords(value).map((w) => tables.open(w.text));
  return list.length > 0 ? { parameter, tables: list } : undefined;
}

/**
 * maps_find(): the first table that knows the key. A partial key (an address without its
 * extension, a local part, @domain, a parent domain) is not asked of pattern tables.
 */
export function mapsFind(maps: Maps, key: string, partial: boolean): MapsHit | undefined {
  for (const t of maps.tables) {
    if (t.broken) throw new MapsLookupError(`${maps.parameter}: ${t.spec}: ${t.broken}`);
    if (t.unavailable) throw new MapsLookupError(`${maps.parameter}: ${t.spec}: ${t.unavailable}`);
    if (partial && !t.fixed) continue;
    const hit = t.lookup(key);
    if (hit) return { ...hit, key, table: t.spec };
  }
  return undefined;
}

export interface FindStrategy {
  /** user+ext@domain, then user@domain. */
  address: boolean;
  /** user+ext, then user, when the domain is $myorigin or one of ours. */
  localPartIfLocal: boolean;
  /** @domain. */
  atDomain: boolean;
  /** domain, then its parents: "parent" (example.com) or "dot" (.example.com) style. */
  domain?: 'parent' | 'dot';
}

export const DEFAULT_STRATEGY: FindStrategy = { address: true, localPartIfLocal: true, atDomain: true };

export interface FindContext {
  recipientDelimiter: string;
  myorigin: string;
  /** resolve_local(): mydestination, inet_interfaces, proxy_interfaces. */
  isLocal(domain: string): boolean;
}

/** Where the key's extension was dropped to find a match ("+ext"), for propagation. */
export interface FindResult extends MapsHit {
  extension?: string;
}

/** Splits user+ext at the first delimiter, as split_addr() does. */
export function splitExtension(local: string, delimiters: string): { bare: string; extension: string } | undefined {
  const bare = withoutExtension(local, delimiters);
  return bare === undefined ? undefined : { bare, extension: local.slice(bare.length) };
}

/** mail_addr_find() with a strategy. */
export function mailAddrFind(maps: Maps, address: string, strategy: FindStrategy, c: FindContext): FindResult | undefined {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  const split = splitExtension(local, c.recipientDelimiter);
  if (strategy.address) {
    const hit = mapsFind(maps, address, false);
    if (hit) return hit;
    if (split) {
      const bare = mapsFind(maps, at < 0 ? split.bare : `${split.bare}@${domain}`, true);
      if (bare) return { ...bare, extension: split.extension };
    }
  }
  if (at < 0) return undefined;
  if (strategy.localPartIfLocal && (domain.toLowerCase() === c.myorigin.toLowerCase() || c.isLocal(domain))) {
    const hit = mapsFind(maps, local, true);
    if (hit) return hit;
    if (split) {
      const bare = mapsFind(maps, split.bare, true);
      if (bare) return { ...bare, extension: split.extension };
    }
  }
  if (strategy.atDomain) {
    const hit = mapsFind(maps, `@${domain}`, true);
    if (hit) return hit;
  }
  if (strategy.domain) {
    for (let name = domain; name !== ''; ) {
      const hit = mapsFind(maps, name, true);
      if (hit) return hit;
      const dot = name.indexOf('.', 1);
      if (dot < 0) break;
      name = strategy.domain === 'parent' ? name.slice(dot + 1) : name.slice(dot);
    }
  }
  return undefined;
}

/**
 * What rewrite_clnt(REWRITE_CANON) makes of an address in the "local" context: user becomes
 * user@$myorigin (host!user and user%host first when swap_bangpath / allow_percent_hack say so),
 * a trailing dot leaves the domain, and a domain without a dot gets .$mydomain when
 * append_dot_mydomain says so.
 */
export interface Canonicalizer {
  (address: string): string;
}

/** mail_addr_map(): the table's answer as the list of addresses it names. */
export function mailAddrMap(maps: Maps, address: string, propagate: boolean, c: FindContext, canonical: Canonicalizer): { addresses: string[]; hit: FindResult } | undefined {
  const hit = mailAddrFind(maps, address, DEFAULT_STRATEGY, c);
  if (!hit) return undefined;
  let value = hit.value;
  if (value.startsWith('@')) {
    const at = address.lastIndexOf('@');
    let local = at < 0 ? address : address.slice(0, at);
    if (hit.extension) local = local.slice(0, local.length - hit.extension.length);
    value = local + value;
  }
  const ext = propagate ? hit.extension : undefined;
  const addresses = addressList(value).map((a) => {
    const canon = canonical(a);
    if (!ext) return canon;
    const at = canon.lastIndexOf('@');
    return at < 0 ? canon + ext : canon.slice(0, at) + ext + canon.slice(at);
  });
  if (addresses.length === 0) throw new MapsLookupError(`${maps.parameter}: lookup of ${address} returns non-address result "${hit.value}"`);
  return { addresses, hit };
}

/** The addresses in a table's value: separated by commas or blanks, <> around them dropped. */
function addressList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((a) => a.replace(/^<(.*)>$/, '$1'))
    .filter((a) => a !== '');
}

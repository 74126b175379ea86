// The keys smtpd tries, in order, when a check_*_access restriction asks a table: a host name
// and its parent domains, an address and its shorter prefixes, a mail address in its full,
// bare, domain and local-part forms. Fixed-string tables answer every key; pattern tables
// (cidr, regexp, pcre) only the first, full one.
import { isValidHostAddress } from './hostnames';
import { LookupTable, TableHit } from './lookupTables';

export interface KeyHit extends TableHit {
  key: string;
}

function ask(table: LookupTable, key: string, partial: boolean): KeyHit | undefined {
  if (partial && !table.fixed) return undefined;
  const hit = table.lookup(key);
  return hit && { ...hit, key };
}

/** check_domain_access(): the name, then its parents ("example.com" or ".example.com"). */
export function findDomain(table: LookupTable, domain: string, parentStyle: boolean): KeyHit | undefined {
  let name = domain;
  for (let partial = false; name !== ''; partial = true) {
    const hit = ask(table, name, partial);
    if (hit) return hit;
    // An address given as a host name is looked up whole only.
    if (!partial && isValidHostAddress(domain)) break;
    const dot = name.indexOf('.', 1);
    if (dot < 0) break;
    name = parentStyle ? name.slice(dot + 1) : name.slice(dot);
  }
  return undefined;
}

/** check_addr_access(): 192.0.2.1, 192.0.2, 192.0, 192 (or IPv6 cut at ':'). */
export function findAddress(table: LookupTable, address: string): KeyHit | undefined {
  const delim = address.includes(':') ? ':' : '.';
  let key = address;
  for (let partial = false; ; partial = true) {
    const hit = ask(table, key, partial);
    if (hit) return hit;
    const cut = key.lastIndexOf(delim);
    if (cut <= 0) return undefined;
    key = key.slice(0, cut);
  }
}

/** check_namadr_access(): the client name first, then its address. */
export function findClient(table: LookupTable, name: string, address: string, parentStyle: boolean): KeyHit | undefined {
  return findDomain(table, name, parentStyle) ?? findAddress(table, address);
}

export interface MailKeyOptions {
  recipientDelimiter: string;
  /** smtpd_access_maps is in parent_domain_matches_subdomains: "example.com" also covers subdomains. */
  parentStyle: boolean;
}

/**
 * Splits "user+ext" where the first delimiter character occurs, as split_addr() does; undefined
 * when none does, when the local part would be empty, and for the names Postfix never splits
 * (postmaster, mailer-daemon, double-bounce, and owner-foo / foo-request when '-' is a delimiter).
 */
export function withoutExtension(local: string, delimiters: string): string | undefined {
  if (delimiters === '') return undefined;
  const lower = local.toLowerCase();
  if (lower === 'postmaster' || lower === 'mailer-daemon' || lower === 'double-bounce') return undefined;
  if (delimiters.includes('-') && (lower.startsWith('owner-') || (lower.length > 8 && lower.endsWith('-request')))) return undefined;
  let cut = 0;
  while (cut < local.length && !delimiters.includes(local[cut])) cut++;
  return cut > 0 && cut < local.length ? local.slice(0, cut) : undefined;
}

/**
 * check_mail_access(): user+ext@domain, user@domain, domain and its parents, user+ext@, user@.
 */
export function findMailAddress(table: LookupTable, address: string, o: MailKeyOptions): KeyHit | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const bare = withoutExtension(local, o.recipientDelimiter);
  const hit = ask(table, address, false) ?? (bare !== undefined ? ask(table, `${bare}@${domain}`, true) : undefined);
  if (hit) return hit;
  let name = domain;
  while (name !== '') {
    const h = ask(table, name, true);
    if (h) return h;
    const dot = name.indexOf('.', 1);
    if (dot < 0) break;
    name = o.parentStyle ? name.slice(dot + 1) : name.slice(dot);
  }
  return ask(table, `${local}@`, true) ?? (bare !== undefined ? ask(table, `${bare}@`, true) : undefined);
}

/**
 * mail_addr_find() with its default strategy, for recipient and login tables: the full address,
 * the address without extension, the local part alone when the domain is ours, then @domain.
 */
export function findAddressDefault(table: LookupTable, address: string, delimiters: string, domainIsOurs: (domain: string) => boolean): KeyHit | undefined {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  const bare = withoutExtension(local, delimiters);
  let hit = ask(table, address, false) ?? (bare !== undefined && at >= 0 ? ask(table, `${bare}@${domain}`, true) : undefined);
  if (hit || at < 0) return hit;
  if (domainIsOurs(domain)) {
    hit = ask(table, local, true) ?? (bare !== undefined ? ask(table, bare, true) : undefined);
    if (hit) return hit;
  }
  return ask(table, `@${domain}`, true);
}

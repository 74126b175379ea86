// Postfix's pattern lists (match_list): mydestination and the virtual domain lists compare whole
// names, relay_domains also matches subdomains when parent_domain_matches_subdomains names it,
// and mynetworks matches the client's name or its address against networks. Items are tried in
// order and the first that matches decides; `!item` turns a match into "no"; `/file` inserts the
// file's words; `type:name` asks a table for the name (any value counts).
import { t } from '../../l10n';
import { inNetwork, parseIp, parseNetwork } from './ipAddress';
import { ReadFile, TableHit, TableSet } from './lookupTables';
import { splitWords } from './restrictionList';

export type MatchKind = 'string' | 'domain' | 'hostOrAddress';

export interface ListMatch {
  matched: boolean;
  /** The item that decided, as written (with its '!'). */
  item?: string;
  /** Items that are tables we cannot read offline were skipped. */
  uncertain?: string;
  hit?: TableHit;
}

interface Item {
  text: string;
  negate: boolean;
  /** A /file we could not read: whether it lists the name is unknown. */
  unreadable?: boolean;
}

function items(value: string, readFile: ReadFile, negate = false, out: Item[] = []): Item[] {
  for (const w of splitWords(value)) {
    let text = w.text;
    let neg = negate;
    while (text.startsWith('!')) {
      neg = !neg;
      text = text.slice(1);
    }
    if (text.startsWith('/')) {
      const content = readFile(text);
      if (content !== undefined) items(content.replace(/#.*$/gm, ''), readFile, neg, out);
      else out.push({ text, negate: neg, unreadable: true });
      continue;
    }
    out.push({ text: isTable(text) ? text : text.toLowerCase(), negate: neg });
  }
  return out;
}

const isTable = (p: string) => p[0] !== '[' && p.includes(':');

/**
 * A list's items, shared by the sessions of one configuration: each session resolves its
 * addresses with lists of its own (their tables record its lookups), but the words are the same,
 * and virtual_mailbox_domains may hold thousands. Keyed by the files' reader too, since `/file`
 * items are read through it; only read, never changed.
 */
const itemsByReader = new WeakMap<ReadFile, Map<string, Item[]>>();

function parsedItems(value: string, readFile: ReadFile): Item[] {
  let byValue = itemsByReader.get(readFile);
  if (!byValue) itemsByReader.set(readFile, (byValue = new Map()));
  let list = byValue.get(value);
  if (!list) {
    if (byValue.size >= 64) byValue.clear();
    byValue.set(value, (list = items(value, readFile)));
  }
  return list;
}

export class MatchList {
  private readonly list: Item[];
  constructor(
    value: string,
    private readonly kind: MatchKind,
    /** parent_domain_matches_subdomains names this list. */
    private readonly parentStyle: boolean,
    private readonly tables: TableSet,
    readFile: ReadFile,
  ) {
    this.list = parsedItems(value, readFile);
  }

  /** For hostOrAddress lists, `name` is the client name and `address` its address. */
  match(name: string, address?: string): ListMatch {
    let uncertain: string | undefined;
    const lname = name.toLowerCase();
    for (const item of this.list) {
      const written = (item.negate ? '!' : '') + item.text;
      if (item.unreadable) {
        uncertain ??= t('en', 'simulate.table.no-file', item.text);
        continue;
      }
      if (isTable(item.text)) {
        const table = this.tables.open(item.text);
        if (table.unavailable) {
          uncertain ??= `${item.text}: ${table.unavailable}`;
          continue;
        }
        const hit = this.kind === 'string' ? table.lookup(lname) : this.kind === 'domain' ? this.domainLookup(table, lname) : this.hostLookup(table, lname, address);
        if (hit) return { matched: !item.negate, item: written, hit, uncertain };
        continue;
      }
      const ok =
        this.kind === 'string'
          ? lname === item.text
          : this.kind === 'domain'
            ? this.domainMatch(lname, item.text)
            : this.domainMatch(lname, item.text) || (address !== undefined && addressMatch(address.toLowerCase(), item.text));
      if (ok) return { matched: !item.negate, item: written, uncertain };
    }
    return { matched: false, uncertain };
  }

  private domainMatch(name: string, pattern: string): boolean {
    if (name === pattern) return true;
    if (this.parentStyle) return name.endsWith('.' + pattern);
    return pattern.startsWith('.') && name.length > pattern.length && name.endsWith(pattern);
  }

  private domainLookup(table: ReturnType<TableSet['open']>, name: string): TableHit | undefined {
    let entry = name;
    for (let first = true; entry !== ''; first = false) {
      if (first || table.fixed) {
        const hit = table.lookup(entry);
        if (hit) return hit;
      }
      const dot = entry.indexOf('.', 1);
      if (dot < 0) break;
      entry = this.parentStyle ? entry.slice(dot + 1) : entry.slice(dot);
    }
    return undefined;
  }

  private hostLookup(table: ReturnType<TableSet['open']>, name: string, address?: string): TableHit | undefined {
    return this.domainLookup(table, name) ?? (address !== undefined && /^[0-9a-fA-F.:]+$/.test(address) ? table.lookup(address.toLowerCase()) : undefined);
  }
}

/** match_hostaddr(): the address itself, [address], or a network block. */
function addressMatch(address: string, pattern: string): boolean {
  if (!/^[0-9a-f.:]+$/.test(address)) return false;
  if (pattern === address || pattern === `[${address}]`) return true;
  if (!pattern.includes('/')) return false;
  const ip = parseIp(address);
  const net = parseNetwork(pattern);
  return !!ip && !!net && inNetwork(ip, net);
}

/** Whether parent_domain_matches_subdomains lists the parameter. */
export function parentStyleFor(parentDomainMatchesSubdomains: string, parameter: string): boolean {
  return splitWords(parentDomainMatchesSubdomains).some((w) => w.text === parameter);
}

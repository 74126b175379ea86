// The lookup tables a restriction or a domain list names, read the way Postfix reads them:
// inline:{...}, static:, texthash: and the indexed types (hash:, btree:, lmdb:, cdb:, dbm:, sdbm:)
// from the postmap source text beside the database, cidr:, regexp: and pcre:. Other types (unix:,
// SQL, LDAP, sockets) ask something outside the configuration; they are "unavailable" here.
import { type MessageKey, t } from '../../l10n';
import { parsePostfixMap } from '../../parsers/postfixMap';
import { inNetwork, parseIp, parseNetwork, Network } from './ipAddress';
import { splitWords } from './restrictionList';

export interface TableHit {
  value: string;
  /** Where the matching entry is written (1-based line), when it comes from a file. */
  file?: string;
  line?: number;
}

export interface LookupTable {
  /** type:name as written. */
  spec: string;
  /**
   * Fixed-string tables answer partial keys too (parent domains, user@, address prefixes);
   * pattern tables (cidr, regexp, pcre) are asked the full key only.
   */
  fixed: boolean;
  lookup(key: string): TableHit | undefined;
  /** Why the table cannot be consulted offline (in English); lookups then return undefined. */
  unavailable?: string;
  /** The same reason as a message, for reports in the user's language. */
  unavailableMessage?: { key: MessageKey; args: string[] };
  /** Postfix cannot open it (an inline: item without '='): every lookup fails. */
  broken?: string;
}

export type ReadFile = (path: string) => string | undefined;

const INDEXED = new Set(['hash', 'btree', 'lmdb', 'cdb', 'dbm', 'sdbm']);

/** Opens tables once per simulation. */
export class TableSet {
  private tables = new Map<string, LookupTable>();
  constructor(private readFile: ReadFile) {}

  open(spec: string): LookupTable {
    let t = this.tables.get(spec);
    if (!t) {
      t = openTable(spec, this.readFile);
      this.tables.set(spec, t);
    }
    return t;
  }
}

export function openTable(spec: string, readFile: ReadFile): LookupTable {
  const colon = spec.indexOf(':');
  let type = spec.slice(0, colon).toLowerCase();
  let name = spec.slice(colon + 1);
  // proxymap reads the same table on the daemon's behalf.
  if (type === 'proxy') {
    const c = name.indexOf(':');
    type = name.slice(0, c).toLowerCase();
    name = name.slice(c + 1);
  }
  const unavailable = (key: MessageKey, arg: string): LookupTable => ({ spec, fixed: true, lookup: () => undefined, unavailable: t('en', key, arg), unavailableMessage: { key, args: [arg] } });
  if (type === 'inline') {
    const entries = inlineEntries(name);
    if (typeof entries === 'string') return { spec, fixed: true, lookup: () => undefined, broken: entries };
    return fixedTable(spec, entries);
  }
  if (type === 'static') {
    const value = name.startsWith('{') && name.endsWith('}') ? name.slice(1, -1).trim() : name;
    return { spec, fixed: true, lookup: () => ({ value }) };
  }
  const text = type === 'texthash' || INDEXED.has(type) || type === 'cidr' || type === 'regexp' || type === 'pcre' ? readFile(name) : undefined;
  if (type === 'texthash' || INDEXED.has(type)) {
    if (text === undefined) return unavailable('simulate.table.no-file', name);
    const entries = new Map<string, TableHit>();
    for (const e of parsePostfixMap(text).entries) {
      const key = e.key.toLowerCase();
      if (e.value === '') continue;
      // postmap keeps the first of two entries with one key (and warns); a texthash: table that
      // has two is opened as a stand-in whose every lookup fails, as daemons open it.
      if (entries.has(key) && type === 'texthash') return { spec, fixed: true, lookup: () => undefined, broken: `${name}, line ${e.keyRange.start.line + 1}: duplicate entry: "${key}"` };
      if (!entries.has(key)) entries.set(key, { value: e.value, file: name, line: e.keyRange.start.line + 1 });
    }
    return fixedTable(spec, entries);
  }
  if (type === 'cidr') return text === undefined ? unavailable('simulate.table.no-file', name) : cidrTable(spec, name, text);
  if (type === 'regexp' || type === 'pcre') return text === undefined ? unavailable('simulate.table.no-file', name) : regexpTable(spec, name, text, type);
  return unavailable('simulate.table.on-server', type);
}

function fixedTable(spec: string, entries: Map<string, TableHit>): LookupTable {
  return { spec, fixed: true, lookup: (key) => entries.get(key.toLowerCase()) };
}

/**
 * inline:{ key=value, { key = value with blanks } }. An item without '=', or no item at all,
 * breaks the table (Postfix opens a stand-in whose every lookup fails); a repeated key replaces
 * the earlier one.
 */
function inlineEntries(name: string): Map<string, TableHit> | string {
  const out = new Map<string, TableHit>();
  if (!name.startsWith('{') || !name.endsWith('}')) return `bad syntax: "inline:${name}"; need "inline:{name=value...}"`;
  for (const w of splitWords(name.slice(1, -1))) {
    let item = w.text;
    if (item.startsWith('{') && item.endsWith('}')) item = item.slice(1, -1).trim();
    const eq = item.indexOf('=');
    if (eq <= 0) return `"${item}": need name=value pair`;
    out.set(item.slice(0, eq).trim().toLowerCase(), { value: item.slice(eq + 1).trim() });
  }
  return out.size === 0 ? `empty table: "inline:${name}"` : out;
}

/** Physical lines joined into logical ones: a line starting with blanks continues the last. */
function logicalRules(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) return;
    if (/^\s/.test(line) && out.length > 0) out[out.length - 1].text += ' ' + line.trim();
    else out.push({ text: line.trim(), line: i + 1 });
  });
  return out;
}

function cidrTable(spec: string, file: string, text: string): LookupTable {
  const rules: { net: Network; negate: boolean; value: string; line: number }[] = [];
  for (const r of logicalRules(text)) {
    const m = /^(!?)(\S+)\s+(.*)$/.exec(r.text);
    if (!m) continue;
    const net = parseNetwork(m[2]);
    if (net) rules.push({ net, negate: m[1] === '!', value: m[3].trim(), line: r.line });
  }
  return {
    spec,
    fixed: false,
    lookup(key) {
      const ip = parseIp(key);
      if (!ip) return undefined;
      const hit = rules.find((r) => inNetwork(ip, r.net) !== r.negate);
      return hit && { value: hit.value, file, line: hit.line };
    },
  };
}

interface PatternRule {
  re: RegExp;
  negate: boolean;
  value: string;
  line: number;
}

/**
 * regexp: (POSIX extended) and pcre: rules, `/pattern/flags result` or `!/pattern/ result`, any
 * delimiter. Both are case-insensitive unless the `i` flag turns that off. Patterns are run as
 * JavaScript expressions, which agree with POSIX and PCRE on the common syntax.
 */
function regexpTable(spec: string, file: string, text: string, type: string): LookupTable {
  const rules: PatternRule[] = [];
  for (const r of logicalRules(text)) {
    const rule = parsePatternRule(r.text, type);
    if (rule) rules.push({ ...rule, line: r.line });
  }
  return {
    spec,
    fixed: false,
    lookup(key) {
      for (const r of rules) {
        const m = r.re.exec(key);
        if (!m === !r.negate) continue;
        const value = m ? r.value.replace(/\$(?:(\d)|\{(\d+)\})/g, (_w, a: string, b: string) => m[Number(a ?? b)] ?? '') : r.value;
        return { value, file, line: r.line };
      }
      return undefined;
    },
  };
}

function parsePatternRule(line: string, type: string): Omit<PatternRule, 'line'> | undefined {
  let i = 0;
  const negate = line[0] === '!';
  if (negate) i++;
  const delim = line[i];
  if (delim === undefined || /[A-Za-z0-9\s]/.test(delim)) return undefined;
  let j = i + 1;
  let pattern = '';
  for (; j < line.length && line[j] !== delim; j++) {
    if (line[j] === '\\' && line[j + 1] === delim) {
      pattern += delim;
      j++;
    } else pattern += line[j];
  }
  if (j >= line.length) return undefined;
  j++;
  let flags = '';
  while (j < line.length && /[A-Za-z]/.test(line[j])) flags += line[j++];
  const value = line.slice(j).trim();
  if (!/^\s/.test(line.slice(j)) && value !== '') return undefined;
  let caseless = true;
  let multiline = false;
  let dotall = false;
  for (const f of flags) {
    if (f === 'i') caseless = !caseless;
    else if (f === 'm') multiline = !multiline;
    else if (f === 's' && type === 'pcre') dotall = !dotall;
  }
  try {
    const re = new RegExp(pattern, (caseless ? 'i' : '') + (multiline ? 'm' : '') + (dotall ? 's' : ''));
    return { re, negate, value };
  } catch {
    return undefined;
  }
}

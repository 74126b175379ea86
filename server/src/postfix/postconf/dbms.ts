// Database-backed lookup tables in parameter values (ldap:, mysql:, pgsql:, sqlite:, memcache:).
// postconf checks them in two ways, and so do we:
// - `type:/absolute/file.cf`: it reads the client configuration file and warns about settings the
//   client does not know ("unused parameter"), or that it cannot open the file;
// - `type:name` (the legacy style): main.cf may hold the client settings as name_setting, and those
//   names count as used.
import { readLogicalLines } from '../../parsers/logicalLines';
import { splitNameValue } from './config';

/** The settings each client reads, from Postfix 3.7's dict_*.c (plus the common ones). */
const SUFFIXES: Record<string, string[]> = {
  ldap: ['bind', 'bind_dn', 'bind_pw', 'cache', 'cache_expiry', 'cache_size', 'chase_referrals', 'debuglevel', 'dereference', 'domain', 'expansion_limit', 'leaf_result_attribute', 'query_filter', 'recursion_limit', 'result_attribute', 'result_filter', 'result_format', 'sasl_authz_id', 'sasl_mechs', 'sasl_minssf', 'sasl_realm', 'scope', 'search_base', 'server_host', 'server_port', 'size_limit', 'special_result_attribute', 'start_tls', 'terminal_result_attribute', 'timeout', 'tls_ca_cert_dir', 'tls_ca_cert_file', 'tls_cert', 'tls_cipher_suite', 'tls_key', 'tls_random_file', 'tls_require_cert', 'version'],
  mysql: ['additional_conditions', 'dbname', 'domain', 'expansion_limit', 'hosts', 'option_file', 'option_group', 'password', 'query', 'require_result_set', 'result_format', 'select_field', 'table', 'tls_CAfile', 'tls_CApath', 'tls_cert_file', 'tls_ciphers', 'tls_key_file', 'tls_verify_cert', 'user', 'where_field'],
  pgsql: ['additional_conditions', 'dbname', 'domain', 'expansion_limit', 'hosts', 'password', 'query', 'result_format', 'select_field', 'select_function', 'table', 'user', 'where_field'],
  sqlite: ['additional_conditions', 'dbpath', 'domain', 'expansion_limit', 'query', 'result_format', 'select_field', 'table', 'where_field'],
  memcache: ['backup', 'data_size_limit', 'domain', 'flags', 'key_format', 'line_size_limit', 'max_try', 'memcache', 'retry_pause', 'timeout', 'ttl'],
};

export interface DbmsContext {
  /** Reads a client configuration file; undefined when it cannot be opened. */
  readFile?: (path: string) => string | undefined;
  warn: (msg: string) => void;
  /** Files already checked, like postconf's table of opened dictionaries. */
  checked: Set<string>;
  /** Flags name as a (DBMS) user-defined parameter name. */
  flag: (name: string) => void;
  /** For messages: "main.cf" or "master.cf:service/type". */
  where: string;
}

/** The list separators ", \t\r\n", by character code. */
const isSeparator = (c: number) => c === 44 || c === 32 || c === 9 || c === 13 || c === 10;
const OPEN = 123; // {
const CLOSE = 125; // }

/**
 * Where braces close and tokens end, for the whole value at once. Postfix re-scans the rest of
 * the text at every level of { } (quadratic on a run of unclosed braces, where it also prints a
 * warning per level); positions computed once keep our scans linear, only the warnings grow.
 */
interface Layout {
  text: string;
  /** For a '{': the index of its '}', or -1 when it never closes. */
  close: Int32Array;
  /** From an index, scanning like mystrtokq(): the first separator outside braces (or the end). */
  tokenEnd: Int32Array;
}

function layout(text: string): Layout {
  const n = text.length;
  const close = new Int32Array(n).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN) open.push(i);
    else if (ch === CLOSE && open.length > 0) close[open.pop()!] = i;
  }
  const tokenEnd = new Int32Array(n + 1);
  tokenEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (isSeparator(ch)) tokenEnd[i] = i;
    // A '{' hides everything up to its '}'; one that never closes runs to the end.
    else if (ch === OPEN) tokenEnd[i] = close[i] < 0 ? n : tokenEnd[close[i] + 1];
    else tokenEnd[i] = tokenEnd[i + 1];
  }
  return { text, close, tokenEnd };
}

/**
 * pcf_register_dbms_helper() over an already expanded value. Postfix recurses into each { };
 * we keep the parts still to do on a stack (a run of thousands of braces would overflow ours),
 * the inner part first, so warnings come in Postfix's order.
 */
export function registerDbmsParameters(value: string, ctx: DbmsContext): void {
  const l = layout(value);
  const todo: [number, number][] = [[0, value.length]];
  for (let range = todo.pop(); range; range = todo.pop()) {
    const inner = scanRange(l, range[0], range[1], ctx);
    if (inner) todo.push(inner.rest, inner.inside);
  }
}

/**
 * The helper on text[from, to) up to the first braced part: returns that part's inside and what
 * follows it in the range, or undefined when the range is done.
 */
function scanRange(l: Layout, from: number, to: number, ctx: DbmsContext): { inside: [number, number]; rest: [number, number] } | undefined {
  let at = from;
  for (;;) {
    while (at < to && isSeparator(l.text.charCodeAt(at))) at++;
    if (at >= to) return undefined;
    const end = Math.min(l.tokenEnd[at], to);
    const start = at;
    at = end + 1;
    const rest: [number, number] = [Math.min(at, to), to];
    if (l.text.charCodeAt(start) === OPEN) return { inside: unbrace(l, start, end, ctx), rest };
    // Skips "proxy:" prefixes, as the proxymap server does.
    const token = l.text.slice(start, end);
    let type = token;
    let prefix: string | undefined;
    let prefixAt = start;
    for (;;) {
      const colon = type.indexOf(':');
      if (colon < 0) {
        prefix = undefined;
        break;
      }
      prefix = type.slice(colon + 1);
      prefixAt += colon + 1;
      type = type.slice(0, colon);
      if (type !== 'proxy') break;
      type = prefix;
    }
    if (prefix === undefined) continue;
    const suffixes = SUFFIXES[type];
    if (prefix.startsWith('/')) {
      if (suffixes) checkClientFile(type, prefix, suffixes, ctx);
      continue;
    }
    if (prefix.startsWith('.')) continue;
    if (prefix.startsWith('{')) return { inside: unbrace(l, prefixAt, end, ctx), rest };
    if (suffixes) for (const s of suffixes) ctx.flag(`${prefix}_${s}`);
  }
}

/** extpar() without stripping on text[from, to) (a '{' at from): warns, returns the inside. */
function unbrace(l: Layout, from: number, to: number, ctx: DbmsContext): [number, number] {
  const close = l.close[from];
  if (close < 0 || close >= to) {
    ctx.warn(`${ctx.where}: missing '}' in "${l.text.slice(from, to)}"`);
    return [from + 1, to];
  }
  if (close + 1 < to) ctx.warn(`${ctx.where}: syntax error after '}' in "${l.text.slice(from, to)}"`);
  return [from + 1, close];
}

function checkClientFile(type: string, path: string, suffixes: string[], ctx: DbmsContext): void {
  const spec = `${type}:${path}`;
  if (ctx.checked.has(spec)) return;
  ctx.checked.add(spec);
  const text = ctx.readFile?.(path);
  if (text === undefined) {
    ctx.warn(`open "${type}" configuration "${path}": No such file or directory`);
    return;
  }
  const settings = new Map<string, string>();
  for (const l of readLogicalLines(text).lines) {
    const nv = splitNameValue(l.text);
    if (typeof nv === 'string') continue;
    const old = settings.get(nv[0]);
    if (old !== undefined && old !== nv[1]) ctx.warn(`${path}, line ${l.pieces[0].line + 1}: overriding earlier entry: ${nv[0]}=${old}`);
    settings.set(nv[0], nv[1]);
  }
  for (const s of suffixes) settings.delete(s);
  for (const [name, value] of settings) ctx.warn(`${spec}: unused parameter: ${name}=${value}`);
}

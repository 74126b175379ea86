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
 * mystrtokq(): the next token and the rest; separators inside { } do not split. Character codes,
 * not strings: Postfix's scan is quadratic on unbalanced braces, and so is ours (its warnings
 * are too), so the constant factor matters.
 */
function nextToken(text: string): [string, string] | undefined {
  let start = 0;
  while (start < text.length && isSeparator(text.charCodeAt(start))) start++;
  if (start >= text.length) return undefined;
  let level = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN) level++;
    else if (level > 0 && ch === CLOSE) level--;
    else if (level === 0 && isSeparator(ch)) return [text.slice(start, i), text.slice(i + 1)];
  }
  return [text.slice(start), ''];
}

/** pcf_register_dbms_helper() over an already expanded value. */
export function registerDbmsParameters(value: string, ctx: DbmsContext): void {
  let rest = value;
  for (let next = nextToken(rest); next; next = nextToken(rest)) {
    const text = next[0];
    rest = next[1];
    if (text.startsWith('{')) {
      registerDbmsParameters(unbrace(text, ctx), ctx);
      continue;
    }
    // Skips "proxy:" prefixes, as the proxymap server does.
    let type = text;
    let prefix: string | undefined;
    for (;;) {
      const colon = type.indexOf(':');
      if (colon < 0) {
        prefix = undefined;
        break;
      }
      prefix = type.slice(colon + 1);
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
    if (prefix.startsWith('{')) {
      registerDbmsParameters(unbrace(prefix, ctx), ctx);
      continue;
    }
    if (suffixes) for (const s of suffixes) ctx.flag(`${prefix}_${s}`);
  }
}

/** extpar() without stripping: the text inside the outer { }, warning about what is wrong. */
function unbrace(text: string, ctx: DbmsContext): string {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN) level++;
    else if (ch === CLOSE && --level === 0) {
      if (i + 1 < text.length) ctx.warn(`${ctx.where}: syntax error after '}' in "${text}"`);
      return text.slice(1, i);
    }
  }
  ctx.warn(`${ctx.where}: missing '}' in "${text}"`);
  return text.slice(1);
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

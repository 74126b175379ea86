// SVCB/HTTPS service parameters (RFC 9460) as BIND 9.18's reader takes them: `key[=value]` with
// the value optionally quoted right after the '=', backslash escapes (\X, \DDD) in text values,
// and for alpn a second level where a backslash (written \\ or \092) makes a comma part of an id. Keys BIND knows by
// name, else keyNNNNN; the values of known keys are checked in their text form, keyNNNNN values
// in the wire form they give. Then the set: no key twice, every `mandatory` key present, no lone
// `mandatory`, and `no-default-alpn` only with `alpn`.
import { Localized, msg } from '../../l10n';
import { isIPv4At, isIPv6At } from './lexical';

/** The keys BIND 9.18 knows by name, and their numbers. (ohttp came later: 9.18 refuses it.) */
const KEYS: Record<string, number> = { mandatory: 0, alpn: 1, 'no-default-alpn': 2, port: 3, ipv4hint: 4, ech: 5, ipv6hint: 6, dohpath: 7 };

export interface SvcParam {
  key: number;
  name: string;
  /** The value with level-one escapes resolved ('' when there is none). */
  value: string;
}

/** One parameter, written `raw` (the value's quotes already removed): the parameter, or why BIND refuses it. */
export function parseSvcParam(raw: string): SvcParam | Localized {
  const eq = raw.indexOf('=');
  const name = eq < 0 ? raw : raw.slice(0, eq);
  const rawValue = eq < 0 ? '' : raw.slice(eq + 1);
  const known = KEYS[name];
  // Text values (alpn, dohpath, keyNNNNN) have their escapes resolved; the others are read as written.
  const textual = known === undefined || known === 1 || known === 7;
  const value = textual ? unescape(rawValue) : rawValue;
  if (value === undefined) return msg('zone.svc.bad-escape', name);
  if (known !== undefined) {
    const problem = knownValueProblem(name, rawValue, value);
    return problem ?? { key: known, name, value };
  }
  const key = keyNumber(name);
  if (typeof key !== 'number') return key;
  const problem = svcWireValueProblem(key, value);
  return problem ?? { key, name, value };
}

/** The set of parameters of one record: why BIND refuses it, or undefined. */
export function svcParamSetProblem(params: SvcParam[]): Localized | undefined {
  const seen = new Set<number>();
  for (const p of params) {
    if (seen.has(p.key)) return msg('zone.svc.twice', p.name);
    seen.add(p.key);
  }
  if (seen.has(2) && !seen.has(1)) return msg('zone.svc.no-default-alpn-alone');
  const mandatory = params.find((p) => p.key === 0);
  if (mandatory) {
    if (params.length === 1) return msg('zone.svc.mandatory-alone');
    for (const item of mandatory.value.split(',')) {
      const k = KEYS[item.toLowerCase()] ?? (keyNumber(item) as number);
      if (k === 0) return msg('zone.svc.mandatory-self');
      if (!seen.has(k)) return msg('zone.svc.mandatory-missing', item);
    }
  }
  return undefined;
}

/** The number of a key written keyNNNNN (no sign, no leading zero, at most 65535), or why not. */
function keyNumber(name: string): number | Localized {
  const known = KEYS[name.toLowerCase()];
  if (known !== undefined) return known;
  const m = /^key(0|[1-9]\d*)$/.exec(name);
  if (!m) return msg('zone.svc.unknown', name, Object.keys(KEYS).join(', '));
  const n = Number(m[1]);
  return n > 65535 ? msg('zone.svc.number-too-high', name) : n;
}

function knownValueProblem(name: string, raw: string, value: string): Localized | undefined {
  switch (name) {
    case 'mandatory': {
      if (value === '') return msg('zone.svc.mandatory-empty');
      const keys = value.split(',');
      const numbers = new Set<number>();
      for (const k of keys) {
        if (k === '') return msg('zone.svc.mandatory-empty-key');
        const n = keyNumber(k);
        if (typeof n !== 'number') return n;
        if (numbers.has(n)) return msg('zone.svc.mandatory-twice', k);
        numbers.add(n);
      }
      return undefined;
    }
    case 'alpn':
      return alpnProblem(value);
    case 'no-default-alpn':
      return value === '' ? undefined : msg('zone.svc.no-default-alpn-value');
    case 'port':
      return /^\d+$/.test(value) && Number(value) <= 65535 ? undefined : msg('zone.svc.bad-port', raw);
    case 'ipv4hint':
    case 'ipv6hint': {
      const v4 = name === 'ipv4hint';
      for (const a of value.split(',')) {
        if (!(v4 ? isIPv4At(a, 0, a.length) && !/(^|\.)0\d/.test(a) : isIPv6At(a, 0, a.length))) return msg('zone.svc.bad-address', a, name);
      }
      return undefined;
    }
    case 'ech':
      return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value) ? undefined : msg('zone.svc.bad-ech');
    case 'dohpath':
      return dohpathProblem(value);
  }
  return undefined;
}

/**
 * alpn's second level: ids separated by commas, where a backslash keeps the next character (so an
 * id may hold a comma); no id may be empty or longer than 255 octets.
 */
function alpnProblem(value: string): Localized | undefined {
  let id = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (i === value.length || c === ',') {
      if (id === 0) return msg('zone.svc.alpn-empty');
      id = 0;
      continue;
    }
    if (c === '\\') {
      if (++i === value.length) return msg('zone.svc.alpn-escape-end');
    }
    if (++id > 255) return msg('zone.svc.alpn-too-long');
  }
  return undefined;
}

/** A relative URI template (RFC 6570) with a `dns` variable, as dohpath must be (RFC 9461). */
function dohpathProblem(value: string): Localized | undefined {
  const bad = msg('zone.svc.dohpath');
  if (!value.startsWith('/')) return bad;
  let dns = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '%') {
      if (!/^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) return bad;
      i += 2;
    } else if (c === '{') {
      const close = value.indexOf('}', i);
      if (close < 0) return bad;
      const expr = value.slice(i + 1, close).replace(/^[+#./;?&]/, '');
      for (const spec of expr.split(',')) {
        const m = /^((?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)(\*|:[1-9]\d{0,3})?$/.exec(spec);
        if (!m) return bad;
        if (m[1] === 'dns') dns = true;
      }
      i = close;
    }
  }
  return dns ? undefined : bad;
}

/** A keyNNNNN value checked as the wire data of key `key` (BIND's svcb_validate); `value` holds one octet per character. */
export function svcWireValueProblem(key: number, value: string): Localized | undefined {
  const n = octetLength(value);
  const bad = msg('zone.svc.bad-key-value', key);
  switch (key) {
    case 0:
      return n === 0 || n % 2 !== 0 ? bad : undefined;
    case 1: {
      if (n === 0) return bad;
      const bytes = Buffer.from(value, 'latin1');
      for (let i = 0; i < bytes.length; ) {
        const l = bytes[i] + 1;
        if (l === 1 || i + l > bytes.length) return bad;
        i += l;
      }
      return undefined;
    }
    case 2:
      return n === 0 ? undefined : bad;
    case 3:
      return n === 2 ? undefined : bad;
    case 4:
      return n === 0 || n % 4 !== 0 ? bad : undefined;
    case 6:
      return n === 0 || n % 16 !== 0 ? bad : undefined;
    case 7:
      return dohpathProblem(value);
  }
  return undefined;
}

function octetLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) > 0xff ? Buffer.byteLength(s[i]) : 1;
  return n;
}

/** Resolves backslash escapes (\DDD as one octet, \X as X); undefined for a bad one (\DDD above 255, too few digits, a lone \ at the end). */
function unescape(raw: string): string | undefined {
  if (raw.indexOf('\\') < 0) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= raw.length) return undefined;
    const d = raw.charCodeAt(i + 1);
    if (d >= 48 && d <= 57) {
      const digits = raw.slice(i + 1, i + 4);
      if (!/^\d{3}$/.test(digits) || Number(digits) > 255) return undefined;
      out += String.fromCharCode(Number(digits));
      i += 3;
    } else {
      out += raw[i + 1];
      i += 1;
    }
  }
  return out;
}

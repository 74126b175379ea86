// What kind of value each parameter takes. Postfix itself never type-checks main.cf in postconf,
// but the daemons do at run time (a "bad boolean" or "bad time value" is fatal for them), so
// completion and diagnostics need this. Booleans, numbers and times, with their bounds, come from
// Postfix's own configuration tables (valueKinds.ts); a hand-written table adds the choices and
// lists people touch; the rest are derived from the generated default and the name where that is
// safe. Every check follows the Postfix function that parses the value (see valueProblem).
import type { TimeUnit } from './generatedData';
import { postfixValueKind } from './valueKinds';
import { t, type Locale } from '../l10n';
import { CURATED_TYPES } from './valueTypeTable';
import { listTokens } from './listTokens';

export type { TimeUnit };

export type RestrictionListName = 'client' | 'helo' | 'sender' | 'recipient' | 'relay' | 'data' | 'end_of_data' | 'etrn';

/** Free text whose shape we know a little about, used for hints rather than errors. */
export type StringFormat = 'hostname' | 'domain' | 'path' | 'address' | 'transport' | 'nexthop' | 'command' | 'text' | 'level';

export type ValueType =
  | { kind: 'boolean' }
  /** min and max only where Postfix enforces them. */
  | { kind: 'integer'; min?: number; max?: number }
  /** A number with an optional unit letter; a bare number means `defaultUnit`; bounds in seconds. */
  | { kind: 'time'; defaultUnit: TimeUnit; min?: number; max?: number }
  /** A byte count (Postfix 3.7 takes no k/M suffixes). */
  | { kind: 'size'; min?: number; max?: number }
  /**
   * One of `values`; with `multiple`, a comma/space separated selection of them. Postfix matches a
   * single choice in any case (name_code) and a selection exactly (name_mask), unless `exactCase`
   * says otherwise.
   */
  | { kind: 'enum'; values: string[]; multiple?: boolean; allowEmpty?: boolean; exactCase?: boolean; tolerated?: Record<string, string> }
  /** A comma/space separated list; `item` says what the elements are; tables may be mixed in. */
  | { kind: 'list'; item: 'domain' | 'network' | 'address' | 'interface' | 'name' | 'parameter' | 'other' }
  /** One or more `type:name` lookup tables (or `$parameter` references to such lists). */
  | { kind: 'lookupTables'; single?: boolean }
  /** An smtpd access restriction list, evaluated in the given SMTP stage. */
  | { kind: 'restrictions'; list: RestrictionListName }
  | { kind: 'string'; format?: StringFormat };

export const TIME_UNITS: readonly TimeUnit[] = ['s', 'm', 'h', 'd', 'w'];

const YES_NO = /^(yes|no)$/;
/** get_mail_conf_bool() compares with strcasecmp. */
const YES_NO_ANY_CASE = /^(yes|no)$/i;

/** The literal alternatives of a compatibility-dependent default such as `${{$x} <level {2} ? {a} : {b}}`. */
export function defaultAlternatives(defaultValue: string): string[] {
  const conditional = /^\$\{.*\?\s*\{([^{}]*)\}\s*:\s*\{([^{}]*)\}\s*\}(.*)$/.exec(defaultValue);
  if (conditional) return [conditional[1] + conditional[3], conditional[2] + conditional[3]];
  return [defaultValue];
}

function derivedFromDefault(name: string, defaultValue: string, timeUnit: TimeUnit | undefined): ValueType | undefined {
  if (timeUnit) return { kind: 'time', defaultUnit: timeUnit };
  const alternatives = defaultAlternatives(defaultValue);
  if (alternatives.every((v) => YES_NO.test(v))) return { kind: 'boolean' };
  if (alternatives.every((v) => /^\d+[smhdw]$/.test(v))) return { kind: 'time', defaultUnit: alternatives[0].slice(-1) as TimeUnit };
  if (alternatives.every((v) => /^\d+$/.test(v))) {
    // No bounds: only Postfix's own tables (fromPostfixTables) say what a number may be.
    return /_size_limit$|_buffer_size$|_size$|^queue_minfree$|^virtual_mailbox_limit$/.test(name) ? { kind: 'size' } : { kind: 'integer' };
  }
  return undefined;
}

function derivedFromName(name: string): ValueType | undefined {
  const restrictions = /^smtpd_(client|helo|sender|recipient|relay|data|end_of_data|etrn)_restrictions$/.exec(name);
  if (restrictions) return { kind: 'restrictions', list: restrictions[1] as RestrictionListName };
  if (/_maps$|_checks$|_cache_database$/.test(name)) return { kind: 'lookupTables' };
  if (/_(file|directory)$|_CAfile$|_CApath$/.test(name)) return { kind: 'string', format: 'path' };
  if (/_service_name$/.test(name)) return { kind: 'string', format: 'text' };
  if (/_transport$/.test(name)) return { kind: 'string', format: 'transport' };
  if (/_notice_recipient$/.test(name)) return { kind: 'string', format: 'address' };
  return undefined;
}

/**
 * The value type of a built-in parameter: the curated entry, else the type of the parameter its
 * default simply copies (`$smtp_tls_loglevel`), else what the default and the name make obvious,
 * else free text.
 */
export function valueTypeOf(
  name: string,
  lookup: (other: string) => { default: string; timeUnit?: TimeUnit } | undefined,
  seen: Set<string> = new Set(),
): ValueType {
  const own = fromPostfixTables(name, lookup);
  if (own) return own;
  const curated = CURATED_TYPES[name];
  if (curated) return curated;
  // lmtp_* mirrors smtp_* parameter for parameter.
  if (name.startsWith('lmtp_') && CURATED_TYPES[`smtp_${name.slice(5)}`]) return CURATED_TYPES[`smtp_${name.slice(5)}`];
  const generated = lookup(name);
  if (!generated) return derivedFromName(name) ?? { kind: 'string' };
  const copied = /^\$\{?([A-Za-z0-9_]+)\}?$/.exec(generated.default)?.[1];
  if (copied && !seen.has(copied) && lookup(copied)) {
    seen.add(name);
    return valueTypeOf(copied, lookup, seen);
  }
  return derivedFromDefault(name, generated.default, generated.timeUnit) ?? derivedFromName(name) ?? { kind: 'string' };
}

/** The type Postfix's own tables declare for booleans, numbers and times, with their bounds. */
function fromPostfixTables(name: string, lookup: (other: string) => { default: string; timeUnit?: TimeUnit } | undefined): ValueType | undefined {
  const own = postfixValueKind(name);
  if (!own) return undefined;
  const bounds = { ...(own.min !== undefined ? { min: own.min } : {}), ...(own.max !== undefined ? { max: own.max } : {}) };
  switch (own.kind) {
    case 'bool':
      return { kind: 'boolean' };
    case 'int':
      return { kind: 'integer', ...bounds };
    case 'long':
      return { kind: 'size', ...bounds };
    case 'time': {
      const g = lookup(name);
      const unit = g?.timeUnit ?? (/^\d+([smhdw])$/.exec(g?.default ?? '')?.[1] as TimeUnit | undefined) ?? 's';
      return { kind: 'time', defaultUnit: unit, ...bounds };
    }
    default:
      return undefined;
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const INT_MAX = 2 ** 31 - 1;

function outOfBounds(n: number, type: { min?: number; max?: number }, shown: string, locale: Locale): string | undefined {
  if (type.min !== undefined && n < type.min) return t(locale, 'value.at-least', type.min, shown);
  if (type.max !== undefined && n > type.max) return t(locale, 'value.at-most', type.max, shown);
  return undefined;
}

/**
 * A time as conv_time() reads it: a non-negative decimal number (strtol: leading blanks and a sign
 * allowed), then a unit letter or nothing; Postfix looks only at the first character after the
 * digits, so "30sec" and "2days" are 30 seconds and 2 days. Returns the seconds, or undefined.
 */
export function timeSeconds(value: string, defaultUnit: TimeUnit): number | undefined {
  const m = /^[ \t]*([-+]?\d+)([\s\S]?)/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] === '' ? defaultUnit : m[2];
  if (n < 0 || n > INT_MAX || !(unit in UNIT_SECONDS)) return undefined;
  const seconds = n * UNIT_SECONDS[unit];
  return seconds > INT_MAX ? undefined : seconds;
}

/** What Postfix does with a value it accepts only with a warning (an enum's `tolerated` one), or undefined. */
export function toleratedValue(type: ValueType, value: string): string | undefined {
  return type.kind === 'enum' && !type.multiple ? type.tolerated?.[value.trim().toLowerCase()] : undefined;
}

/** A list value's items, as listTokens() cuts them (commas and Postfix's blanks, `{...}` groups whole). */
export function splitListValue(value: string): string[] {
  return listTokens(value).map((token) => token.text);
}

/**
 * Why `value` is not valid for `type`, in the locale's words, or undefined when it is (or cannot be judged:
 * values with `$` references are only known after expansion). Map types and restriction names
 * are checked elsewhere, against their own tables.
 */
export function valueProblem(type: ValueType, value: string, locale: Locale = 'en'): string | undefined {
  const v = value.trim();
  if (v.includes('$')) return undefined;
  switch (type.kind) {
    case 'boolean':
      return YES_NO_ANY_CASE.test(v) ? undefined : t(locale, 'value.boolean', v);
    case 'integer':
    case 'size': {
      // sscanf("%d%c") / ("%ld%c"): one signed decimal number and nothing after it.
      if (!/^[-+]?\d+$/.test(v)) return t(locale, type.kind === 'size' ? 'value.size' : 'value.integer', v);
      const n = Number(v);
      if (type.kind === 'integer' && Math.abs(n) > INT_MAX) return t(locale, 'value.int32', v);
      return outOfBounds(n, type, v, locale);
    }
    case 'time': {
      const seconds = timeSeconds(v, type.defaultUnit);
      if (seconds === undefined) return t(locale, 'value.time', v);
      return outOfBounds(seconds, type, seconds === Number(v) ? v : t(locale, 'value.seconds', v, seconds), locale);
    }
    case 'enum': {
      if (v === '') return type.allowEmpty ? undefined : t(locale, 'value.one-of', type.values.join(', '));
      const exact = type.exactCase ?? type.multiple === true;
      const items = type.multiple ? splitListValue(v) : [v];
      const known = exact ? type.values : type.values.map((x) => x.toLowerCase());
      const bad = items.find((i) => !known.includes(exact ? i : i.toLowerCase()) && !(type.tolerated && i.toLowerCase() in type.tolerated));
      return bad === undefined ? undefined : t(locale, 'value.not-one-of', bad, type.values.join(', '));
    }
    case 'lookupTables': {
      const bad = splitListValue(v).find((i) => !/^[a-z0-9]+:/.test(i));
      return bad === undefined ? undefined : t(locale, 'value.table', bad);
    }
    default:
      return undefined;
  }
}

// What kind of value each parameter takes. Postfix itself never type-checks main.cf in postconf,
// but the daemons do at run time (a "bad boolean" or "bad time value" is fatal for them), so
// completion and diagnostics need this. A hand-written table covers the parameters people touch;
// the rest are derived from the generated default and the name where that is safe.
import type { TimeUnit } from './generatedData';
import { CURATED_TYPES } from './valueTypeTable';

export type { TimeUnit };

export type RestrictionListName = 'client' | 'helo' | 'sender' | 'recipient' | 'relay' | 'data' | 'end_of_data' | 'etrn';

/** Free text whose shape we know a little about, used for hints rather than errors. */
export type StringFormat = 'hostname' | 'domain' | 'path' | 'address' | 'transport' | 'nexthop' | 'command' | 'text' | 'level';

export type ValueType =
  | { kind: 'boolean' }
  | { kind: 'integer'; min?: number; max?: number }
  /** A number with an optional one-letter unit; a bare number means `defaultUnit`. */
  | { kind: 'time'; defaultUnit: TimeUnit }
  /** A byte count (Postfix 3.7 takes no k/M suffixes). */
  | { kind: 'size' }
  /** One of `values`; with `multiple`, a comma/space separated selection of them. */
  | { kind: 'enum'; values: string[]; multiple?: boolean; allowEmpty?: boolean }
  /** A comma/space separated list; `item` says what the elements are; tables may be mixed in. */
  | { kind: 'list'; item: 'domain' | 'network' | 'address' | 'interface' | 'name' | 'parameter' | 'other' }
  /** One or more `type:name` lookup tables (or `$parameter` references to such lists). */
  | { kind: 'lookupTables'; single?: boolean }
  /** An smtpd access restriction list, evaluated in the given SMTP stage. */
  | { kind: 'restrictions'; list: RestrictionListName }
  | { kind: 'string'; format?: StringFormat };

export const TIME_UNITS: readonly TimeUnit[] = ['s', 'm', 'h', 'd', 'w'];

const YES_NO = /^(yes|no)$/;

/** The literal alternatives of a compatibility-dependent default such as `${{$x} <level {2} ? {a} : {b}}`. */
function defaultAlternatives(defaultValue: string): string[] {
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
    return /_size_limit$|_buffer_size$|_size$|^queue_minfree$|^virtual_mailbox_limit$/.test(name) ? { kind: 'size' } : { kind: 'integer', min: 0 };
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

/** Splits a list value the way Postfix does: on commas and whitespace, keeping `{...}` groups. */
export function splitListValue(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Why `value` is not valid for `type`, in English, or undefined when it is (or cannot be judged:
 * values with `$` references are only known after expansion). Map types and restriction names
 * are checked elsewhere, against their own tables.
 */
export function valueProblem(type: ValueType, value: string): string | undefined {
  const v = value.trim();
  if (v.includes('$')) return undefined;
  switch (type.kind) {
    case 'boolean':
      return YES_NO.test(v) ? undefined : `expected yes or no, not "${v}"`;
    case 'integer': {
      if (!/^-?\d+$/.test(v)) return `expected a whole number, not "${v}"`;
      const n = Number(v);
      if (type.min !== undefined && n < type.min) return `expected at least ${type.min}, not ${v}`;
      if (type.max !== undefined && n > type.max) return `expected at most ${type.max}, not ${v}`;
      return undefined;
    }
    case 'size':
      return /^\d+$/.test(v) ? undefined : `expected a size in bytes (digits only), not "${v}"`;
    case 'time':
      return /^\d+[smhdw]?$/.test(v) ? undefined : `expected a time such as 30s, 5m, 1h, 2d or 1w, not "${v}"`;
    case 'enum': {
      if (v === '') return type.allowEmpty ? undefined : `expected one of ${type.values.join(', ')}`;
      const items = type.multiple ? splitListValue(v) : [v];
      const bad = items.find((i) => !type.values.includes(i));
      return bad === undefined ? undefined : `"${bad}" is not one of ${type.values.join(', ')}`;
    }
    case 'lookupTables': {
      const bad = splitListValue(v).find((i) => !/^[a-z0-9]+:/.test(i));
      return bad === undefined ? undefined : `expected type:table (such as hash:/etc/postfix/file), not "${bad}"`;
    }
    default:
      return undefined;
  }
}

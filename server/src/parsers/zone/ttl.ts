// TTLs as BIND reads them: a plain number of seconds, or a sequence of number+unit pairs
// (1w2d3h4m5s, units case-insensitive). Values above 2^31-1 are out of range (RFC 2181 §8).

export const MAX_TTL = 2147483647;

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Seconds for text[start, end), or -1 when it is not a TTL. Works on char codes so checking
 * millions of records allocates nothing. The result may exceed MAX_TTL; callers decide.
 */
export function parseTtlAt(text: string, start: number, end: number): number {
  if (start >= end) return -1;
  let total = 0;
  let value = 0;
  let digits = 0;
  let sawUnit = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (value > 1e12) return -1;
      continue;
    }
    const unit = UNIT_SECONDS[String.fromCharCode(c | 0x20)];
    if (unit === undefined || digits === 0) return -1;
    total += value * unit;
    value = 0;
    digits = 0;
    sawUnit = true;
  }
  if (digits > 0) {
    // A trailing bare number after units counts as seconds (BIND accepts "1h30").
    total += value;
  } else if (!sawUnit) return -1;
  return total;
}

export function parseTtl(text: string): number {
  return parseTtlAt(text, 0, text.length);
}

/** "1w 2d 3h" style rendering of a number of seconds, for hovers. */
const UNITS = {
  en: [['week', 'weeks'], ['day', 'days'], ['hour', 'hours'], ['minute', 'minutes'], ['second', 'seconds']],
  es: [['semana', 'semanas'], ['día', 'días'], ['hora', 'horas'], ['minuto', 'minutos'], ['segundo', 'segundos']],
} as const;
const HUMAN_UNIT_SECONDS = [604800, 86400, 3600, 60, 1];

export function humanTtl(seconds: number, locale: 'en' | 'es' = 'en'): string {
  const units = UNITS[locale] ?? UNITS.en;
  if (seconds === 0) return `0 ${units[4][1]}`;
  const parts: string[] = [];
  let rest = seconds;
  HUMAN_UNIT_SECONDS.forEach((size, k) => {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${units[k][n === 1 ? 0 : 1]}`);
    rest -= n * size;
  });
  return parts.join(' ');
}

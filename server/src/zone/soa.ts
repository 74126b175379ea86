// SOA serial schemes and timer sanity. Ranges follow the advice of RFC 1912 §2.2, RIPE-203 and RFC 2308
// §5 (negative caching): timers far outside them make secondaries drift or cache errors too long.
import { Localized, msg } from '../l10n';

export interface SoaTimers {
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export function checkSoaTimers(t: SoaTimers): Localized[] {
  const out: Localized[] = [];
  if (t.refresh < 1200 || t.refresh > 86400) out.push(msg('zone.soa.refresh', t.refresh));
  if (t.retry < 120 || t.retry >= t.refresh) out.push(msg('zone.soa.retry', t.retry, t.refresh));
  // From RFC 1912's 2-4 weeks down to a week, and up to RIPE-203's recommended 1000 hours.
  if (t.expire < 604800 || t.expire > 3600000) out.push(msg('zone.soa.expire', t.expire));
  if (t.expire <= t.refresh + t.retry) out.push(msg('zone.soa.expire-short', t.expire));
  if (t.minimum < 60 || t.minimum > 86400) out.push(msg('zone.soa.minimum', t.minimum));
  return out;
}

export type SerialScheme = 'date' | 'unixtime' | 'counter';

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Seconds since 1970 between 2000 and 2033: the other common serial scheme. */
function isUnixTime(serial: number): boolean {
  return serial >= 946684800 && serial < 2000000000;
}

/** How a serial is built, and an informational note when it looks like a mistake. */
export function serialForm(serial: number): { scheme: SerialScheme; note?: Localized } {
  const s = String(serial);
  if (s.length === 10 && /^(19|20|21)/.test(s)) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(4, 6));
    const d = Number(s.slice(6, 8));
    if (validDate(y, m, d)) return { scheme: 'date' };
    if (isUnixTime(serial)) return { scheme: 'unixtime' };
    return { scheme: 'counter', note: msg('zone.soa.serial-not-a-date', serial, s.slice(0, 8)) };
  }
  if (isUnixTime(serial)) return { scheme: 'unixtime' };
  if (s.length === 9 || s.length === 8) {
    const y = Number(s.slice(0, 4));
    if (y >= 1990 && y <= 2100 && validDate(y, Number(s.slice(4, 6)), Number(s.slice(6, 8)))) {
      return { scheme: 'counter', note: msg('zone.soa.serial-short-date', serial) };
    }
  }
  if (serial === 0) return { scheme: 'counter', note: msg('zone.soa.serial-zero') };
  return { scheme: 'counter' };
}

/** YYYYMMDD of a date, in UTC, as a number. */
export function dateStamp(today: Date): number {
  return today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
}

/**
 * The next serial. YYYYMMDDnn serials move to today's date with nn = 01 (the lesson counts a day's
 * changes from 01, and 00 would read as "no change yet"), or increment nn on the
 * same day (and simply increment when nn is 99 or the date is in the future); any other serial
 * increments, wrapping at 2^32 as RFC 1982 serial arithmetic allows.
 */
export function bumpSerial(serial: number, today: Date): number {
  if (serialForm(serial).scheme === 'date') {
    const stamp = dateStamp(today);
    const current = Math.floor(serial / 100);
    if (current < stamp) return stamp * 100 + 1;
  }
  return (serial + 1) % 4294967296;
}

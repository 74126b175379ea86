// The shape of dns-check's findings and of the one thing the checks need from the network: a way
// to ask a question. The checks are functions of the answers, so tests can hand them answers of
// their own and the CLI, the language server and the benches share them.
import type { Locale } from '../../l10n';
import type { QueryType, ServedRecord } from '../wire';

export type Severity = 'error' | 'warning' | 'info';

export interface DnsCheck {
  /** Stable: serial-mismatch, record-differs, mx-no-address, ptr-missing, ptr-mismatch, ... */
  code: string;
  ok: boolean;
  /** How much a failure matters: only failed errors make dns-check exit 1. Passes are 'info'. */
  severity: Severity;
  message: string;
  expected?: string;
  served?: string;
  /** The owner name the check is about, to find its line in the zone file. */
  name?: string;
  /** 0-based line of the record in the zone file, when a zone file was given. */
  line?: number;
}

export interface Served {
  rcode: string;
  authoritative: boolean;
  /** The server is a recursive resolver (RA): its answers may come from its cache. */
  recursive?: boolean;
  answers: ServedRecord[];
}

/** Asks the name server; rejects (with a DnsError) when it gives no usable answer. */
export type Ask = (name: string, type: QueryType) => Promise<Served>;

export interface CheckContext {
  ask: Ask;
  locale: Locale;
  /** The mail domain, absolute, lower case. */
  domain: string;
}

/** The records of `type` at `name` in an answer (a CNAME answer also holds its target's records). */
export function recordsAt(served: Served, name: string, type: string): ServedRecord[] {
  return served.answers.filter((r) => r.name === name && r.type === type);
}

export const pass = (code: string, message: string, extra: Partial<DnsCheck> = {}): DnsCheck => ({ code, ok: true, severity: 'info', message, ...extra });
export const fail = (code: string, severity: Severity, message: string, extra: Partial<DnsCheck> = {}): DnsCheck => ({ code, ok: false, severity, message, ...extra });

/** The error text of a failed question, for a finding that could not be decided. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The MX hosts of an answer, by preference; data that is not "PREF NAME" is left out. */
export function mxHosts(served: Served, name: string): Array<{ pref: number; host: string; data: string }> {
  const out: Array<{ pref: number; host: string; data: string }> = [];
  for (const r of recordsAt(served, name, 'MX')) {
    const m = /^(\d+) (\S+)$/.exec(r.data);
    if (m) out.push({ pref: Number(m[1]), host: m[2], data: r.data });
  }
  return out.sort((a, b) => a.pref - b.pref);
}

/** The serial of an SOA record's canonical data, when it has one. */
export function soaSerial(data: string): number | undefined {
  const serial = data.split(' ')[2];
  return serial !== undefined && /^\d+$/.test(serial) ? Number(serial) : undefined;
}

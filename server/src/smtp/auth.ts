// SASL exchanges the probe can run (RFC 4954 over SMTP): PLAIN, LOGIN and CRAM-MD5. Each step is a
// line to send; the transcript only ever shows `***` in place of these lines.
import { createHmac } from 'node:crypto';
import type { AuthMechanism } from './types';

export const SUPPORTED_MECHANISMS: readonly AuthMechanism[] = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

/** The mechanisms a server lists in its EHLO reply (`AUTH PLAIN LOGIN`, or the old `AUTH=` form). */
export function offeredMechanisms(ehlo: string[]): string[] {
  const found = new Set<string>();
  for (const line of ehlo) {
    const m = /^AUTH[ =](.*)$/i.exec(line);
    if (m) for (const mech of m[1].trim().split(/\s+/)) if (mech) found.add(mech.toUpperCase());
  }
  return [...found];
}

/** The mechanism to try: the one asked for when offered, else PLAIN, LOGIN, CRAM-MD5 in that order. */
export function chooseMechanism(offered: string[], wanted?: AuthMechanism): AuthMechanism | undefined {
  if (wanted) return offered.includes(wanted) ? wanted : undefined;
  return SUPPORTED_MECHANISMS.find((m) => offered.includes(m));
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The command that starts the exchange (with its initial response where the mechanism has one). */
export function authCommand(mech: AuthMechanism, user: string, password: string): string {
  if (mech === 'PLAIN') return `AUTH PLAIN ${b64(`\0${user}\0${password}`)}`;
  return `AUTH ${mech}`;
}

/** The answer to a 334 challenge, given its base64 text and how many challenges came before. */
export function authResponse(mech: AuthMechanism, challenge: string, step: number, user: string, password: string): string | undefined {
  if (mech === 'LOGIN') return step === 0 ? b64(user) : step === 1 ? b64(password) : undefined;
  if (mech === 'CRAM-MD5' && step === 0) {
    const nonce = Buffer.from(challenge.trim(), 'base64').toString('latin1');
    const digest = createHmac('md5', password).update(nonce, 'latin1').digest('hex');
    return b64(`${user} ${digest}`);
  }
  return undefined;
}

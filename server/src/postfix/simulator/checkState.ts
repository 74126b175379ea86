// What smtpd knows about the session while it evaluates restrictions, and the verdicts a list
// can reach. Mirrors the fields of Postfix's SMTPD_STATE that smtpd_check.c reads and writes.
import type { Reply } from './replies';
import type { RestrictionWord } from './restrictionList';

export type ErrorClass = 'policy' | 'bounce' | 'software' | 'data' | 'resource';

export interface Deferral {
  active: boolean;
  errorClass: ErrorClass;
  code: number;
  dsn: string;
  text: string;
  by?: Verdict['by'];
}

export interface CheckState {
  clientName: string;
  clientAddress: string;
  /** "name[address]", how smtpd names the client in replies. */
  namaddr: string;
  helo?: string;
  /** undefined before MAIL FROM; "" for the null sender. */
  sender?: string;
  recipient?: string;
  saslUser?: string;
  tls: boolean;
  /** The command being checked: "CONNECT", "HELO", "MAIL", "RCPT", "DATA". */
  where: string;
  rcptCount: number;
  discard: boolean;
  /** Nesting level that asked warn_if_reject, 0 when none. */
  warnIfReject: number;
  recursion: number;
  deferIfPermit: Deferral;
  deferIfReject: Deferral;
  /** defer_if_permit left active by the client, helo and sender lists (carried to later lists). */
  deferIfPermitClient: boolean;
  deferIfPermitHelo: boolean;
  deferIfPermitSender: boolean;
  senderRcptmapChecked: boolean;
  /** smtpd has set senderRcptmapChecked itself (the sender list ran once). */
  senderCheckedKnown: boolean;
  recipientRcptmapChecked: boolean;
}

export function newDeferral(): Deferral {
  return { active: false, errorClass: 'policy', code: 0, dsn: '', text: '' };
}

/** The restriction (and the list holding it) that produced a verdict. */
export interface VerdictSource {
  list: string;
  word: RestrictionWord;
}

export type Verdict = { kind: 'dunno'; by?: undefined } | { kind: 'ok'; by: VerdictSource } | { kind: 'reject'; reply: Reply; by: VerdictSource };

/** smtpd's longjmp out of the restriction lists: a server or lookup error, or HANGUP. */
export class CheckAbort extends Error {
  constructor(
    readonly verdict: Verdict,
    readonly hangup = false,
  ) {
    super('check aborted');
  }
}

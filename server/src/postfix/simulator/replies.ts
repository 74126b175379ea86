// SMTP reply lines as smtpd writes them for a restriction's verdict: "CODE D.S.N text", with the
// enhanced code's class forced to agree with the reply code, soft_bounce turning 5 into 4, and the
// DSN helpers access tables use (a text may start with its own D.S.N; "x.1.y" codes are mapped to
// the sender or recipient variant).

export interface Reply {
  code: number;
  /** The enhanced status code, "5.7.1"; undefined for replies that carry none (220, 250 name). */
  enhanced?: string;
  line: string;
}

/** Length of a valid D.S.N at the start of text, else 0 (dsn_valid()). */
export function dsnLength(text: string): number {
  const m = /^[245]\.[0-9]{1,3}\.[0-9]{1,3}(?=$|\s)/.exec(text);
  return m ? m[0].length : 0;
}

/** dsn_split(): the text's own D.S.N if it starts with one, else the default; and the rest. */
export function splitDsn(defaultDsn: string, text: string): { dsn: string; text: string } {
  const t = text.replace(/^\s+/, '');
  const len = dsnLength(t);
  if (len > 0) return { dsn: t.slice(0, len), text: t.slice(len).replace(/^\s+/, '') };
  return { dsn: defaultDsn, text: t };
}

export type ReplyClass = 'Client host' | 'Unverified Client host' | 'SASL login name' | 'Helo command' | 'Sender address' | 'Recipient address' | 'Data command' | 'End-of-data';

const SENDER_DSN: Record<string, string> = { '1': '4.1.7', '2': '4.1.8', '3': '4.1.7', '4': '4.1.7', '5': '4.1.0', '6': '4.1.7', '7': '4.1.7', '8': '4.1.8' };
const RECIPIENT_DSN: Record<string, string> = { '1': '4.1.1', '2': '4.1.2', '3': '4.1.3', '4': '4.1.4', '5': '4.1.5', '6': '4.1.6', '7': '4.1.3', '8': '4.1.2' };

/**
 * smtpd_dsn_fix(): an address-status code (x.1.y) only makes sense for the kind of address it
 * is about; smtpd swaps in the sender's or the recipient's variant, or 4.0.0 elsewhere. Only the
 * detail matters: the class digit is set from the reply code later.
 */
export function fixDsn(status: string, replyClass: ReplyClass): string {
  if (!/^[0-9]\.1\./.test(status)) return status;
  const micro = status.slice(4);
  if (replyClass === 'Sender address') return SENDER_DSN[micro] ?? '4.1.0';
  if (replyClass === 'Recipient address') return RECIPIENT_DSN[micro] ?? '4.1.0';
  return '4.0.0';
}

/** smtpd_check_reject()'s formatting of a refusal. */
export function rejectReply(code: number, dsn: string, text: string, softBounce: boolean): Reply {
  let line = `${code} ${dsn} ${text}`;
  if (code < 400 || code > 599 || dsnLength(line.slice(4)) === 0) line = '450 4.7.1 Service unavailable';
  line = line.slice(0, 510).replace(/[^\x20-\x7e]/g, ' ');
  if (softBounce && line[0] === '5') line = '4' + line.slice(1);
  line = line.slice(0, 4) + line[0] + line.slice(5);
  return parseReply(line);
}

/** Splits "250 2.1.0 Ok" into its parts. */
export function parseReply(line: string): Reply {
  const code = Number(line.slice(0, 3));
  const rest = line.slice(4);
  const len = dsnLength(rest);
  return len > 0 ? { code, enhanced: rest.slice(0, len), line } : { code, line };
}

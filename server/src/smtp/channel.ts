// One SMTP conversation over a socket that may be swapped for its TLS wrapper (STARTTLS). It turns
// bytes into replies under hard limits, so a hostile or broken server can neither hang the probe
// (every read has a deadline) nor make it hold unbounded memory (lines and replies are capped).
import type { Socket } from 'node:net';
import { t, type Locale } from '../l10n';
import type { TranscriptLine } from './types';

export const MAX_LINE = 4096;
export const MAX_REPLY = 64 * 1024;
/** Replies the server may send ahead of our commands (pipelining) before we call it a flood. */
const MAX_QUEUED = 16;

export type ChannelErrorKind = 'timeout' | 'closed' | 'too-long' | 'garbage' | 'cancelled' | 'io';

export class ChannelError extends Error {
  constructor(
    message: string,
    readonly kind: ChannelErrorKind,
  ) {
    super(message);
  }
}

export interface Reply {
  code: number;
  /** The text of each line, without the code and separator. */
  lines: string[];
}

export function replyText(r: Reply): string {
  return `${r.code} ${r.lines.join(' / ')}`.trim();
}

const REPLY_LINE = /^([2-5]\d\d)([ -]|$)(.*)$/;

export class SmtpChannel {
  readonly transcript: TranscriptLine[] = [];
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private partial: string[] = [];
  private partialCode = 0;
  private partialBytes = 0;
  private readonly ready: Reply[] = [];
  private failure: ChannelError | undefined;
  private waiter: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  private readonly started = Date.now();

  /** `locale`: the language of the failures it reports. */
  constructor(private readonly locale: Locale = 'en') {}

  private readonly onData = (chunk: Buffer) => this.take(chunk);
  private readonly onError = (err: Error) => this.fail(new ChannelError(t(this.locale, 'probe.network-error', err.message), 'io'));
  private readonly onClose = () => this.fail(new ChannelError(t(this.locale, 'probe.closed'), 'closed'));

  note(text: string): void {
    this.transcript.push({ dir: '*', text, t: Date.now() - this.started });
  }

  attach(socket: Socket): void {
    this.socket = socket;
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('end', this.onClose);
  }

  /** Stops reading from the current socket (before handing it to TLS); refuses if bytes are waiting. */
  detach(): Socket {
    const socket = this.socket!;
    socket.off('data', this.onData);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
    socket.off('end', this.onClose);
    this.socket = undefined;
    if (this.buffer.length > 0 || this.ready.length > 0 || this.partial.length > 0) {
      // Plaintext that arrives before the handshake would be mixed into the encrypted session.
      throw new ChannelError(t(this.locale, 'probe.data-after-starttls'), 'garbage');
    }
    return socket;
  }

  /** Sends one command line; `shown` replaces it in the transcript (AUTH payloads). */
  send(line: string, shown = line): void {
    if (this.failure) throw this.failure;
    this.transcript.push({ dir: 'C', text: shown, t: Date.now() - this.started });
    this.socket!.write(line + '\r\n');
  }

  /** The next complete reply, or a ChannelError after `timeoutMs`. */
  read(timeoutMs: number): Promise<Reply> {
    const next = this.ready.shift();
    if (next) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const err = new ChannelError(t(this.locale, 'probe.timeout', timeoutMs), 'timeout');
        this.note(err.message);
        reject(err);
      }, timeoutMs);
      this.waiter = {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  /** Ends the conversation for good: later reads fail with this error and the socket is destroyed. */
  fail(err: ChannelError): void {
    if (!this.failure) {
      this.failure = err;
      if (err.kind !== 'closed') this.note(err.message);
    }
    this.buffer = Buffer.alloc(0);
    this.partial = [];
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
    this.socket?.destroy();
  }

  get failed(): ChannelError | undefined {
    return this.failure;
  }

  private take(chunk: Buffer): void {
    if (this.failure) return;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0) break;
      const raw = this.buffer.subarray(0, nl);
      this.buffer = this.buffer.subarray(nl + 1);
      if (!this.line(raw)) return;
    }
    if (this.buffer.length > MAX_LINE) {
      this.fail(new ChannelError(t(this.locale, 'probe.line-too-long', MAX_LINE), 'too-long'));
    }
  }

  /** Adds one line to the reply being read; false when the conversation had to stop. */
  private line(raw: Buffer): boolean {
    if (raw.length > MAX_LINE) {
      this.fail(new ChannelError(t(this.locale, 'probe.line-too-long', MAX_LINE), 'too-long'));
      return false;
    }
    const text = raw.toString('latin1').replace(/\r$/, '');
    const m = REPLY_LINE.exec(text);
    // eslint-disable-next-line no-control-regex
    if (!m || /[\x00-\x08\x0b-\x1f\x7f]/.test(text)) {
      const shown = JSON.stringify(text.slice(0, 60));
      this.fail(new ChannelError(t(this.locale, 'probe.not-smtp', shown), 'garbage'));
      return false;
    }
    const code = Number(m[1]);
    if (this.partial.length > 0 && code !== this.partialCode) {
      this.fail(new ChannelError(t(this.locale, 'probe.code-changed', this.partialCode, code), 'garbage'));
      return false;
    }
    this.partialBytes += raw.length + 1;
    if (this.partialBytes > MAX_REPLY) {
      this.fail(new ChannelError(t(this.locale, 'probe.reply-too-long', MAX_REPLY), 'too-long'));
      return false;
    }
    this.transcript.push({ dir: 'S', text, t: Date.now() - this.started });
    this.partialCode = code;
    this.partial.push(m[3]);
    if (m[2] !== '-') {
      const reply = { code, lines: this.partial };
      this.partial = [];
      this.partialBytes = 0;
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter.resolve(reply);
      else if (this.ready.length >= MAX_QUEUED) {
        this.fail(new ChannelError(t(this.locale, 'probe.flood'), 'garbage'));
        return false;
      } else this.ready.push(reply);
    }
    return true;
  }
}

// vscode-jsonrpc's stream reader stops at a header block without a usable Content-Length: it
// reports the error and returns, leaving every complete message already received in its buffer
// until more bytes arrive. A client that sends such a header and then waits for an answer (the
// abuse test does) waits forever. This re-runs the reader on what it already holds after each
// such error, so the messages behind a bad header are read at once.
import { StreamMessageReader } from 'vscode-languageserver/node';

interface ReaderInternals {
  onData(data: Buffer | string): void;
  fireError(error: unknown): void;
  mailconfHeaderError?: boolean;
}

const NOTHING = Buffer.alloc(0);
/** Bad headers handled per chunk before the rest waits for the next one (a bound, not a limit anyone meets). */
const MAX_RETRIES = 10_000;

export function resumeAfterBadHeaders(): void {
  // ReadableStreamMessageReader, shared by the stdio, pipe and socket transports.
  const reader = Object.getPrototypeOf(StreamMessageReader.prototype) as ReaderInternals;
  const onData = reader.onData;
  const fireError = reader.fireError;
  // Another vscode-jsonrpc version: leave it as it is rather than guess.
  if (typeof onData !== 'function' || typeof fireError !== 'function') return;
  reader.fireError = function (this: ReaderInternals, error: unknown) {
    this.mailconfHeaderError = true;
    fireError.call(this, error);
  };
  reader.onData = function (this: ReaderInternals, data: Buffer | string) {
    for (let i = 0; i < MAX_RETRIES; i++) {
      this.mailconfHeaderError = false;
      onData.call(this, i === 0 ? data : NOTHING);
      if (!this.mailconfHeaderError) return;
    }
  };
}

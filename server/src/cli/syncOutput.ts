// The CLI's stdout and stderr, written straight to file descriptors 1 and 2.
//
// Why: the first touch of process.stdout or process.stderr builds a stream object and loads
// Node's stream, net or tty modules for it, which cost a `mailconf postconf -n` run about 5 ms of
// its ~20 ms above bare Node. The CLI prints each result in one piece and then exits, so a
// synchronous write is all it needs. Should the descriptor be non-blocking and full (EAGAIN),
// the rest goes through the ordinary stream, which copes with that; a closed pipe (EPIPE, as in
// `mailconf postconf -d | head`) ends the output quietly, as it ends Postfix's postconf.
import { writeSync } from 'node:fs';

export type Write = (text: string) => void;

/** Whether some output went to a stream because a descriptor was full: it is still being written. */
let queued = false;
export const outputQueued = (): boolean => queued;

export function syncWriter(fd: 1 | 2): Write {
  let closed = false;
  // Once the stream holds queued bytes, everything after them must queue behind them too.
  let viaStream = false;
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  return (text) => {
    if (closed || text === '') return;
    if (viaStream) return void stream().write(text);
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') closed = true;
      else if (code === 'EAGAIN') {
        viaStream = queued = true;
        stream().write(bytes.subarray(done));
      } else throw err;
    }
  };
}

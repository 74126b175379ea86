// Runs one command on an open connection and collects its output, with a deadline and a size cap
// so that a runaway remote program can neither hang us nor fill memory. The command line is built
// from an argv by commandLine(), which quotes every element.
import type { Client } from 'ssh2';
import { SshError } from './errors';
import { commandLine } from './shellQuote';

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** null when the remote program died from a signal. */
  exitCode: number | null;
}

export interface ExecOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBytes?: number;
  /** Text for the program's standard input. */
  stdin?: string;
}

export const DEFAULT_EXEC_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export function execArgv(client: Client, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const command = commandLine(argv);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<ExecResult>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new SshError('cancelled', 'cancelled'));
    client.exec(command, (err, stream) => {
      if (err) return reject(new SshError('remote', `could not start ${argv[0]} on the server: ${err.message}`));
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      let bytes = 0;
      let exitCode: number | null = null;
      let done = false;
      const end = (error?: SshError) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (error) {
          stream.close();
          return reject(error);
        }
        resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8'), exitCode });
      };
      const take = (into: Buffer[]) => (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return end(new SshError('remote', `${argv[0]} printed more than ${maxBytes} bytes; stopped it`));
        into.push(chunk);
      };
      const onAbort = () => end(new SshError('cancelled', 'cancelled'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => end(new SshError('timeout', `${argv[0]} did not finish within ${timeoutMs} ms`)), timeoutMs);
      stream.on('data', take(out));
      stream.stderr.on('data', take(errOut));
      stream.on('exit', (code: number | null) => {
        exitCode = typeof code === 'number' ? code : null;
      });
      stream.on('close', () => end());
      if (opts.stdin !== undefined) stream.end(opts.stdin);
      else stream.end();
    });
  });
}

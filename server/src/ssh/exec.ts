// Runs one command on an open connection and collects its output, with a deadline and a size cap
// so that a runaway remote program can neither hang us nor fill memory. The command line is built
// from an argv by commandLine(), which quotes every element.
import type { Client, ClientChannel } from 'ssh2';
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
    let done = false;
    let channel: ClientChannel | undefined;
    // The deadline and the cancel cover the channel's opening too, not just the program's run.
    const end = (error?: SshError, result?: ExecResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (error) {
        channel?.close();
        reject(error);
      } else resolve(result!);
    };
    const onAbort = () => end(new SshError('cancelled', 'cancelled'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => end(new SshError('timeout', `${argv[0]} did not finish within ${timeoutMs} ms`)), timeoutMs);

    client.exec(command, (err, stream) => {
      if (done) return stream?.close();
      if (err) return end(new SshError('remote', `could not start ${argv[0]} on the server: ${err.message}`));
      channel = stream;
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      let bytes = 0;
      let exitCode: number | null = null;
      const take = (into: Buffer[]) => (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) return end(new SshError('remote', `${argv[0]} printed more than ${maxBytes} bytes; stopped it`));
        into.push(chunk);
      };
      stream.on('data', take(out));
      stream.stderr.on('data', take(errOut));
      stream.on('exit', (code: number | null) => {
        exitCode = typeof code === 'number' ? code : null;
      });
      stream.on('close', () =>
        end(undefined, { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8'), exitCode }),
      );
      if (opts.stdin !== undefined) stream.end(opts.stdin);
      else stream.end();
    });
  });
}

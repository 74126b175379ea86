// "SMTP tests from the server": the probe's TCP connection is replaced by an SSH direct-tcpip
// channel (forwardOut), so the server itself connects to its own ports. Port 25 is often closed
// from outside, and what the server's loopback answers is what its own clients see.
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { probe } from '../smtp/probe';
import type { ProbeOptions, ProbeResult } from '../smtp/types';
import { SshError } from './errors';
import { validHost } from './target';

export const DEFAULT_FORWARD_TIMEOUT_MS = 10_000;

/** A stream to host:port as seen from the server; `host` is resolved by the server. */
export function forwardOut(client: Client, host: string, port: number, timeoutMs = DEFAULT_FORWARD_TIMEOUT_MS): Promise<Duplex> {
  if (!validHost(host)) return Promise.reject(new SshError('invalid', `not a usable host name: ${JSON.stringify(host)}`));
  if (!Number.isInteger(port) || port < 1 || port > 65535) return Promise.reject(new SshError('invalid', `not a TCP port: ${port}`));
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new SshError('timeout', `the server did not open ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.forwardOut('127.0.0.1', 0, host, port, (err, channel) => {
      clearTimeout(timer);
      if (done) return channel?.close();
      if (err) return reject(new SshError('remote', `the server could not connect to ${host}:${port}: ${err.message}`));
      resolve(channel);
    });
  });
}

/** The SMTP probe run through the server; `host` and `port` are as the server sees them. */
export function probeFromServer(client: Client, serverName: string, options: ProbeOptions): Promise<ProbeResult> {
  return probe({
    ...options,
    openStream: async () => ({
      stream: await forwardOut(client, options.host, options.port, options.timeoutMs),
      via: `${options.host}:${options.port} from the server ${serverName}`,
    }),
  });
}

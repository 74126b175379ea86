// `mailconf.lsp.smtp.probe`: the SMTP probe for any LSP editor. The client passes the options,
// the password included when it has one (VS Code takes it from SecretStorage). With `askPassword`
// and no password, the server asks the client for it (request `mailconf/smtp/password`) only once
// the session reaches AUTH. Cancelling the request aborts the probe. The answer is the probe
// result, whose transcript is already redacted.
import { PROFILES } from '../smtp/profiles';
import { probe } from '../smtp/probe';
import { verdict } from '../smtp/report';
import type { AuthMechanism, ProbeOptions, ProbeResult, ProfileName, TlsMode } from '../smtp/types';
import type { ServerCommand } from './command';
import { PASSWORD_REQUEST, type PasswordRequest } from '../smtp/passwordRequest';

const TLS_MODES: readonly TlsMode[] = ['auto', 'starttls', 'implicit', 'none'];
const MECHANISMS: readonly AuthMechanism[] = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

/** Checks the untyped JSON argument field by field; throws with a message naming the bad one. */
export function probeOptionsFrom(arg: unknown): ProbeOptions {
  if (typeof arg !== 'object' || arg === null) throw new Error('smtp.probe expects one object argument: {host, port, ...}');
  const a = arg as Record<string, unknown>;
  const str = (k: string): string | undefined => {
    if (a[k] === undefined || a[k] === null) return undefined;
    if (typeof a[k] !== 'string') throw new Error(`smtp.probe: '${k}' must be a string`);
    return a[k] as string;
  };
  const bool = (k: string): boolean | undefined => {
    if (a[k] === undefined || a[k] === null) return undefined;
    if (typeof a[k] !== 'boolean') throw new Error(`smtp.probe: '${k}' must be true or false`);
    return a[k] as boolean;
  };
  const host = str('host');
  if (!host) throw new Error("smtp.probe: 'host' is required");
  const port = a.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error("smtp.probe: 'port' must be a number from 1 to 65535");
  }
  const tls = str('tls');
  if (tls !== undefined && !TLS_MODES.includes(tls as TlsMode)) throw new Error(`smtp.probe: 'tls' must be one of ${TLS_MODES.join(', ')}`);
  const expect = str('expect');
  if (expect !== undefined && !PROFILES.includes(expect as ProfileName)) throw new Error(`smtp.probe: 'expect' must be one of ${PROFILES.join(', ')}`);
  const mech = str('authMechanism');
  if (mech !== undefined && !MECHANISMS.includes(mech as AuthMechanism)) throw new Error(`smtp.probe: 'authMechanism' must be one of ${MECHANISMS.join(', ')}`);
  const timeoutMs = a.timeoutMs;
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= 600_000))) {
    throw new Error("smtp.probe: 'timeoutMs' must be a number of milliseconds up to 600000");
  }
  return {
    host,
    port,
    tls: tls as TlsMode | undefined,
    ehloName: str('ehloName'),
    servername: str('servername'),
    ca: str('ca'),
    insecure: bool('insecure'),
    acceptFingerprint: str('acceptFingerprint'),
    user: str('user'),
    password: str('password'),
    authMechanism: mech as AuthMechanism | undefined,
    allowPlaintextAuth: bool('allowPlaintextAuth'),
    rcpt: str('rcpt'),
    localRcpt: str('localRcpt'),
    expect: expect as ProfileName | undefined,
    timeoutMs: timeoutMs as number | undefined,
  };
}

export const smtpProbeCommand: ServerCommand = {
  id: 'mailconf.lsp.smtp.probe',
  async run(args, ctx): Promise<ProbeResult> {
    const options = probeOptionsFrom(args[0]);
    const { user } = options;
    const { askPassword } = args[0] as { askPassword?: unknown };
    if (askPassword !== undefined && typeof askPassword !== 'boolean') throw new Error("smtp.probe: 'askPassword' must be true or false");
    const ask = askPassword && ctx.request;
    if (ask && user !== undefined && options.password === undefined) {
      const params: PasswordRequest = { host: options.host, port: options.port, user };
      options.passwordWhenNeeded = async () => (await ask<string | null>(PASSWORD_REQUEST, params, ctx.token).catch(() => null)) ?? undefined;
    }
    const controller = new AbortController();
    const subscription = ctx.token.onCancellationRequested(() => controller.abort());
    if (ctx.token.isCancellationRequested) controller.abort();
    try {
      const result = await probe({ ...options, locale: ctx.locale, signal: controller.signal });
      // host, port and verdict only: the options hold the password
      ctx.log(`smtp probe ${options.host}:${options.port}${options.expect ? ` (${options.expect})` : ''}: ${verdict(result)}`);
      return result;
    } finally {
      subscription.dispose();
    }
  },
};

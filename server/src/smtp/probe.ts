// The SMTP probe: walks one port through the stages the lesson checks by hand (connect, banner,
// EHLO, STARTTLS or implicit TLS, the handshake, EHLO again, an unauthenticated relay test, AUTH)
// and stops at the first stage that fails. It never sends DATA, and ends with RSET and QUIT.
// Pure Node net/tls so that the CLI, the language server and the benches all share it.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { EventEmitter } from 'node:events';
import { authCommand, authResponse, chooseMechanism, offeredMechanisms } from './auth';
import { ChannelError, replyText, SmtpChannel, type Reply } from './channel';
import { evaluateProfile, profileNeeds } from './profiles';
import { certificateProblem, peerChain, serverName, sniFor, tlsReport } from './tlsReport';
import type { ProbeOptions, ProbeResult, RecipientReport, StageName } from './types';
import { t, type Locale } from '../l10n';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_EHLO = 'mailconf.invalid';

class StageFailed extends Error {}

/** Whether a port gets TLS from the first byte: `auto` means yes on 465 only. */
export function usesImplicitTls(opts: Pick<ProbeOptions, 'tls' | 'port'>): boolean {
  const mode = opts.tls ?? 'auto';
  return mode === 'implicit' || (mode === 'auto' && opts.port === 465);
}

export async function probe(input: ProbeOptions): Promise<ProbeResult> {
  const opts = { ...input, ...profileNeeds(input) };
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const mode = opts.tls ?? 'auto';
  const implicit = usesImplicitTls(opts);
  const starttls = !implicit && mode !== 'none';
  const name = serverName(opts.host, opts.servername);
  const locale = opts.locale ?? 'en';
  const channel = new SmtpChannel(locale);
  const result: ProbeResult = {
    host: opts.host,
    port: opts.port,
    ok: false,
    stages: [],
    banner: '',
    ehloBefore: [],
    ehloAfter: [],
    tls: null,
    auth: null,
    relay: null,
    expect: null,
    transcript: channel.transcript,
  };
  const sockets: Socket[] = [];
  let encrypted = false;
  let greeted = false;

  const onAbort = () => {
    channel.fail(new ChannelError('cancelled', 'cancelled'));
    for (const s of [...sockets].reverse()) s.destroy();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const stage = async (stageName: StageName, run: () => Promise<string>): Promise<void> => {
    const t0 = performance.now();
    const ms = () => Math.round((performance.now() - t0) * 10) / 10;
    try {
      if (opts.signal?.aborted) throw new ChannelError('cancelled', 'cancelled');
      const detail = await run();
      result.stages.push({ name: stageName, ok: true, ms: ms(), detail });
    } catch (err) {
      const detail = opts.signal?.aborted ? 'cancelled' : (err as Error).message;
      const errno = (err as NodeJS.ErrnoException).code;
      result.stages.push({ name: stageName, ok: false, ms: ms(), detail, ...(typeof errno === 'string' && !opts.signal?.aborted ? { errno } : {}) });
      throw new StageFailed(detail);
    }
  };

  const command = async (line: string, shown?: string): Promise<Reply> => {
    channel.send(line, shown);
    return channel.read(timeout);
  };

  const ehlo = async (): Promise<{ keywords: string[]; detail: string }> => {
    const ehloName = opts.ehloName ?? DEFAULT_EHLO;
    const r = await command(`EHLO ${ehloName}`);
    if (r.code === 250) return { keywords: r.lines.slice(1), detail: r.lines[0] ?? '' };
    if (r.code >= 500 && r.code < 600) {
      const helo = await command(`HELO ${ehloName}`);
      if (helo.code === 250) return { keywords: [], detail: t(locale, 'probe.ehlo-refused-helo-ok', r.code) };
      throw new Error(t(locale, 'probe.ehlo-and-helo-refused', replyText(r), replyText(helo)));
    }
    throw new Error(t(locale, 'probe.ehlo-refused', replyText(r)));
  };

  const handshake = async (socket: Socket): Promise<TLSSocket> => {
    const secure = tlsConnect({
      socket,
      servername: sniFor(name),
      ca: opts.ca,
      rejectUnauthorized: false,
      // The name is checked separately so that a mismatch is reported, not just fatal.
      checkServerIdentity: () => undefined,
    });
    secure.on('error', () => {});
    sockets.push(secure);
    await settle(secure, 'secureConnect', timeout, t(locale, 'probe.the-handshake'), locale);
    encrypted = true;
    result.tls = tlsReport(secure, name);
    opts.onPeerChain?.(peerChain(secure));
    channel.note(`TLS established: ${result.tls.protocol} ${result.tls.cipher}`);
    return secure;
  };

  const tlsStage = (socket: Socket) =>
    stage('tls', async () => {
      const secure = await handshake(socket);
      channel.attach(secure);
      const problem = certificateProblem(result.tls!, opts);
      if (problem) throw new Error(problem);
      const t = result.tls!;
      return `${t.protocol} ${t.cipher}; ${t.subject}${t.trusted ? '' : ' (accepted)'}`;
    });

  try {
    let raw!: Socket;
    await stage('connect', async () => {
      if (opts.openStream) {
        // A forwarded channel is a Duplex, not a Socket; the channel and TLS only need a Duplex.
        const { stream, via } = await opts.openStream();
        raw = stream as Socket;
        raw.on('error', () => {});
        sockets.push(raw);
        return via;
      }
      raw = netConnect({ host: opts.host, port: opts.port });
      raw.on('error', () => {});
      sockets.push(raw);
      await settle(raw, 'connect', timeout, t(locale, 'probe.the-connection'), locale);
      return `${raw.remoteAddress}:${raw.remotePort}`;
    });

    if (implicit) await tlsStage(raw);
    else channel.attach(raw);

    await stage('banner', async () => {
      const r = await channel.read(timeout);
      result.banner = [`${r.code} ${r.lines[0] ?? ''}`.trim(), ...r.lines.slice(1)].join('\n');
      greeted = true;
      if (r.code !== 220) throw new Error(t(locale, 'probe.session-refused', replyText(r)));
      return r.lines[0] ?? '';
    });

    if (!implicit) {
      await stage('ehlo', async () => {
        const { keywords, detail } = await ehlo();
        result.ehloBefore = keywords;
        return detail;
      });
    }

    if (starttls) {
      let plain!: Socket;
      await stage('starttls', async () => {
        if (!result.ehloBefore.some((k) => /^STARTTLS\b/i.test(k))) throw new Error(t(locale, 'probe.no-starttls'));
        const r = await command('STARTTLS');
        if (r.code !== 220) throw new Error(t(locale, 'probe.starttls-refused', replyText(r)));
        plain = channel.detach();
        return replyText(r);
      });
      await tlsStage(plain);
    }

    if (encrypted) {
      await stage('ehlo-tls', async () => {
        const { keywords, detail } = await ehlo();
        result.ehloAfter = keywords;
        return detail;
      });
    }

    const keywords = encrypted ? result.ehloAfter : result.ehloBefore;
    const offered = offeredMechanisms(keywords);
    if (offered.length > 0) result.auth = { mechanisms: offered, tried: null, ok: false, code: null };

    if (opts.rcpt || opts.localRcpt) {
      await stage('relay', async () => {
        const mail = await command('MAIL FROM:<>');
        const rcpt = async (addr: string): Promise<RecipientReport> => {
          if (mail.code !== 250) return { rcpt: addr, code: mail.code, accepted: false };
          const r = await command(`RCPT TO:<${addr}>`);
          return { rcpt: addr, code: r.code, accepted: r.code >= 200 && r.code < 300 };
        };
        const local = opts.localRcpt ? await rcpt(opts.localRcpt) : null;
        const external = opts.rcpt ? await rcpt(opts.rcpt) : null;
        await command('RSET');
        result.relay = { ...(external ?? { rcpt: '', code: null, accepted: false }), local };
        if (external?.accepted) throw new Error(t(locale, 'probe.open-relay', external.rcpt));
        const parts = [external && t(locale, 'probe.relay-refused', external.rcpt, external.code ?? ''), local && `${local.rcpt}: ${local.code}`];
        return parts.filter(Boolean).join('; ');
      });
    }

    const authPossible = offered.length > 0 && (encrypted || opts.allowPlaintextAuth);
    if (opts.user !== undefined && opts.password === undefined && opts.passwordWhenNeeded && authPossible) {
      // The question waits for a person: a cancelled run stops waiting for the answer at once.
      try {
        opts.password = await unlessAborted(opts.passwordWhenNeeded(), opts.signal);
      } catch {
        result.stages.push({ name: 'auth', ok: false, ms: 0, detail: 'cancelled' });
        throw new StageFailed('cancelled');
      }
    }
    if (opts.user !== undefined && opts.password !== undefined) {
      await stage('auth', async () => {
        result.auth = { mechanisms: offered, tried: null, ok: false, code: null };
        if (!encrypted && !opts.allowPlaintextAuth) {
          throw new Error(t(locale, 'probe.no-plaintext-auth'));
        }
        if (offered.length === 0) throw new Error(t(locale, 'probe.no-auth'));
        const mech = chooseMechanism(offered, opts.authMechanism);
        if (!mech) throw new Error(t(locale, 'probe.no-mechanism', offered.join(' ')));
        result.auth.tried = mech;
        let r = await command(authCommand(mech, opts.user!, opts.password!), `AUTH ${mech}${mech === 'PLAIN' ? ' ***' : ''}`);
        for (let step = 0; r.code === 334; step++) {
          const answer = authResponse(mech, r.lines[0] ?? '', step, opts.user!, opts.password!);
          r = await command(answer ?? '*', '***');
        }
        result.auth.code = r.code;
        result.auth.ok = r.code === 235;
        if (!result.auth.ok) throw new Error(t(locale, 'probe.auth-failed', mech, replyText(r)));
        return `${mech}: ${replyText(r)}`;
      });
    }
  } catch (err) {
    if (!(err instanceof StageFailed)) throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (greeted && !channel.failed) await goodbye(channel, Math.min(timeout, 2000));
    // Outermost first: destroying a socket under a live TLS wrapper can crash Node 20 at exit.
    for (const s of [...sockets].reverse()) s.destroy();
  }

  result.expect = opts.expect ? evaluateProfile(opts.expect, result, opts) : null;
  result.ok = result.stages.every((s) => s.ok) && (result.expect?.ok ?? true);
  return result;
}

/** RSET and QUIT, politely and briefly; a server that does not answer is simply left. */
async function goodbye(channel: SmtpChannel, timeoutMs: number): Promise<void> {
  try {
    channel.send('RSET');
    await channel.read(timeoutMs);
    channel.send('QUIT');
    await channel.read(timeoutMs);
  } catch {
    // the session is over either way
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (at once when it already has). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new ChannelError('cancelled', 'cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ChannelError('cancelled', 'cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/** Resolves on `event`; rejects on error, close, timeout. */
function settle(emitter: EventEmitter, event: string, timeoutMs: number, what: string, locale: Locale): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      emitter.off(event, onOk);
      emitter.off('error', onError);
      emitter.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onOk = () => done();
    const onError = (err: NodeJS.ErrnoException) => done(Object.assign(new Error(describeNetError(err, what, locale)), { code: err.code }));
    const onClose = () => done(new Error(t(locale, 'probe.closed-during', what)));
    const timer = setTimeout(() => done(new Error(t(locale, 'probe.too-slow', what, timeoutMs))), timeoutMs);
    emitter.on(event, onOk);
    emitter.on('error', onError);
    emitter.on('close', onClose);
  });
}

function describeNetError(err: NodeJS.ErrnoException, what: string, locale: Locale): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return t(locale, 'probe.refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t(locale, 'probe.unresolved', err.code);
    case 'ECONNRESET':
      return t(locale, 'probe.reset', what);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return t(locale, 'probe.unreachable', err.code);
    default:
      return t(locale, 'probe.failed', what, err.message);
  }
}

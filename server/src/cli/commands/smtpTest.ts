// `mailconf smtp-test`: the SMTP probe from the command line, with an exit status per failing stage
// so that scripts and CI can tell a closed port from a bad certificate or an open relay.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROFILES } from '../../smtp/profiles';
import { probe } from '../../smtp/probe';
import { renderText, toJson } from '../../smtp/report';
import type { AuthMechanism, ProbeOptions, ProbeResult, ProfileName, StageName, TlsMode } from '../../smtp/types';
import { CliError, Command, EXIT_USAGE, usageError, parseCommandArgs } from '../usage';

export const SMTP_EXIT: Record<StageName | 'expect', number> = {
  connect: 3,
  banner: 4,
  ehlo: 5,
  'ehlo-tls': 5,
  starttls: 6,
  tls: 6,
  auth: 7,
  relay: 8,
  expect: 9,
};

export function exitCodeFor(r: ProbeResult): number {
  const failed = r.stages.find((s) => !s.ok);
  if (failed) return SMTP_EXIT[failed.name];
  return r.expect && !r.expect.ok ? SMTP_EXIT.expect : 0;
}

const TLS_MODES: TlsMode[] = ['auto', 'starttls', 'implicit', 'none'];
const MECHANISMS: AuthMechanism[] = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

export const smtpTestCommand: Command = {
  name: 'smtp-test',
  summary: 'test an SMTP port: banner, EHLO, TLS, certificate, AUTH, relay policy',
  help: `Usage: mailconf smtp-test HOST --port N [options]

Connects to HOST:N and walks through the stages a mail client goes through: connect, banner,
EHLO (HELO if refused), STARTTLS or implicit TLS, the TLS handshake and certificate, EHLO again,
an unauthenticated relay test (with --rcpt or a profile that needs it) and AUTH. It stops at the
first failing stage, never sends DATA, and always ends with RSET and QUIT.

Options:
  --port N                 the port (25, 465, 587, ...); required
  --tls MODE               auto (implicit on 465, STARTTLS elsewhere), starttls, implicit or none
  --ehlo NAME              the name to greet with (default mailconf.invalid)
  --servername NAME        SNI and the name the certificate must match (default HOST)
  --ca FILE                trust the CA certificates in FILE instead of the system ones
  --insecure               accept an untrusted, expired or mismatched certificate (still reported)
  --fingerprint SHA256     accept the certificate with this SHA-256 fingerprint
  --user USER              the SASL user name
  --password-env VAR       read the password from the environment variable VAR (never an argument)
  --auth MECH              PLAIN, LOGIN or CRAM-MD5 (default: the first of these the server offers)
  --allow-plaintext-auth   allow AUTH on a connection without TLS (normally refused)
  --rcpt ADDR              external recipient for the relay test (MAIL FROM:<> / RCPT TO, then RSET)
  --local-rcpt ADDR        a recipient the server must accept (default postmaster with --expect mx)
  --expect PROFILE         check the lesson's policy for the port: mx (25), smtps (465), submission (587)
  --timeout S              seconds allowed for the connection and for each reply (default 10)
  --json                   print one JSON object instead of the report
  --transcript             add the redacted SMTP transcript to the output

Exit status:
  0  every stage passed (and every expectation, with --expect)
  2  usage error or unreadable --ca file
  3  connect failed (refused, unreachable, timed out)
  4  no banner, or the server refused the session (421/554 greeting)
  5  EHLO and HELO refused (before or after TLS)
  6  STARTTLS not offered or refused, TLS handshake failed, or the certificate is not acceptable
  7  AUTH not offered, refused, or not attempted over plaintext
  8  relay test: the server accepted a recipient in another domain without authentication
  9  all stages passed but an expectation of --expect is not met`,

  async run(args, io) {
    const parsed = parseCommandArgs('smtp-test', args, {
          port: { type: 'string' },
          tls: { type: 'string', default: 'auto' },
          ehlo: { type: 'string' },
          servername: { type: 'string' },
          ca: { type: 'string' },
          insecure: { type: 'boolean', default: false },
          fingerprint: { type: 'string' },
          user: { type: 'string' },
          'password-env': { type: 'string' },
          password: { type: 'string' },
          auth: { type: 'string' },
          'allow-plaintext-auth': { type: 'boolean', default: false },
          rcpt: { type: 'string' },
          'local-rcpt': { type: 'string' },
          expect: { type: 'string' },
          timeout: { type: 'string', default: '10' },
          json: { type: 'boolean', default: false },
          transcript: { type: 'boolean', default: false },
        });
    const v = parsed.values;
    const bad = (m: string) => usageError(`mailconf smtp-test: ${m}`);
    if (v.password !== undefined) throw bad('passwords are never taken as arguments; use --password-env VAR');
    if (parsed.positionals.length !== 1) throw bad('give exactly one HOST');
    const port = Number(v.port);
    if (!v.port || !Number.isInteger(port) || port < 1 || port > 65535) throw bad('--port must be a number from 1 to 65535');
    if (!TLS_MODES.includes(v.tls as TlsMode)) throw bad(`--tls must be one of ${TLS_MODES.join(', ')}`);
    if (v.expect && !PROFILES.includes(v.expect as ProfileName)) throw bad(`--expect must be one of ${PROFILES.join(', ')}`);
    if (v.auth && !MECHANISMS.includes(v.auth.toUpperCase() as AuthMechanism)) throw bad(`--auth must be one of ${MECHANISMS.join(', ')}`);
    if (v.ca && v.insecure) throw bad('--ca and --insecure exclude each other');
    const timeout = Number(v.timeout);
    if (!(timeout > 0 && timeout <= 600)) throw bad('--timeout must be a number of seconds, at most 600');
    if ((v.user === undefined) !== (v['password-env'] === undefined)) throw bad('--user and --password-env go together');

    let password: string | undefined;
    if (v['password-env'] !== undefined) {
      password = io.env[v['password-env']];
      if (password === undefined) throw bad(`the environment variable ${v['password-env']} is not set`);
    }
    let ca: string | undefined;
    if (v.ca) {
      try {
        ca = readFileSync(resolve(io.cwd, v.ca), 'utf8');
      } catch (err) {
        throw new CliError(`mailconf smtp-test: cannot read '${v.ca}': ${(err as NodeJS.ErrnoException).code ?? err}`, EXIT_USAGE);
      }
    }

    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    const options: ProbeOptions = {
      host: parsed.positionals[0],
      port,
      tls: v.tls as TlsMode,
      ehloName: v.ehlo,
      servername: v.servername,
      ca,
      insecure: v.insecure,
      acceptFingerprint: v.fingerprint,
      user: v.user,
      password,
      authMechanism: v.auth?.toUpperCase() as AuthMechanism | undefined,
      allowPlaintextAuth: v['allow-plaintext-auth'],
      rcpt: v.rcpt,
      localRcpt: v['local-rcpt'],
      expect: v.expect as ProfileName | undefined,
      timeoutMs: Math.round(timeout * 1000),
      signal: controller.signal,
    };
    let result: ProbeResult;
    try {
      result = await probe(options);
    } finally {
      process.off('SIGINT', onSignal);
    }
    if (v.json) io.stdout(JSON.stringify(toJson(result, v.transcript), null, 2) + '\n');
    else io.stdout(renderText(result, { transcript: v.transcript }));
    return exitCodeFor(result);
  },
};

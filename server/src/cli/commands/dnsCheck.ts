// `mailconf dns-check DOMAIN`: the mail domain's DNS as a name server serves it, against the zone
// file being edited and the live SMTP server. A thin adapter: the checks are server/src/dns/check.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runDnsCheck, type PolicyFetch, type SeenPolicy, type SmtpFacts } from '../../dns/check';
import { userCacheDir } from '../../userCacheDir';
import { signerSelectors } from '../../dns/check/dkimSelectors';
import { postfixNames } from '../../dns/check/postfixNames';
import { parseMainCf } from '../../parsers/maincf';
import { hasErrors, renderText, toJson } from '../../dns/check/report';
import { DnsError, parseServer, serverText, transferZone, type DnsServer } from '../../dns/client';
import { cachedAsk, liveSmtpFacts, mtaStsPolicyOf, parseSmtpTarget, systemServer } from '../../dns/session';
import { t } from '../../l10n';
import { parseZone, type ZoneFile } from '../../parsers/zone';
import { CliError, Command, EXIT_USAGE, usageError, parseCommandArgs, localeOf } from '../usage';

export const EXIT_DNS_ERRORS = 1;
export const EXIT_UNREACHABLE = 3;

/** The zone file of `domain` in `dir` under the usual names, when there is one. */
function findZoneFile(dir: string, domain: string): string | undefined {
  const d = domain.replace(/\.$/, '');
  return [`${d}.zone`, `db.${d}`, `${d}.db`].map((n) => join(dir, n)).find((p) => existsSync(p));
}

export const dnsCheckCommand: Command = {
  name: 'dns-check',
  summary: 'check a mail domain as its name server serves it: zone file, MX/PTR chain, SPF/DKIM/DMARC, TLSA',
  help: `Usage: mailconf dns-check DOMAIN [options]

Asks a name server about DOMAIN and reports each check with ✔ or ✖, what was expected and what
was served: the zone file against the server (SOA serial: "reload it"; every record set, both
ways), the mail chain (MX → A/AAAA → PTR → back to the address), aliases (smtp, imap and every
CNAME of the zone file), the mail policies read with the zone lints' checkers (SPF with its DNS
lookup count, DMARC, DKIM, MTA-STS, TLSRPT) and, with --smtp, the live server: its certificate
after STARTTLS against the TLSA records at _25._tcp.<MX host>, and its greeting against its PTR.

Options:
  --server ADDR[:PORT]   the name server to ask (default: the system's first, from resolv.conf)
  --zone FILE            the zone file to compare with (default: DOMAIN.zone, db.DOMAIN or
                         DOMAIN.db in the current folder, when one exists)
  --postfix FILE         a main.cf whose myhostname must resolve and whose mydestination domains
                         must have an MX (default: main.cf in the current folder, when there is one)
  --selector NAME        a DKIM selector to look up (repeatable; default: those of --dkim, else
                         those the zone file has)
  --dkim FILE            the signer's opendkim.conf (Selector) or KeyTable (DOMAIN:SELECTOR:KEY),
                         repeatable (default: opendkim.conf and KeyTable in the current folder)
  --smtp HOST[:PORT]     probe this SMTP server (port 25 by default); 'mx' probes the first MX host
  --ca FILE              CA certificates for the SMTP probe (without it any certificate is read:
                         DANE judges it by the TLSA records, not by a CA)
  --timeout S            seconds allowed for each question and each SMTP reply (default 3)
  --json                 print {domain, server, checks: [{code, ok, severity, message, expected, served}]}

Messages follow LANG (es for Spanish).

Exit status:
  0  no check failed with severity error (warnings are shown with ✖ but do not fail)
  1  a check failed with severity error
  2  usage error, or an unreadable --zone or --ca file
  3  the name server cannot be reached (no answer, refused, or not a DNS server)`,

  async run(args, io) {
    const parsed = parseCommandArgs('dns-check', args, {
          server: { type: 'string' },
          zone: { type: 'string' },
          postfix: { type: 'string' },
          selector: { type: 'string', multiple: true, default: [] as string[] },
          dkim: { type: 'string', multiple: true, default: [] as string[] },
          smtp: { type: 'string' },
          ca: { type: 'string' },
          timeout: { type: 'string', default: '3' },
          json: { type: 'boolean', default: false },
        });
    const v = parsed.values;
    const bad = (m: string) => usageError(`mailconf dns-check: ${m}`);
    if (parsed.positionals.length !== 1) throw bad('give exactly one DOMAIN');
    const domain = parsed.positionals[0].toLowerCase().replace(/\.?$/, '.');
    if (!/^([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+$/.test(domain)) throw bad(`'${parsed.positionals[0]}' is not a domain name`);
    const timeout = Number(v.timeout);
    if (!(timeout > 0 && timeout <= 60)) throw bad('--timeout must be a number of seconds, at most 60');
    const timeoutMs = Math.round(timeout * 1000);
    for (const s of v.selector ?? []) if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(s)) throw bad(`'${s}' is not a DKIM selector`);
    let server: DnsServer | undefined;
    if (v.server !== undefined) {
      server = parseServer(v.server);
      if (!server) throw bad(`--server '${v.server}' is not ADDR[:PORT]`);
    } else server = systemServer();
    const locale = localeOf(io.env);
    if (!server) {
      io.stderr(t(locale, 'dns.unreachable', 'no name server in /etc/resolv.conf; give --server') + '\n');
      return EXIT_UNREACHABLE;
    }
    const smtp = v.smtp === undefined ? undefined : parseSmtpTarget(v.smtp);
    if (v.smtp !== undefined && !smtp) throw bad(`--smtp '${v.smtp}' is not HOST[:PORT] or mx`);
    const readArg = (path: string) => {
      try {
        return readFileSync(resolve(io.cwd, path), 'utf8');
      } catch (err) {
        throw new CliError(`mailconf dns-check: cannot read '${path}': ${(err as NodeJS.ErrnoException).code ?? err}`, EXIT_USAGE);
      }
    };
    const zonePath = v.zone ?? findZoneFile(io.cwd, domain);
    let zone: ZoneFile | undefined;
    if (zonePath) {
      // $INCLUDE paths are read relative to the including file, as the editor reads them.
      const include = (path: string, from: string) => {
        try {
          const target = new URL(path, from);
          return { uri: target.href, text: readFileSync(fileURLToPath(target), 'utf8') };
        } catch {
          return undefined;
        }
      };
      zone = parseZone(readArg(zonePath), { uri: pathToFileURL(resolve(io.cwd, zonePath)).href, origin: domain, include });
    }
    const ca = v.ca !== undefined ? readArg(v.ca) : undefined;
    const dkimFiles = v.dkim?.length ? v.dkim : ['opendkim.conf', 'KeyTable'].filter((f) => existsSync(join(io.cwd, f)));
    const selectors = [...new Set([...(v.selector ?? []), ...dkimFiles.flatMap((f) => signerSelectors(readArg(f), domain))])];
    const mainPath = v.postfix ?? (existsSync(join(io.cwd, 'main.cf')) ? 'main.cf' : undefined);
    const postfix = mainPath ? postfixNames(parseMainCf(readArg(mainPath))) : undefined;

    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    const shown = serverText(server);
    const ask = cachedAsk(server, timeoutMs, controller.signal);
    try {
      let facts: SmtpFacts | undefined;
      try {
        // Reachability first: a server that does not answer ends the run with exit status 3.
        await ask(domain, 'SOA');
        let mtaSts: (PolicyFetch & { id: string }) | undefined;
        const seenFile = seenPolicyFile(io.env, domain);
        if (smtp) {
          facts = await liveSmtpFacts(smtp, domain, ask, ca, timeoutMs, controller.signal);
          mtaSts = await mtaStsPolicyOf(domain, ask, ca, timeoutMs, controller.signal);
        }
        const mtaStsSeen = mtaSts && readSeenPolicy(seenFile);
        // A transfer is a whole zone: it gets a few question times.
        const transfer = () => transferZone(domain, { server: server!, timeoutMs: 3 * timeoutMs, signal: controller.signal });
        const report = await runDnsCheck({ domain, server: shown, ask, transfer, locale, zone, selectors, smtp: facts, mtaSts, mtaStsSeen, postfix });
        if (mtaSts) writeSeenPolicy(seenFile, mtaSts);
        io.stdout(v.json ? JSON.stringify(toJson(report), null, 2) + '\n' : renderText(report, locale));
        return hasErrors(report) ? EXIT_DNS_ERRORS : 0;
      } catch (err) {
        if (err instanceof DnsError) {
          io.stderr(t(locale, 'dns.unreachable', err.message) + '\n');
          return EXIT_UNREACHABLE;
        }
        throw err;
      }
    } finally {
      process.off('SIGINT', onSignal);
    }
  },
};

/** Where the CLI keeps the MTA-STS policy and id it saw last, per domain (beside its code cache). */
function seenPolicyFile(env: NodeJS.ProcessEnv, domain: string): string | undefined {
  const dir = userCacheDir(env);
  return dir && join(dir, 'mta-sts', `${domain.replace(/\.$/, '')}.json`);
}

function readSeenPolicy(file: string | undefined): SeenPolicy | undefined {
  try {
    const v = file && (JSON.parse(readFileSync(file, 'utf8')) as SeenPolicy);
    return v && typeof v.id === 'string' && typeof v.text === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only means the next run cannot compare. */
function writeSeenPolicy(file: string | undefined, policy: PolicyFetch & { id: string }): void {
  if (!file || 'error' in policy) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ id: policy.id, text: policy.text }));
  } catch {
    // nothing to do
  }
}

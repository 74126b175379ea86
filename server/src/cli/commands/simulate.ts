// `mailconf simulate`: what Postfix's smtpd would answer one client, from the configuration
// files alone. A thin adapter over the session simulator (server/src/postfix/simulator).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simulate, SimulationInputError, SimulationResult } from '../../postfix/simulator';
import { simulationJson } from '../../postfix/simulator/resultJson';
import { msmtpScenariosExpecting } from '../../postfix/simulator/msmtpScenarios';
import { checkScenario, parseScenarios, Scenario, ScenarioFileError } from '../../postfix/simulator/scenarios';
import { transcript } from '../../postfix/simulator/transcript';
import { parseTargetSetting, resolveTarget, targetChoices } from '../../postfix/targetSetting';
import { CliError, CliIO, Command, EXIT_USAGE, localeOf } from '../usage';
import { DnsAnswers, dnsAnswersProblems } from '../../postfix/simulator/dnsAnswers';

const HELP = `Usage: mailconf simulate [-c DIR] [--postfix-version X.Y] (--service NAME | --port N) --client ADDR[,HOSTNAME]
                         [--helo NAME] [--sasl USER] [--tls] --from ADDR --to ADDR [--to ADDR ...]
                         [--dns FILE] [--json]
       mailconf simulate [-c DIR] --scenarios FILE [--json]
       mailconf simulate [-c DIR] --msmtprc FILE --client ADDR[,HOSTNAME] --to ADDR [--to ADDR ...]

Tells what Postfix's smtpd answers this client, stage by stage, without sending any mail: the
restrictions each command runs, their results, the one that decides (with its file and line) and
the reply line smtpd sends, then where each accepted recipient goes.

  -c DIR           read DIR/main.cf and DIR/master.cf (default: $MAIL_CONFIG or /etc/postfix);
                   tables named under /etc/postfix are read from DIR
  --postfix-version X.Y
                   the Postfix release the configuration runs on: 3.4 to 3.11, or auto (the
                   default: the postconf installed here, else the newest release); before 3.6
                   smtpd runs smtpd_recipient_restrictions before smtpd_relay_restrictions
  --service NAME   the master.cf smtpd service (smtp, submission, ...)
  --port N         or the one listening on this port
  --client A[,H]   the client's address and its verified host name (none: "unknown")
  --helo NAME      the EHLO name (omit for a client that sends none)
  --sasl USER      log in as USER (when the service offers AUTH)
  --tls            the session is encrypted (STARTTLS or port 465)
  --from ADDR      the envelope sender ('' for the null sender)
  --to ADDR        a recipient; repeat for more
  --dns FILE       what DNS answers, as JSON: {"listed": [{"list": "zen.spamhaus.org", "key":
                   "192.0.2.1", "reason": "TXT text", "address": "127.0.0.2"}], "missing":
                   ["name.without.records"]} (address, the list's answer, defaults to 127.0.0.2).
                   The DNS lists and name lookups then decide; any other key is not listed,
                   any other name exists. Without it they are "depends on DNS".
  --json           the result as JSON
  --scenarios FILE check the sessions of a scenario file (JSON: {"scenarios": [{name, service|port,
                   client, helo?, sasl?, tls?, from, to: [...], expect: {recipient: outcome}}]},
                   outcome "accepted", "rejected", "deferred" or the start of the RCPT reply)
  --msmtprc FILE   write a scenario file with one session per msmtp account (port, TLS, login,
                   sender, EHLO name as msmtp uses them), expecting what the configuration does now

Exit status: 0 every recipient accepted, 1 one is rejected or deferred (or smtpd would not start),
2 usage error, 4 the outcome depends on DNS or another outside service. With --scenarios:
0 every expectation holds, 1 one is broken, 2 usage error or unreadable file.
Messages follow LANG (es for Spanish).`;

export const EXIT_DEPENDS_ON_DNS = 4;

function usage(message: string): CliError {
  return new CliError(`mailconf simulate: ${message}\nRun 'mailconf simulate --help' for usage.`, EXIT_USAGE);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

interface Options {
  dir?: string;
  service?: string;
  port?: number;
  client?: string;
  helo?: string;
  sasl?: string;
  tls: boolean;
  from?: string;
  to: string[];
  json: boolean;
  scenarios?: string;
  msmtprc?: string;
  dns?: string;
  postfixVersion?: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { tls: false, to: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw usage(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '-c':
        o.dir = value();
        break;
      case '--service':
        o.service = value();
        break;
      case '--port': {
        const v = value();
        if (!/^[0-9]{1,5}$/.test(v) || Number(v) > 65535) throw usage(`--port needs a port number, not '${v}'`);
        o.port = Number(v);
        break;
      }
      case '--client':
        o.client = value();
        break;
      case '--helo':
        o.helo = value();
        break;
      case '--sasl':
        o.sasl = value();
        break;
      case '--tls':
        o.tls = true;
        break;
      case '--from':
        o.from = value();
        break;
      case '--to':
        o.to.push(value());
        break;
      case '--json':
        o.json = true;
        break;
      case '--scenarios':
        o.scenarios = value();
        break;
      case '--msmtprc':
        o.msmtprc = value();
        break;
      case '--dns':
        o.dns = value();
        break;
      case '--postfix-version':
        o.postfixVersion = value();
        break;
      default:
        throw usage(`unknown argument '${a}'`);
    }
  }
  if (o.scenarios !== undefined) {
    if (o.service !== undefined || o.port !== undefined || o.client !== undefined || o.from !== undefined || o.to.length > 0) throw usage('--scenarios takes its sessions from the file: give only -c, --postfix-version and --json with it');
    return o;
  }
  if (o.msmtprc !== undefined) {
    if (o.client === undefined || o.to.length === 0) throw usage('--msmtprc needs --client ADDR[,HOSTNAME] and at least one --to ADDR');
    return o;
  }
  if ((o.service === undefined) === (o.port === undefined)) throw usage('give either --service NAME or --port N');
  if (o.client === undefined) throw usage('--client ADDR[,HOSTNAME] is required');
  if (o.from === undefined) throw usage('--from ADDR is required');
  if (o.to.length === 0) throw usage('give at least one --to ADDR');
  return o;
}

function readDnsAnswers(file: string): DnsAnswers {
  const text = readIfExists(file);
  if (text === undefined) throw usage(`cannot read ${file}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw usage(`${file}: not JSON: ${(err as Error).message}`);
  }
  const problems = dnsAnswersProblems(value);
  if (problems.length > 0) throw usage(`${file}: ${problems.join('; ')}`);
  return value as DnsAnswers;
}

/** The CLI's exit status for a result. */
export function exitStatus(r: SimulationResult): number {
  if (r.fatal) return 1;
  if (r.dependsOnDns) return EXIT_DEPENDS_ON_DNS;
  return r.recipients.every((x) => x.accepted) ? 0 : 1;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'what smtpd answers a client: restrictions, deciding line, reply (--service/--port, --client, --from, --to)',
  help: HELP,

  async run(args, io) {
    const o = parseArgs(args);
    const release = parseTargetSetting(o.postfixVersion ?? 'auto');
    if (release === undefined) throw usage(`--postfix-version must be one of ${targetChoices()}`);
    const dir = resolve(io.cwd, o.dir ?? (io.env.MAIL_CONFIG || '/etc/postfix'));
    const mainCf = readIfExists(`${dir}/main.cf`);
    if (mainCf === undefined) throw usage(`cannot read ${dir}/main.cf`);
    // Tables are named by their installed path; with -c they are read from DIR.
    const readFile = (path: string) => (path.startsWith('/etc/postfix/') && o.dir !== undefined ? readIfExists(`${dir}/${path.slice('/etc/postfix/'.length)}`) : undefined) ?? readIfExists(path);
    const config = { mainCf, masterCf: readIfExists(`${dir}/master.cf`), mainCfPath: `${dir}/main.cf`, masterCfPath: `${dir}/master.cf`, readFile, postfixVersion: resolveTarget(release) };
    if (o.scenarios !== undefined) return runScenarios(resolve(io.cwd, o.scenarios), config, o.json, io);
    if (o.msmtprc !== undefined) return writeMsmtpScenarios(resolve(io.cwd, o.msmtprc), o, config, io);
    const [address, hostname] = o.client!.split(',', 2);
    let result: SimulationResult;
    try {
      result = simulate({
        ...config,
        service: o.service,
        port: o.port,
        client: { address, hostname: hostname || undefined },
        helo: o.helo,
        sasl: o.sasl,
        tls: o.tls,
        sender: o.from!,
        recipients: o.to,
        ...(o.dns !== undefined ? { dns: readDnsAnswers(resolve(io.cwd, o.dns)) } : {}),
        locale: localeOf(io.env),
      });
    } catch (err) {
      if (err instanceof SimulationInputError) throw usage(err.message);
      throw err;
    }
    io.stdout(o.json ? JSON.stringify(simulationJson(result), null, 2) + '\n' : transcript(result, localeOf(io.env)));
    return exitStatus(result);
  },
};

function runScenarios(file: string, config: Parameters<typeof checkScenario>[1], json: boolean, io: CliIO): number {
  const text = readIfExists(file);
  if (text === undefined) throw usage(`cannot read ${file}`);
  let scenarios: Scenario[];
  try {
    scenarios = parseScenarios(text);
  } catch (err) {
    if (err instanceof ScenarioFileError) throw usage(`${file}: ${err.message}`);
    throw err;
  }
  const outcomes = scenarios.map((s) => checkScenario(s, config));
  if (json) {
    io.stdout(JSON.stringify(outcomes.map((x) => ({ name: x.scenario.name, passed: x.failures.length === 0, failures: x.failures, result: x.result ? simulationJson(x.result) : null })), null, 2) + '\n');
  } else {
    const locale = localeOf(io.env);
    for (const x of outcomes) {
      io.stdout(`${x.failures.length === 0 ? 'ok  ' : 'FAIL'} ${x.scenario.name}\n`);
      for (const f of x.failures) io.stdout(`     ${f}\n`);
      if (x.failures.length > 0 && x.result) io.stdout(transcript(x.result, locale).replace(/^/gm, '     ') + '\n');
    }
  }
  return outcomes.some((x) => x.failures.length > 0) ? 1 : 0;
}

/** Scenarios from msmtp accounts, each expecting what the configuration answers today. */
function writeMsmtpScenarios(file: string, o: Options, config: Parameters<typeof checkScenario>[1], io: CliIO): number {
  const text = readIfExists(file);
  if (text === undefined) throw usage(`cannot read ${file}`);
  const scenarios = msmtpScenariosExpecting(text, o.client!, o.to, config);
  io.stdout(JSON.stringify({ scenarios }, null, 2) + '\n');
  return 0;
}

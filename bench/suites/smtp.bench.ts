// The lesson's "one click": ports 25, 465 and 587 of the real lab checked in parallel, with TLS
// and AUTH (25 has no AUTH: its TLS and relay test instead), against a budget of 1 s in total.
// For scale, swaks does the same three conversations one after the other in the same run.
import { spawnSync } from 'node:child_process';
import { probe } from '../../server/src/smtp/probe';
import type { ProbeOptions } from '../../server/src/smtp/types';
import { startSmtpLab } from '../../test/support/lab/smtpLab';
import { summarize, timeIt, type Figure } from '../measure';

const SUITE = 'smtp';

export async function run(): Promise<Figure[]> {
  if (spawnSync('sh', ['-c', 'command -v postfix && command -v dovecot && command -v swaks'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('[bench] smtp: skipped, postfix, dovecot or swaks is missing\n');
    return [];
  }
  const lab = await startSmtpLab();
  try {
    const common = { host: lab.host, servername: lab.servername, ca: lab.ca, timeoutMs: 5000 };
    const creds = { user: lab.user, password: lab.password };
    const ports: ProbeOptions[] = [
      { ...common, port: lab.ports.smtp, tls: 'starttls', expect: 'mx' },
      { ...common, port: lab.ports.smtps, tls: 'implicit', expect: 'smtps', ...creds },
      { ...common, port: lab.ports.submission, tls: 'starttls', expect: 'submission', ...creds },
    ];
    const parallel = await timeIt(async () => {
      const results = await Promise.all(ports.map((p) => probe(p)));
      const bad = results.find((r) => !r.ok);
      if (bad) throw new Error(`lab port ${bad.port} failed its profile: ${JSON.stringify(bad.stages.at(-1))}`);
    }, 10, 2);

    const swaks = (args: string[]) => ['--server', lab.host, '--helo', 'mailconf.invalid', '--tls-verify', '--tls-ca-path', lab.paths.tls + '/good.pem', '--tls-sni', lab.servername, ...args];
    const auth = ['--auth', 'PLAIN', '--auth-user', lab.user, '--auth-password', lab.password, '--quit-after', 'AUTH'];
    const runs = [
      swaks(['--port', String(lab.ports.smtp), '--tls', '--from', '', '--to', 'relay-test@example.net', '--quit-after', 'RCPT']),
      swaks(['--port', String(lab.ports.smtps), '--tlsc', ...auth]),
      swaks(['--port', String(lab.ports.submission), '--tls', ...auth]),
    ];
    const sequential: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      for (const args of runs) {
        const r = spawnSync('swaks', args, { encoding: 'utf8' });
        // swaks exits non-zero when a RCPT is refused, which is what port 25 must do here
        if (r.status !== 0 && !/554 5\.7\.1 .*Relay access denied/.test(r.stdout)) throw new Error(`swaks ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
      }
      sequential.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const ours = summarize(parallel);
    const theirs = summarize(sequential);
    return [
      {
        suite: SUITE,
        name: 'lab 25+465+587 in parallel, TLS + AUTH + relay test',
        unit: 'ms',
        median: ours.median,
        spread: ours.spread,
        anchor: { name: 'swaks ×3 one after the other', median: theirs.median },
        budget: { max: 1000, text: '1 s' },
      },
      { suite: SUITE, name: 'swaks ×3 one after the other', unit: 'ms', median: theirs.median, spread: theirs.spread },
    ];
  } finally {
    lab.stop();
  }
}

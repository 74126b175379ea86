// A full dns-check of the lab domain (zone file compared, mail chain, aliases, policies) against a
// real named on loopback, against a budget of 200 ms. Beside it, for scale: the same questions
// asked with dig, one process each, as a person checking by hand would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseZone } from '../../server/src/parsers/zone';
import { runDnsCheck } from '../../server/src/dns/check';
import { cachedAsk } from '../../server/src/dns/session';
import type { Ask } from '../../server/src/dns/check/types';
import { GOOD_LAB, GOOD_ZONE } from '../../test/support/dnsLabZones';
import { startNamed } from '../../test/support/named';
import { summarize, timeIt, timeProcess, type Figure } from '../measure';

const CLI = resolve(__dirname, '../../dist/cli.js');

const SUITE = 'dns';

export async function run(): Promise<Figure[]> {
  if (spawnSync('sh', ['-c', 'command -v /usr/sbin/named'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('[bench] dns: skipped, named is missing (apt-get install bind9)\n');
    return [];
  }
  const named = await startNamed(GOOD_LAB);
  try {
    const server = { host: named.host, port: named.port };
    const zone = parseZone(GOOD_ZONE, { origin: 'mail1.org.' });
    const questions = new Set<string>();
    const check = async () => {
      // A fresh cache each time: every question goes to named, as in one CLI run.
      const inner = cachedAsk(server, 2000);
      const ask: Ask = (name, type) => {
        questions.add(`${name} ${type}`);
        return inner(name, type);
      };
      const report = await runDnsCheck({ domain: 'mail1.org', server: 'named', ask, locale: 'en', zone });
      const failed = report.checks.filter((c) => !c.ok);
      if (failed.length) throw new Error(`the lab domain must pass: ${JSON.stringify(failed)}`);
    };
    const ours = summarize(await timeIt(check, 20, 3));
    const figure: Figure = {
      suite: SUITE,
      name: `dns-check mail1.org, ${questions.size} questions`,
      unit: 'ms',
      median: ours.median,
      spread: ours.spread,
      budget: { max: 200, text: '200 ms' },
    };
    if (spawnSync('sh', ['-c', 'command -v dig'], { stdio: 'ignore' }).status === 0) {
      const digs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        for (const q of questions) {
          const [name, type] = q.split(' ');
          spawnSync('dig', ['+norecurse', '+time=2', '+tries=1', '-p', String(named.port), '@127.0.0.1', name, type], { stdio: 'ignore' });
        }
        digs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      figure.anchor = { name: `dig ×${questions.size}, one process each`, median: summarize(digs).median };
    } else process.stderr.write('[bench] dns: no dig for the anchor (apt-get install bind9-dnsutils)\n');
    const figures = [figure];
    // The whole command as a user runs it, Node's start-up included.
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-dnsbench-'));
    try {
      writeFileSync(join(dir, 'mail1.org.zone'), GOOD_ZONE);
      const args = [CLI, 'dns-check', 'mail1.org', '--server', `127.0.0.1:${named.port}`, '--zone', join(dir, 'mail1.org.zone')];
      if (spawnSync(process.execPath, args).status !== 0) throw new Error('dns-check of the lab domain must exit 0');
      const cli = summarize(timeProcess(process.execPath, args, 10));
      figures.push({ suite: SUITE, name: 'mailconf dns-check mail1.org (process)', unit: 'ms', median: cli.median, spread: cli.spread, budget: { max: 200, text: '200 ms' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  } finally {
    await named.stop();
  }
}

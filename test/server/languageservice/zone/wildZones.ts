// The real-world zones of ../shared/wild/zones (BIND 9, NSD, ldns, dnspython and dnscontrol test
// suites, public roots), read in place and never copied: each zone's verdict and error lines as
// `unshare -n named-checkzone -i local ORIGIN FILE` gives them and as `mailconf check --origin
// ORIGIN FILE` gives them, both run from the zone's own folder (some zones $INCLUDE neighbours).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkCommand } from '../../../../server/src/cli/commands/check';
import { BIND_REJECTS } from '../../../../server/src/languageservice/zone/findings';

export const WILD_ZONES = resolve(__dirname, '../../../../../shared/wild/zones');

export interface WildZone {
  /** Path under WILD_ZONES, as manifest.tsv lists it. */
  path: string;
  origin: string;
}

/** The zones manifest.tsv lists (none when the folder is absent). */
export function wildZones(): WildZone[] {
  const manifest = join(WILD_ZONES, 'manifest.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [path, origin] = l.split('\t');
      return { path, origin };
    });
}

export interface Verdict {
  ok: boolean;
  /** `file:line` of each error, in output order (for BIND: the lines its error messages name). */
  lines: string[];
  output: string;
}

// BIND's output lines that are not the reason for a refusal: warnings and load notes. A
// check-names complaint is one only when the load fails for it (NSEC3 owners that are no hash).
const NOT_AN_ERROR = /warning:|ignoring out-of-zone|using SOA MINTTL|using RFC1035 TTL|inherited owner|old style DNSSEC|signature has expired|does not end with newline|loaded serial/;

/** named-checkzone's verdict, with the `file:line` its errors name (paths relative to the zone's folder). */
export function bindVerdict(z: WildZone, root = WILD_ZONES): Verdict {
  const file = join(root, z.path);
  const r = spawnSync('unshare', ['-n', 'named-checkzone', '-i', 'local', z.origin, file.split('/').pop()!], { cwd: dirname(file), encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const lines: string[] = [];
  const namesFail = /failed: bad owner name \(check-names\)/.test(output);
  for (const line of output.split('\n')) {
    if (NOT_AN_ERROR.test(line) || (!namesFail && /check-names/.test(line))) continue;
    // "dns_rdata_fromtext: a.db:12: near ...", "a.db:7: unknown RR type ...", "zone x/IN: a.db:3: ..."
    const m = /(?:^|\s)([^\s:]+):(\d+): /.exec(line);
    // (A record $GENERATE made is named as an in-memory buffer first: not a file line.)
    if (m && !m[1].startsWith('buffer-')) lines.push(`${m[1].split('/').pop()}:${m[2]}`);
  }
  return { ok: r.status === 0 && /^OK$/m.test(output), lines, output };
}

/**
 * `mailconf check` in this process, from the zone's folder. Its verdict is BIND's kind of error:
 * the errors BIND refuses a zone for (BIND_REJECTS). The one error we add on a zone BIND loads, a
 * CNAME loop (the names never resolve; see the README), is counted apart in `extra`. Errors are
 * placed like BIND's (`file:line`).
 */
export async function ourVerdict(z: WildZone, root = WILD_ZONES): Promise<Verdict & { extra: string[] }> {
  const file = join(root, z.path);
  const name = file.split('/').pop()!;
  let output = '';
  await checkCommand.run(['--language', 'dns-zone', '--origin', z.origin, name], {
    cwd: dirname(file),
    env: {},
    stdout: (s: string) => void (output += s),
    stderr: (s: string) => void (output += s),
  } as never);
  const lines: string[] = [];
  const extra: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^([^:]+):(\d+):\d+: error: (?:In (\S+), line (\d+): )?.*\[([\w-]+)\]$/.exec(line);
    if (!m) continue;
    if (!BIND_REJECTS.has(m[5])) {
      extra.push(line);
      continue;
    }
    lines.push(m[3] ? `${m[3]}:${m[4]}` : `${m[1]}:${m[2]}`);
    // BIND names an $INCLUDE it cannot read (a directory, say) as line 1 of that path; ours is the $INCLUDE line.
    const include = /Cannot read the included file '([^']+)' \[include-not-found\]$/.exec(line);
    if (include) lines.push(`${include[1].split('/').pop()}:1`);
  }
  return { ok: lines.length === 0, lines, output, extra };
}

export interface Comparison {
  zone: WildZone;
  bind: Verdict;
  ours: Verdict & { extra: string[] };
  agree: boolean;
  /** Both reject and BIND names a line: whether one of our errors is on it (undefined otherwise). */
  lineAgrees?: boolean;
}

/** Both verdicts on zone `z` (a path under `root`, by default the wild zones). */
export async function compare(z: WildZone, root = WILD_ZONES): Promise<Comparison> {
  const bind = bindVerdict(z, root);
  const ours = await ourVerdict(z, root);
  const agree = bind.ok === ours.ok;
  const lineAgrees = !bind.ok && !ours.ok && bind.lines.length > 0 ? ours.lines.includes(bind.lines[0]) : undefined;
  return { zone: z, bind, ours, agree, lineAgrees };
}

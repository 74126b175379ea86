#!/usr/bin/env node
// `npm run gen:postfix`: reads the Postfix installed on this machine and rewrites the JSON files
// beside this script. Only facts are taken (names, defaults, version numbers, type names); no
// sentence of the manual is stored (its one "Postix" spelling slip is tolerated). See README.md here.
//
// Why each step is done the way it is:
// - `postconf -d` runs in fresh user, UTS and network namespaces with a fixed host name, so the
//   host-dependent defaults come out the same on every machine; a second run with another host
//   name and an extra address tells which parameters depend on the host at all.
// - `-c` points at an empty directory whose main.cf only moves meta_directory there: without a
//   master.cf, postconf prints only the built-in parameters, and without dynamicmaps.cf,
//   `postconf -m` prints only the map types compiled into Postfix (plugins vary per machine).
// - The per-service parameters (`<service>_*`) are learned by giving postconf a master.cf with one
//   service per daemon and seeing which names each daemon brings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
/** `--out DIR` writes elsewhere (the freshness test compares such a run with the committed files). */
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : HERE;
const MAN_PAGE = '/usr/share/man/man5/postconf.5.gz';
/** The host the stable dump pretends to be. */
const STABLE_HOST = 'host.example.org';
/** Daemons probed for per-service parameters (every command in a stock master.cf, and more). */
const PROBED_DAEMONS = [
  'smtpd', 'smtp', 'lmtp', 'local', 'virtual', 'pipe', 'error', 'discard', 'spawn', 'qmgr', 'oqmgr',
  'pickup', 'cleanup', 'trivial-rewrite', 'bounce', 'flush', 'proxymap', 'verify', 'showq', 'anvil',
  'scache', 'tlsmgr', 'postlogd', 'postscreen', 'dnsblog', 'tlsproxy',
];

function fail(message) {
  process.stderr.write(`gen:postfix: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, ...options });
  if (r.error) fail(`cannot run ${command}: ${r.error.message}`);
  if (r.status !== 0) fail(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** Parses `name = value` lines exactly as postconf prints them (value kept byte for byte). */
export function parsePostconfLines(text) {
  const out = new Map();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const i = line.indexOf(' = ');
    if (i > 0) out.set(line.slice(0, i), line.slice(i + 3));
    else if (line.endsWith(' =')) out.set(line.slice(0, -2), '');
    else fail(`unexpected postconf line: ${line}`);
  }
  return out;
}

function isolatedDefaults(configDir, hostname, extraAddress) {
  const steps = [`hostname ${hostname}`, 'ip link set lo up'];
  if (extraAddress) steps.push(`ip addr add ${extraAddress} dev lo`);
  steps.push(`exec postconf -d -c ${configDir} 2>/dev/null`);
  // -r maps us to root inside a new user namespace, so this also works for a normal user.
  return parsePostconfLines(run('unshare', ['-run', 'sh', '-c', steps.join('; ')]));
}

/** "This feature is available in Postfix 2.6 and later." and its variants, per section. */
function introducedIn(sectionText) {
  const text = sectionText.replace(/\\-/g, '-').replace(/\s+/g, ' ');
  const re = /(?:feature|parameter|setting|support) (?:is|was) (?:available|introduced) (?:in|with) Postf?ix (?:version )?(?:>= ?)?(\d+\.\d+(?:\.\d+)?(?:, \d+\.\d+(?:\.\d+)?)*)/g;
  let best;
  for (const m of text.matchAll(re)) {
    const versions = m[1].split(', ');
    // The earliest mention is when the parameter itself appeared; later ones describe additions.
    if (!best || compareVersions(versions[0], best[0]) < 0) best = versions;
  }
  return best;
}

export function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Facts per documented parameter: first version, default time unit. */
function manPageFacts() {
  let text;
  try {
    text = gunzipSync(readFileSync(MAN_PAGE)).toString('utf8');
  } catch (err) {
    fail(`cannot read ${MAN_PAGE}: ${err.message}`);
  }
  const facts = new Map();
  const sections = text.split(/^\.SH /m).slice(1);
  for (const section of sections) {
    const name = /^([A-Za-z0-9_]+) \(default/.exec(section)?.[1];
    if (!name) continue;
    const entry = {};
    const versions = introducedIn(section);
    if (versions) {
      entry.since = versions[0];
      if (versions.length > 1) entry.sinceBackports = versions.slice(1);
    }
    const unit = /default time unit is ([smhdw])\b/.exec(section.replace(/\s+/g, ' '))?.[1];
    if (unit) entry.timeUnit = unit;
    facts.set(name, entry);
  }
  return facts;
}

/** Which `<service>_<suffix>` parameters each daemon command brings, with their defaults. */
function perServiceParameters(configDir, builtins) {
  const master = PROBED_DAEMONS.map((d) => `probe${PROBED_DAEMONS.indexOf(d)} unix - - n - - ${d}`).join('\n');
  writeFileSync(join(configDir, 'master.cf'), `${master}\n`);
  try {
    const all = parsePostconfLines(run('postconf', ['-d', '-c', configDir]));
    const byDaemon = {};
    for (const [name, value] of all) {
      if (builtins.has(name)) continue;
      const m = /^probe(\d+)_(.+)$/.exec(name);
      if (!m) fail(`unexpected non-built-in parameter ${name}`);
      const daemon = PROBED_DAEMONS[Number(m[1])];
      (byDaemon[daemon] ??= {})[m[2]] = value;
    }
    return byDaemon;
  } finally {
    rmSync(join(configDir, 'master.cf'), { force: true });
  }
}

function lines(text) {
  return text.split('\n').filter((l) => l !== '');
}

/** One JSON value per line keeps the diffs of a regeneration readable. */
function writeJson(file, header, entriesKey, entries) {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const body = Object.entries(entries)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  writeFileSync(join(OUT, file), `${head},\n  ${JSON.stringify(entriesKey)}: {\n${body}\n  }\n}\n`);
}

function main() {
  if (spawnSync('sh', ['-c', 'command -v postconf']).status !== 0) fail('postconf is not installed (apt-get install postfix)');
  const configDir = mkdtempSync(join(tmpdir(), 'gen-postfix-'));
  try {
    writeFileSync(join(configDir, 'main.cf'), `meta_directory = ${configDir}\n`);
    const stable = isolatedDefaults(configDir, STABLE_HOST);
    const other = isolatedDefaults(configDir, 'other.example.net', '192.0.2.7/24');
    const hostDependent = [...stable.keys()].filter((k) => stable.get(k) !== other.get(k)).sort();
    const version = stable.get('mail_version');
    const facts = manPageFacts();

    const parameters = {};
    for (const name of [...stable.keys()].sort()) {
      const entry = { default: name === 'process_id' ? '' : stable.get(name) };
      Object.assign(entry, facts.get(name) ?? {});
      if (hostDependent.includes(name)) entry.hostDependent = true;
      parameters[name] = entry;
    }
    writeJson(
      'parameters.json',
      {
        postfix: version,
        about: 'Built-in Postfix parameters: default as printed by postconf -d on host.example.org (process_id left empty), first version and default time unit from postconf(5). Generated by generate.mjs; do not edit.',
        stableHost: STABLE_HOST,
        hostDependent,
        documentedNotBuiltin: [...facts.keys()].filter((k) => !stable.has(k)).sort(),
      },
      'parameters',
      parameters,
    );

    const capabilities = {
      postfix: version,
      about: 'Lookup table types compiled into Postfix (postconf -m without plugins), SASL server (postconf -a) and client (postconf -A) types, and the <service>_<suffix> parameters each master.cf daemon brings, with their defaults. Generated by generate.mjs; do not edit.',
      mapTypes: lines(run('postconf', ['-m', '-c', configDir])),
      saslServerTypes: lines(run('postconf', ['-a', '-c', configDir])),
      saslClientTypes: lines(run('postconf', ['-A', '-c', configDir])),
      serviceParameters: perServiceParameters(configDir, stable),
    };
    writeFileSync(join(OUT, 'capabilities.json'), `${JSON.stringify(capabilities, null, 2)}\n`);
    const documented = [...stable.keys()].filter((k) => facts.has(k)).length;
    process.stdout.write(
      `gen:postfix: Postfix ${version}: ${stable.size} parameters (${documented} documented, ` +
        `${Object.values(parameters).filter((p) => p.since).length} with a version), host-dependent: ${hostDependent.join(' ')}\n`,
    );
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

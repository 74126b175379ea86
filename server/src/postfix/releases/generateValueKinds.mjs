#!/usr/bin/env node
// Writes valueKinds.json: for every parameter that a Postfix daemon reads through its configuration
// tables, the kind of value (bool, int, long, time, str, raw, ...) and the minimum and maximum the
// daemon enforces at start-up ("bad numerical configuration", "invalid ... parameter value").
// These are the constraints diagnostics may apply, and no others.
//
//   node server/src/postfix/releases/generateValueKinds.mjs --source /path/to/postfix.git [--out DIR]
//
// The source is a git clone of Postfix with its release tags (github.com/vdukhovni/postfix); the
// tags are the ones ../shared/postfix-releases/SOURCES.txt names. Each release's tables are
// extracted with Postfix's own postconf/extract.awk (the script that builds postconf's tables), so
// a parameter's kind is what postconf itself compiles in. Limits of the newest release that has a
// parameter win; a limit written as a macro is resolved from the release's headers. Only names
// and numbers are stored.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(HERE, '../../../../../shared/postfix-releases');
/** postconf's table files and the kind of value each holds. */
const TABLES = { 'bool_table.h': 'bool', 'nbool_table.h': 'bool', 'int_table.h': 'int', 'nint_table.h': 'int', 'long_table.h': 'long', 'time_table.h': 'time', 'str_table.h': 'str', 'raw_table.h': 'raw' };

function fail(message) {
  process.stderr.write(`generateValueKinds: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (r.error || r.status !== 0) fail(`${command} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Every `#define NAME value` of the release's headers, for resolving names and limits. */
function defines(srcDir) {
  const out = new Map();
  for (const dir of ['global', 'util', 'tls', 'smtpd', 'smtp', 'postscreen', 'tlsproxy']) {
    let files = [];
    try {
      files = readdirSync(join(srcDir, dir)).filter((f) => f.endsWith('.h') || f.endsWith('.c'));
    } catch {
      continue;
    }
    for (const f of files) {
      for (const m of readFileSync(join(srcDir, dir, f), 'latin1').matchAll(/^#define\s+([A-Z_0-9]+)\s+(.+?)\s*(?:\/\*.*)?$/gm)) {
        if (!out.has(m[1])) out.set(m[1], m[2]);
      }
    }
  }
  return out;
}

/** A name string or a number that a table field stands for, resolving macros; undefined if not plain. */
function resolveField(field, defs, depth = 0) {
  const f = field.trim();
  if (/^"[^"]*"$/.test(f)) return f.slice(1, -1);
  if (/^-?\d+$/.test(f)) return Number(f);
  if (/^\(.*\)$/.test(f)) return resolveField(f.slice(1, -1), defs, depth + 1);
  const product = /^(.+?)\s*\*\s*(.+)$/.exec(f);
  if (product && depth < 8) {
    const [a, b] = [resolveField(product[1], defs, depth + 1), resolveField(product[2], defs, depth + 1)];
    return typeof a === 'number' && typeof b === 'number' ? a * b : undefined;
  }
  if (/^[A-Z_0-9]+$/.test(f) && defs.has(f) && depth < 8) return resolveField(defs.get(f), defs, depth + 1);
  return undefined;
}

function releaseTables(gitDir, tag) {
  const work = mkdtempSync(join(tmpdir(), 'mailconf-kinds-'));
  try {
    run('sh', ['-c', `git --git-dir="$1" archive "$2" postfix/src | tar -x -C "$3"`, 'sh', gitDir, tag, work]);
    const src = join(work, 'postfix/src');
    const postconfDir = join(src, 'postconf');
    run('sh', ['-c', 'awk -f extract.awk ../*/*.c | sh'], { cwd: postconfDir });
    const defs = defines(src);
    const out = {};
    for (const [file, kind] of Object.entries(TABLES)) {
      let text = '';
      try {
        text = readFileSync(join(postconfDir, file), 'latin1');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        const fields = line.split(',').map((s) => s.trim());
        if (!/^VAR_/.test(fields[0] ?? '')) continue;
        const name = resolveField(fields[0], defs);
        if (typeof name !== 'string') continue;
        const entry = { kind };
        if (kind !== 'bool') {
          const [min, max] = [resolveField(fields[3] ?? '', defs), resolveField(fields[4] ?? '', defs)];
          // Postfix's convention: 0 means "no bound" (for strings: the length bounds).
          if (typeof min === 'number' && min !== 0) entry.min = min;
          if (typeof max === 'number' && max !== 0) entry.max = max;
        }
        out[name] ??= entry;
      }
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' } } });
  if (!values.source) fail('--source /path/to/postfix.git is required');
  const tags = readFileSync(join(SHARED, 'SOURCES.txt'), 'utf8').split('\n').map((l) => l.split(/\s+/)[0]).filter((t) => /^v\d/.test(t));
  const newestFirst = [...tags].reverse();
  const merged = {};
  for (const tag of newestFirst) {
    for (const [name, entry] of Object.entries(releaseTables(values.source, tag))) merged[name] ??= entry;
  }
  const names = Object.keys(merged).sort();
  const body = names.map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(merged[n])}`).join(',\n');
  const header = {
    about: 'Kind of value and the bounds Postfix enforces, per parameter, from the configuration tables of Postfix ' + `${tags[0]}..${tags[tags.length - 1]}` + ' (newest release first). min/max are omitted when Postfix sets none; for str they bound the length. Generated by generateValueKinds.mjs; do not edit.',
    releases: tags,
  };
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  writeFileSync(join(values.out ?? HERE, 'valueKinds.json'), `${head},\n  "parameters": {\n${body}\n  }\n}\n`);
  process.stdout.write(`generateValueKinds: ${names.length} parameters from ${tags.join(' ')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

#!/usr/bin/env node
// `npm run gen:postfix-releases`: reads ../shared/postfix-releases (each release's postconf.proto,
// COMPATIBILITY_README and DEPRECATION_README, 3.4 to 3.11) and writes releases.json beside this
// script: per parameter the first release that has it, the release that dropped it, the documented
// default where it changed; deprecations and removals with their replacements; the restriction
// names each release documents; the defaults each compatibility level keeps. Facts only (names,
// versions, default values); no sentence of those files is stored.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareVersions } from '../data/generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SHARED = resolve(HERE, '../../../../../shared/postfix-releases');

function fail(message) {
  process.stderr.write(`gen:postfix-releases: ${message}\n`);
  process.exit(1);
}


const series = (version) => version.split('.').slice(0, 2).join('.');
const ENTITIES = { '&ge;': '>=', '&le;': '<=', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const decode = (s) => s.replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? e);

/** The parameters of one postconf.proto: name -> { default, introduced } (versions from "available in Postfix X"). */
function readProto(text) {
  const params = new Map();
  const renames = new Map();
  const restrictions = new Set();
  const lines = text.split('\n');
  let current;
  let currentName;
  for (const line of lines) {
    const m = /^%PARAM\s+(\S+)\s*(.*)$/.exec(line);
    if (m) {
      currentName = m[1];
      current = { default: decode(m[2].trim()), body: [] };
      params.set(m[1], current);
      continue;
    }
    // Commented-out entries ("#<dt>...") are not documentation of the release.
    if (line.startsWith('#')) continue;
    // Restrictions are documented inside the smtpd_*_restrictions entries (check_address_map, in
    // local_header_rewrite_clients, is not one).
    if (/^smtpd_[a-z]+_restrictions$/.test(currentName ?? '')) {
      for (const r of line.matchAll(/<a name="((?:permit|reject|defer|check|warn_if|sleep)[a-z_]*)">/g)) restrictions.add(r[1]);
    }
    if (current) current.body.push(line);
  }
  for (const [name, p] of params) {
    const text = p.body.join(' ').replace(/\s+/g, ' ');
    // Renames, as names only: "X ... renamed to Y" in X's entry, "... called X" in Y's.
    const to = /renamed (?:this parameter )?to (?:<[^>]+>)?([a-z][a-z0-9_]+)/.exec(text)?.[1];
    if (to && to !== name) renames.set(name, to);
    for (const m of text.matchAll(/(?:was|were|previously|earlier releases it was) called (?:<b>)?([a-z][a-z0-9]*_[a-z0-9_]+)/g)) if (m[1] !== name) renames.set(m[1], name);
    const versions = [...text.matchAll(/available (?:in|with) Postfix (?:version )?(?:&ge; ?)?(\d+\.\d+)/g)].map((v) => v[1]);
    if (versions.length) p.introduced = versions.sort(compareVersions)[0];
    delete p.body;
  }
  return { params, restrictions, renames };
}

/** "Logged with compatibility_level < X:" sections: the settings each level keeps at the old value. */
function readCompatibility(text) {
  const out = {};
  let level;
  let item;
  const flush = () => {
    const s = item && /default setting "?([a-z0-9_]+) ?= ?(.*?)"?$/i.exec(item.replace(/\s+/g, ' ').trim());
    // "xxx_" stands for a family of parameters the README explains in prose; only real names are kept.
    if (s && level && !s[1].startsWith('xxx_')) out[level].push([s[1], s[2] === '(empty)' ? '' : s[2]]);
    item = undefined;
  };
  for (const line of text.split('\n')) {
    const head = /^Logged with compatibility_level < ([\d.]+):/.exec(line);
    if (head || /^\S/.test(line)) {
      flush();
      level = head?.[1];
      if (level) out[level] ??= [];
      continue;
    }
    if (/^\s*\*\s/.test(line)) {
      flush();
      item = line.replace(/^\s*\*\s/, '');
    } else if (item !== undefined && line.trim() !== '') item += ` ${line}`;
    else flush();
  }
  flush();
  return out;
}

/** The DEPRECATION_README table: name, release that warns, release that removed it, replacements. */
function readDeprecations(text, allNames) {
  const rows = [];
  for (const line of text.split('\n')) {
    const cells = /^\s*\|(.*)\|\s*$/.exec(line)?.[1].split('|').map((c) => c.trim());
    if (!cells || cells.length !== 4 || /^_/.test(cells[0])) continue;
    if (cells[0] === '' && rows.length && cells[1] === '' && cells[2] === '') {
      rows[rows.length - 1][3] += ` ${cells[3]}`;
      continue;
    }
    if (!/^[a-z0-9_]+$/.test(cells[0]) || !/^\d+\.\d+$/.test(cells[1])) continue;
    rows.push([...cells]);
  }
  const out = {};
  for (const [name, warned, removed, replacement] of rows) {
    const words = replacement.split(/[\s,]+/).filter((w) => /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(w));
    const entry = (replacements) => ({ warnedSince: warned, ...(/^\d/.test(removed) ? { removedIn: removed } : {}), replacements });
    if (name.startsWith('xxx_')) {
      // A family: xxx_use_tls stands for smtp_use_tls, lmtp_use_tls, ... wherever the replacement exists too.
      const suffix = name.slice(3);
      for (const n of allNames) {
        if (!n.endsWith(suffix) || n === suffix.slice(1)) continue;
        const prefix = n.slice(0, n.length - suffix.length);
        if (!/^[a-z][a-z_]*[a-z]$/.test(prefix)) continue;
        const reps = words.map((w) => w.replace(/^xxx_/, `${prefix}_`));
        if (reps.every((r) => allNames.has(r))) out[n] = entry(reps);
      }
    } else out[name] = entry(words);
  }
  return out;
}

function line(k, v) {
  return `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
}

export function generate() {
  const versions = readdirSync(SHARED).filter((d) => /^\d+\.\d+\.\d+$/.test(d)).sort(compareVersions);
  if (versions.length === 0) fail(`no releases under ${SHARED}`);
  const releases = versions.map((v) => ({ version: v, ...readProto(readFileSync(join(SHARED, v, 'postconf.proto'), 'utf8')) }));
  const allNames = new Set(releases.flatMap((r) => [...r.params.keys()]));

  const parameters = {};
  for (const name of [...allNames].sort()) {
    const entry = {};
    const present = releases.filter((r) => r.params.has(name));
    const first = present[0];
    // Older than the oldest release here: the manual's own "available in" version, when it says one.
    if (first !== releases[0]) entry.since = series(first.version);
    else if (first.params.get(name).introduced) entry.since = first.params.get(name).introduced;
    const last = present[present.length - 1];
    if (last !== releases[releases.length - 1]) entry.removedIn = series(releases[releases.indexOf(last) + 1].version);
    const defaults = [];
    for (const r of present) {
      const d = r.params.get(name).default;
      if (defaults.length === 0 || defaults[defaults.length - 1][1] !== d) defaults.push([series(r.version), d]);
    }
    entry.defaults = defaults;
    parameters[name] = entry;
  }

  const newest = versions[versions.length - 1];
  const deprecations = readDeprecations(readFileSync(join(SHARED, newest, 'DEPRECATION_README'), 'utf8'), allNames);
  const restrictions = {};
  for (const r of releases) for (const name of r.restrictions) restrictions[name] ??= series(r.version);
  // Old parameter name -> its replacement, where both are documented parameters.
  const renamed = {};
  for (const r of releases) for (const [from, to] of r.renames) if (allNames.has(from) && allNames.has(to)) renamed[from] ??= to;
  const compatibility = readCompatibility(readFileSync(join(SHARED, newest, 'COMPATIBILITY_README'), 'utf8'));

  const header = JSON.stringify(
    {
      about: 'Facts per Postfix release, read from each release\'s postconf.proto, COMPATIBILITY_README and DEPRECATION_README in ../shared/postfix-releases. since: first release with the parameter (for the oldest ones, the release the manual names); removedIn: first release without it; defaults: the documented default from each release where it changed. Generated by generate.mjs; do not edit.',
      releases: versions,
    },
    null,
    2,
  ).replace(/\n}$/, '');
  const block = (key, obj, last = false) => `  ${JSON.stringify(key)}: {\n${Object.entries(obj).map(([k, v]) => line(k, v)).join(',\n')}\n  }${last ? '' : ','}\n`;
  return `${header},\n${block('parameters', parameters)}${block('deprecations', deprecations)}${block('restrictions', restrictions)}${block('renamed', Object.fromEntries(Object.entries(renamed).sort()))}${block('compatibility', compatibility, true)}}\n`;
}

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const text = generate();
  writeFileSync(join(values.out ?? HERE, 'releases.json'), text);
  const data = JSON.parse(text);
  process.stdout.write(`gen:postfix-releases: ${data.releases.join(' ')}: ${Object.keys(data.parameters).length} parameters, ${Object.keys(data.deprecations).length} deprecations, ${Object.keys(data.restrictions).length} restrictions, ${Object.keys(data.renamed).length} renames\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

#!/usr/bin/env node
// `npm run gen:dovecot`: reads the Dovecot installed on this machine and rewrites settings.json
// beside this script. Only facts are stored (setting names, section types, defaults, version).
//
// Why each step is done the way it is:
// - `doveconf -d -c EMPTY` prints every top-level setting with its built-in default and the
//   built-in services with their listeners, whatever /etc/dovecot holds.
// - The settings a section type accepts (service, passdb, unix_listener, ...) are only printed for
//   sections that exist, so a probe configuration opens one section of every type that Dovecot
//   2.3 defines and `doveconf -c PROBE` prints them with their defaults. doveconf cannot list the
//   section types themselves: they are named in PROBE below, and `doveconf -n` refusing one of them
//   makes this script fail, so a Dovecot that drops a type is noticed.
// - A default does not tell a value's type: `ssl`, `auth_verbose_passwords`, a mailbox's `auto`
//   and a namespace's `list` print yes or no but take more words. So each setting whose default
//   is yes/no or a number is written once with a word no type accepts, and doveconf's complaint
//   ("Invalid boolean value", "Invalid number") says whether it is a boolean or a number.
// - Dovecot 2.3 still reads some older setting names (`ssl_protocols`), with a warning. doveconf
//   cannot list them, but its binary holds each as a string: every word there that is no
//   setting is written once as a setting, and those doveconf calls "Obsolete setting" are kept,
//   with the new name when the setting was only renamed (its value is then read as the new
//   setting's). Older section types (Dovecot 1's `auth default { }`)
//   are too short to find that way (the linker stores `auth` inside longer words), so they are
//   named in OLD_SECTIONS, and this script fails when doveconf stops calling one obsolete. Older
//   protocol names (`protocols = imaps`) are found in the binary's warning texts, and confirmed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : HERE;

/**
 * One section of every type with settings of its own (names unique, so listeners do not clash),
 * and a listener added to service auth, whose defaults differ from another service's.
 */
const PROBE = `passdb {
  driver = static
}
userdb {
  driver = static
}
namespace probe {
  mailbox probe {
  }
}
service probe {
  unix_listener probe-unix {
  }
  fifo_listener probe-fifo {
  }
  inet_listener probe-inet {
  }
}
service auth {
  unix_listener probe-auth {
  }
}
metric probe {
  filter = event=probe
}
event_exporter probe {
  format = json
  format_args = time-rfc3339
  transport = log
}
`;

/** Section types of older Dovecots that 2.3 still reads, with a warning. */
const OLD_SECTIONS = ['auth'];

/** Section types whose settings are free names (plugin settings, dict names), and filters. */
const FREE_SECTIONS = ['plugin', 'dict'];
const FILTERS = ['protocol', 'local', 'remote', 'local_name'];

function fail(message) {
  process.stderr.write(`gen:dovecot: ${message}\n`);
  process.exit(1);
}

/** doveconf's stderr for a configuration text, whatever its exit status. */
function doveconfComplaint(dir, text) {
  const file = join(dir, 'probe-value.conf');
  writeFileSync(file, text);
  const r = spawnSync('doveconf', ['-n', '-c', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  if (r.error) fail(`cannot run doveconf: ${r.error.message}`);
  return r.stderr;
}

/** `body` inside one section of each type of `path` ('namespace/mailbox'), as doveconf reads it. */
function inSections(path, body) {
  const types = path === '' ? [] : path.split('/');
  return [...types.map((type) => `${type} probe {`), body, ...types.map(() => '}')].join('\n') + '\n';
}

/** The settings of one place whose value doveconf checks as a boolean or a number. */
function typedSettings(dir, path, settings) {
  const booleans = [];
  const numbers = [];
  for (const [name, fallback] of Object.entries(settings)) {
    if (!/^(yes|no|[1-9]\d*)$/.test(fallback)) continue;
    const complaint = doveconfComplaint(dir, inSections(path, `${name} = mailconf-probe`));
    if (/Invalid boolean value/.test(complaint)) booleans.push(name);
    else if (/Invalid number/.test(complaint)) numbers.push(name);
  }
  return { booleans: booleans.sort(), numbers: numbers.sort() };
}

const OBSOLETE = /Obsolete setting in [^\n]*:1: /;

/**
 * The older setting names doveconf still reads, each with what doveconf says became of it: the new
 * name of one only renamed, what replaced it (a setting, or a place such as `service { chroot }`),
 * or that it was removed.
 */
function obsoleteSettings(dir, settings) {
  const binary = spawnSync('sh', ['-c', 'command -v doveconf'], { encoding: 'utf8' }).stdout.trim();
  const words = new Set();
  for (const m of readFileSync(binary, 'latin1').matchAll(/\0([a-z][a-z0-9_]{2,63})(?=\0)/g)) if (!(m[1] in settings)) words.add(m[1]);
  const obsolete = {};
  for (const name of [...words].sort()) {
    const complaint = doveconfComplaint(dir, `${name} = mailconf-probe\n`);
    // (2.3.19 renames mail_cache_compress_* to settings it does not have, and refuses them.)
    if (!OBSOLETE.test(complaint) || /Unknown setting/.test(complaint)) continue;
    const renamed = new RegExp(`${name} has been renamed to ([a-z_]+)`).exec(complaint)?.[1];
    const replacedBy = / has been (?:replaced by|moved into) ([^\n]+)/.exec(complaint)?.[1];
    if (renamed !== undefined && renamed in settings) obsolete[name] = { renamed };
    else if (replacedBy !== undefined) obsolete[name] = { replacedBy };
    else obsolete[name] = { removed: / has been removed| is no longer needed/.test(complaint) };
  }
  return obsolete;
}

/**
 * Older protocol names `protocols` still takes with a warning (imaps, pop3s, managesieve), each
 * with its new name ('' for none). The binary words its warnings "'imaps' protocol ..." and
 * "protocols=managesieve has been renamed to protocols=sieve"; each name found there is confirmed
 * by doveconf.
 */
function obsoleteProtocols(dir) {
  const binary = spawnSync('sh', ['-c', 'command -v doveconf'], { encoding: 'utf8' }).stdout.trim();
  const text = readFileSync(binary, 'latin1');
  const names = new Set([...text.matchAll(/'([a-z0-9]+)' protocol\b/g), ...text.matchAll(/protocols=([a-z0-9]+) has been renamed/g)].map((m) => m[1]));
  const obsolete = {};
  for (const name of [...names].sort()) {
    const complaint = doveconfComplaint(dir, `protocols = ${name}\n`);
    if (!OBSOLETE.test(complaint)) continue;
    obsolete[name] = new RegExp(`protocols=${name} has been renamed to protocols=([a-z0-9]+)`).exec(complaint)?.[1] ?? '';
  }
  return obsolete;
}

function checkOldSections(dir) {
  for (const type of OLD_SECTIONS)
    if (!OBSOLETE.test(doveconfComplaint(dir, `${type} probe {\n}\n`))) fail(`doveconf no longer reads the old '${type} { }' section as obsolete: remove it from OLD_SECTIONS`);
}

function doveconf(args) {
  const r = spawnSync('doveconf', args, { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  if (r.error) fail(`cannot run doveconf: ${r.error.message}`);
  if (r.status !== 0) fail(`doveconf ${args.join(' ')} exited with ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** doveconf's output as a tree: { settings: {name: default}, sections: [{type, name, body}] }. */
export function parseDoveconfOutput(text) {
  const root = { settings: {}, sections: [] };
  const stack = [root];
  let version = '';
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    if (t.startsWith('#')) {
      const m = /^# (\d[\w.]*) \(/.exec(t);
      if (m && !version) version = m[1];
      continue;
    }
    const top = stack[stack.length - 1];
    if (t === '}') {
      stack.pop();
      continue;
    }
    const open = /^(\S+)(?: (.*))? \{$/.exec(t);
    if (open) {
      const section = { type: open[1], name: open[2] ?? '', settings: {}, sections: [] };
      top.sections.push(section);
      stack.push(section);
      continue;
    }
    const eq = t.indexOf(' =');
    let value = t.slice(eq + 3);
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    top.settings[t.slice(0, eq)] = value;
  }
  return { version, root };
}

function sortedObject(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Settings of each section type, by path ('service/unix_listener'), from the probe's sections. */
function sectionTypes(node, prefix, out) {
  for (const s of node.sections) {
    const path = prefix ? `${prefix}/${s.type}` : s.type;
    out[path] = sortedObject({ ...(out[path] ?? {}), ...s.settings });
    sectionTypes(s, path, out);
  }
  return out;
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dovecot-data-'));
  try {
    const empty = join(dir, 'empty.conf');
    const probe = join(dir, 'probe.conf');
    writeFileSync(empty, '');
    writeFileSync(probe, PROBE);
    const defaults = parseDoveconfOutput(doveconf(['-d', '-c', empty]));
    const probed = parseDoveconfOutput(doveconf(['-c', probe]));
    const sections = sectionTypes(probed.root, '', {});
    for (const type of ['passdb', 'userdb', 'namespace', 'namespace/mailbox', 'service', 'service/unix_listener', 'service/fifo_listener', 'service/inet_listener', 'metric', 'event_exporter']) {
      if (!sections[type]) fail(`doveconf printed no '${type}' section for the probe`);
    }
    // The probe's own values are not defaults.
    sections.passdb.driver = '';
    sections.userdb.driver = '';
    sections.metric.filter = '';
    sections.event_exporter.format = '';
    sections.event_exporter.transport = '';
    sections.event_exporter.format_args = '';
    const services = {};
    for (const s of defaults.root.sections.filter((x) => x.type === 'service')) {
      const listeners = {};
      for (const l of s.sections) listeners[`${l.type} ${l.name}`] = sortedObject(l.settings);
      services[s.name] = { settings: sortedObject(s.settings), listeners: sortedObject(listeners) };
    }
    // What a listener added to service auth (as for Postfix) gets when it sets nothing.
    const auth = probed.root.sections.find((x) => x.type === 'service' && x.name === 'auth');
    const added = auth?.sections.find((x) => x.name === 'probe-auth');
    if (!added) fail("doveconf printed no probe listener in service auth");
    const typed = { '': typedSettings(dir, '', defaults.root.settings) };
    for (const [path, settings] of Object.entries(sections)) typed[path] = typedSettings(dir, path, settings);
    checkOldSections(dir);
    const data = {
      dovecot: defaults.version,
      settings: sortedObject(defaults.root.settings),
      sections: sortedObject(sections),
      typed: sortedObject(typed),
      obsoleteSettings: obsoleteSettings(dir, defaults.root.settings),
      oldSections: OLD_SECTIONS,
      obsoleteProtocols: obsoleteProtocols(dir),
      freeSections: FREE_SECTIONS,
      filters: FILTERS,
      services: sortedObject(services),
      authListenerDefaults: sortedObject(added.settings),
    };
    writeFileSync(join(OUT, 'settings.json'), JSON.stringify(data, null, 1) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

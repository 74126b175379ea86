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
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Section types whose settings are free names (plugin settings, dict names), and filters. */
const FREE_SECTIONS = ['plugin', 'dict'];
const FILTERS = ['protocol', 'local', 'remote', 'local_name'];

function fail(message) {
  process.stderr.write(`gen:dovecot: ${message}\n`);
  process.exit(1);
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
    const data = {
      dovecot: defaults.version,
      settings: sortedObject(defaults.root.settings),
      sections: sortedObject(sections),
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

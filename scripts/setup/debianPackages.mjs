// The Debian packages of debian-packages.txt: which are missing, and installing those in one
// apt-get call. `npm start`, `npm test` and the tests of this file read the same list.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError } from './setupError.mjs';

export const PACKAGE_LIST = join(dirname(fileURLToPath(import.meta.url)), 'debian-packages.txt');

/**
 * The packages of the named sections ('start', 'test'), in file order.
 * @param {string[]} sections
 * @returns {string[]}
 */
export function readPackageList(sections, text = readFileSync(PACKAGE_LIST, 'utf8')) {
  const bySection = new Map();
  let current;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = /^\[([a-z]+)\]$/.exec(line);
    if (header) {
      current = header[1];
      bySection.set(current, bySection.get(current) ?? []);
    } else if (current === undefined) {
      throw new Error(`${PACKAGE_LIST}: '${line}' stands before any [section]`);
    } else {
      bySection.get(current).push(line);
    }
  }
  return sections.flatMap((s) => {
    const list = bySection.get(s);
    if (!list) throw new Error(`${PACKAGE_LIST} has no [${s}] section`);
    return list;
  });
}

/** The packages that dpkg does not list as installed. Throws a SetupError where there is no dpkg. */
export function missingPackages(packages) {
  if (packages.length === 0) return [];
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') {
    throw new SetupError(
      'This machine has no dpkg: the set-up installs Debian packages and expects Debian 12 (or Ubuntu).',
      `Install the equivalents of these Debian packages with your system's package manager: ${packages.join(' ')}`,
    );
  }
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((l) => l.endsWith(' install ok installed'))
      .map((l) => l.split(' ')[0].replace(/:.*/, '')),
  );
  return packages.filter((p) => !installed.has(p));
}

/** The command a person runs to install `packages`. */
export function aptCommand(packages, { root = isRoot() } = {}) {
  return `${root ? '' : 'sudo '}apt-get install --no-install-recommends ${packages.join(' ')}`;
}

export function isRoot() {
  return process.getuid?.() === 0;
}

const POLICY_RC = '/usr/sbin/policy-rc.d';
// Answers for the packages that ask questions, so that the install never waits for a person.
const DEBCONF_ANSWERS = 'postfix postfix/main_mailer_type select No configuration\npostfix postfix/mailname string smtp.mail1.org\n';

function hasPackageLists() {
  try {
    return readdirSync('/var/lib/apt/lists').some((f) => f.includes('_Packages'));
  } catch {
    return false;
  }
}

function apt(args) {
  // apt's own progress goes to our stderr: a person watching the first start sees it move.
  return spawnSync('apt-get', ['-q', '-o', 'DPkg::Lock::Timeout=300', ...args], {
    stdio: ['ignore', 2, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Installs the missing ones of `packages` in one apt-get call (after `apt-get update` when the
 * package lists are absent or out of date). Package scripts may not start daemons: a postfix or
 * sshd listening on its default, non-loopback port is the last thing a test run should leave.
 * Returns the packages it installed.
 */
export function installMissingPackages(packages, { why, root = isRoot() }) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return [];
  if (!root) {
    throw new SetupError(
      `${why} needs these Debian packages, which are not installed: ${missing.join(' ')}.`,
      `Install them once as root, then run the command again:\n\n    ${aptCommand(missing, { root: false })}\n`,
    );
  }
  spawnSync('debconf-set-selections', { input: DEBCONF_ANSWERS });
  const addedPolicy = !existsSync(POLICY_RC);
  if (addedPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    if (!hasPackageLists()) update();
    let r = apt(['install', '-y', '--no-install-recommends', ...missing]);
    // Lists that are present but stale name package versions the mirror no longer has.
    if (r.status !== 0 && /Unable to locate|404\s+Not Found|Failed to fetch|has no installation candidate/.test(r.stderr)) {
      update();
      r = apt(['install', '-y', '--no-install-recommends', ...missing]);
    }
    if (r.status !== 0) throw aptFailure(`apt-get could not install ${missing.join(' ')}`, missing, r.stderr);
  } finally {
    if (addedPolicy) rmSync(POLICY_RC, { force: true });
  }
  return missing;
}

function update() {
  const r = apt(['update']);
  if (r.status !== 0) throw aptFailure('apt-get update failed', [], r.stderr);
}

function aptFailure(what, packages, stderr = '') {
  const tail = stderr.trim().split('\n').slice(-8).join('\n');
  if (/No space left on device/.test(stderr)) {
    return new SetupError(`${what}: the disk is full.`, 'Free some space (`df -h /var/cache/apt`, `apt-get clean`), then run the command again.', tail);
  }
  if (/Could not get lock|Unable to acquire the dpkg frontend lock/.test(stderr)) {
    return new SetupError(`${what}: another apt or dpkg is running.`, 'Wait for it to finish (or `ps -C apt-get,dpkg`), then run the command again.', tail);
  }
  if (/Temporary failure resolving|Could not connect|Connection refused|Failed to fetch/.test(stderr)) {
    return new SetupError(`${what}: the package mirror could not be reached.`, `Check the network and /etc/apt/sources.list*, then: apt-get update && ${aptCommand(packages)}`, tail);
  }
  return new SetupError(`${what}.`, `Run it by hand to see apt's whole answer: ${aptCommand(packages)}`, tail);
}

// The real programs the tests compare against (postconf, named-checkzone, sshd, ...). A missing
// one is installed from Debian's packages when we are root; when that is impossible the test
// fails under CI=true and is skipped, with the reason, elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, rmSync, readdirSync } from 'node:fs';

const POLICY_RC = '/usr/sbin/policy-rc.d';

function installed(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs missing Debian packages without letting their scripts start daemons. */
export function installAptPackages(packages: string[]): void {
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing packages ${missing.join(' ')} and not root to install them`);
  spawnSync('debconf-set-selections', {
    input: 'postfix postfix/main_mailer_type select No configuration\npostfix postfix/mailname string smtp.mail1.org\n',
  });
  const addedPolicy = !existsSync(POLICY_RC);
  if (addedPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const lists = readdirSync('/var/lib/apt/lists').some((f) => f.endsWith('_Packages') || f.includes('_Packages.'));
    if (!lists) execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } finally {
    if (addedPolicy) rmSync(POLICY_RC, { force: true });
  }
}

/**
 * For a test or suite that needs a real peer: returns undefined when it is available (installing
 * it if needed), or a skip reason. Under CI=true it throws instead of skipping.
 */
export function requirePeer(executable: string, packages: string[]): string | undefined {
  const found = () => spawnSync('sh', ['-c', `command -v ${executable} || test -x ${executable}`]).status === 0;
  if (found()) return undefined;
  try {
    installAptPackages(packages);
  } catch (err) {
    const reason = `${executable} is not available: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(reason);
    return reason;
  }
  if (found()) return undefined;
  const reason = `${executable} is still missing after installing ${packages.join(' ')}`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

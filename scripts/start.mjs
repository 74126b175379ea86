// `npm start`: installs what is missing (Debian packages, Node 24, code-server), builds and
// packages the extension, installs the .vsix into a real VS Code (code-server) and serves it on
// 127.0.0.1 with a working copy of examples/lab open. One line per phase, with its time.
//   --port N (or env MAILCONF_PORT)   default 8080
//   --folder DIR                      the folder to open, default the lab's working copy, .cache/lab
//   --reset-lab                       replace the working copy with a fresh copy of examples/lab
//   --state-dir DIR                   VS Code's user data and extensions, default .cache/vscode/start
// Ctrl+C stops code-server's whole process group.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLabCopy, labPaths } from './labCopy.mjs';
import { cleanNpmEnv } from './setup/cleanNpmEnv.mjs';
import { installMissingPackages, readPackageList } from './setup/debianPackages.mjs';
import { phaseLog } from './setup/phases.mjs';
import { runSetupMain, SetupError } from './setup/setupError.mjs';
import { CACHE, ensureCodeServer, ensureNode24, installVsix, portInUse, ROOT, startVscodeServer, vscodeEnv, writeUserSettings } from './vscode-server.mjs';

/** Rejects with a SetupError when 127.0.0.1:port cannot be listened on. */
function checkPortFree(port) {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (err) =>
      reject(
        err.code === 'EADDRINUSE'
          ? portInUse(port)
          : new SetupError(`Cannot listen on 127.0.0.1:${port} (${err.code}).`, 'Choose a port above 1023: npm start -- --port 9090'),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}

function parsePort(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SetupError(`'${text}' is not a port number.`, 'Give one from 1 to 65535: npm start -- --port 9090');
  }
  return port;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: process.env.MAILCONF_PORT ?? '8080' },
        folder: { type: 'string' },
        'reset-lab': { type: 'boolean', default: false },
        'state-dir': { type: 'string', default: join(CACHE, 'start') },
      },
    }));
  } catch (err) {
    throw new SetupError(err.message, 'npm start -- [--port N] [--folder DIR] [--reset-lab] [--state-dir DIR]');
  }
  const port = parsePort(values.port);
  await checkPortFree(port);

  const { phase } = phaseLog('start');
  await phase('Debian packages', () => {
    const packages = readPackageList(['start']);
    const installed = installMissingPackages(packages, { why: '`npm start`' });
    return installed.length ? `installed ${installed.join(' ')}` : `all ${packages.length} present`;
  });
  const vsix = await phase('extension built and packaged', () => {
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit', env: cleanNpmEnv() });
    if (r.status !== 0) throw new SetupError('Building and packaging the extension failed (its errors are above).', 'npm install, then npm run package to see the error alone');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    return join(ROOT, `mailconf-${version}.vsix`);
  });
  await phase('Node 24', ensureNode24);
  await phase('code-server', ensureCodeServer);

  const home = resolve(values['state-dir']);
  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  const env = vscodeEnv(join(home, 'env'));
  await phase('extension installed into code-server', () => {
    // The lab opens on the Welcome page, whose first tile is the lab walkthrough (featured for
    // workspaces with main.cf); a folder of one's own (and the UI tests') opens as it is.
    writeUserSettings(userDataDir, values.folder ? {} : { 'workbench.startupEditor': 'welcomePage' });
    installVsix(vsix, { userDataDir, extensionsDir, env });
    return extensionsDir;
  });

  const lab = values.folder ? resolve(values.folder) : labPaths(ROOT).copy;
  if (!values.folder) {
    await phase('lab working copy', () => {
      const { fresh } = ensureLabCopy(labPaths(ROOT).examples, lab, { reset: values['reset-lab'] });
      return fresh ? `copied examples/lab to ${lab}` : `${lab}, as you left it (npm start -- --reset-lab restores it)`;
    });
  }
  await checkPortFree(port);
  const server = await phase(
    'code-server listening',
    () => startVscodeServer({ port, userDataDir, extensionsDir, env, extraArgs: [lab] }),
    (s) => s.url,
  );
  console.log(`\nmailconf is running in VS Code at ${server.url}/?folder=${encodeURIComponent(lab)}\nPress Ctrl+C to stop.\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.error('[start] stopping code-server');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  const ended = await server.exited;
  if (!stopping) {
    const tail = server.output().trim().split('\n').slice(-20).join('\n');
    throw new SetupError(`code-server stopped unexpectedly (${JSON.stringify(ended)}). The last lines of its log are below.`, 'npm start', tail);
  }
}

await runSetupMain('npm start', main);

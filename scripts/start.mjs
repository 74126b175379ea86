// `npm start`: builds and packages the extension, makes sure a real VS Code (code-server) is
// installed, installs the .vsix into it and serves it on 127.0.0.1 with examples/lab open.
//   --port N (or env MAILCONF_PORT)   default 8080
//   --folder DIR                      the folder to open, default examples/lab
//   --state-dir DIR                   VS Code's user data and extensions, default .cache/vscode/start
// Ctrl+C stops code-server's whole process group.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, ensureVscodeServer, installVsix, ROOT, startVscodeServer, vscodeEnv, writeUserSettings } from './vscode-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MAILCONF_PORT ?? '8080' },
    folder: { type: 'string', default: join(ROOT, 'examples', 'lab') },
    'state-dir': { type: 'string', default: join(CACHE, 'start') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`npm start: invalid port '${values.port}'`);
  process.exit(2);
}

const step = (m) => console.error(`[start] ${m}`);
step('building and packaging the extension');
if (spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = join(ROOT, `mailconf-${version}.vsix`);

step(`VS Code: ${ensureVscodeServer(step)}`);
const home = resolve(values['state-dir']);
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
const env = vscodeEnv(join(home, 'env'));
writeUserSettings(userDataDir);
step(`installing ${vsix}`);
installVsix(vsix, { userDataDir, extensionsDir, env });

const lab = resolve(values.folder);
const server = await startVscodeServer({ port, userDataDir, extensionsDir, env, extraArgs: [lab] });
const url = `${server.url}/?folder=${encodeURIComponent(lab)}`;
console.log(`\nmailconf is running in VS Code at ${url}\nPress Ctrl+C to stop.\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  step('stopping code-server');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
const ended = await server.exited;
if (!stopping) {
  console.error(`code-server exited unexpectedly (${JSON.stringify(ended)}):\n${server.output()}`);
  process.exit(1);
}

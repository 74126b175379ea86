// Stands in for the desktop `code` executable that @vscode/test-cli launches: runs the extension
// tests in code-server's extension host (a real VS Code), with Debian's headless Chromium as the
// workbench client, and exits with the tests' exit code. Understands the flags test-cli passes:
// --extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, and a
// workspace folder; Electron-only flags are ignored.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CACHE, startVscodeServer, vscodeEnv, writeUserSettings } from '../../scripts/vscode-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const devPaths = flag('extensionDevelopmentPath');
const testsPath = flag('extensionTestsPath')[0];
const folder = argv.find((a) => !a.startsWith('-'));
if (!testsPath) {
  console.error('code-shim: only extension test runs (--extensionTestsPath=...) are supported');
  process.exit(2);
}

const scratch = mkdtempSync(join(CACHE, 'shim-'));
const userDataDir = flag('user-data-dir')[0] ?? join(scratch, 'user-data');
const extensionsDir = flag('extensions-dir')[0] ?? join(scratch, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
writeUserSettings(userDataDir);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
// VSCODE_TEST_OPTIONS from test-cli reaches the extension host through code-server's environment.
const server = await startVscodeServer({
  port,
  userDataDir,
  extensionsDir,
  env: vscodeEnv(join(scratch, 'env')),
  extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
});

const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = JSON.stringify([
  ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
]);
const url = `${server.url}/?${folder ? `folder=${encodeURIComponent(folder)}&` : 'ew=true&'}payload=${encodeURIComponent(payload)}`;

const browser = await chromium.launchPersistentContext(join(scratch, 'chromium'), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
let exitCode = 1;
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const finished = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
  // The extension host's console (mocha's reporter among it) arrives here.
  const noise = /^\s*at |Canceled|vsda|open-vsx|ENOTFOUND|connection token|grace time|AgentHost|Service Worker|builtin extensions cache|authentication provider/;
  await page.exposeFunction('codeAutomationLog', (_level, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (process.env.VERBOSE || !noise.test(text)) console.log(text);
  });
  await page.goto(url);
  const timeoutMs = Number(process.env.SHIM_TIMEOUT_MS ?? 600_000);
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const result = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') console.error(`code-shim: the tests did not finish within ${timeoutMs} ms`);
  else exitCode = Number(result);
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  // MAILCONF_KEEP_SCRATCH=1 keeps VS Code's logs (the Mailconf output among them) for debugging.
  if (process.env.MAILCONF_KEEP_SCRATCH) console.error(`code-shim: kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);

// One UI test session: a scratch copy of examples/lab served by `npm start`'s script on a free
// loopback port, and Debian's headless Chromium looking at it through playwright-core.
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { freePort } from './freePort';

const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-results', 'ui');

export interface UiSession {
  page: Page;
  folder: string;
  /** `npm start`'s process, leader of its own process group. */
  child: ChildProcess;
  shot(name: string): Promise<void>;
  /** Opens a workspace file from the explorer and waits for its language mode. */
  openFile(name: string, languageName: string): Promise<void>;
  /** Runs a command from the command palette by its title. */
  runCommand(title: string): Promise<void>;
  close(): Promise<void>;
}

function startVscode(port: number, folder: string, stateDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port), '--folder', folder, '--state-dir', stateDir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const m = /running in VS Code at (\S+)/.exec(out);
      if (m) resolvePromise({ child, url: m[1] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

/** `prepare` may add files to the scratch workspace (e.g. .vscode/settings.json) before VS Code opens it. */
export async function startUiSession(prepare?: (folder: string) => void): Promise<UiSession> {
  mkdirSync(SHOTS, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'mailconf-ui-'));
  const folder = join(scratch, 'lab');
  cpSync(join(ROOT, 'examples/lab'), folder, { recursive: true });
  prepare?.(folder);
  const { child, url } = await startVscode(await freePort(), folder, join(scratch, 'state'));
  let browser: BrowserContext | undefined;
  try {
    browser = await chromium.launchPersistentContext(join(scratch, 'chromium'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.cf' }).first().waitFor({ timeout: 120_000 });
    const ctx = browser;
    return {
      page,
      folder,
      child,
      shot: async (name) => void (await page.screenshot({ path: join(SHOTS, `${name}.png`) })),
      openFile: async (name, languageName) => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }).first().click();
        await page.locator('#status\\.editor\\.mode', { hasText: languageName }).waitFor({ timeout: 60_000 });
      },
      runCommand: async (title) => {
        // Other commands may contain the title ("Test SMTP from the server…"): take the exact one.
        const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) });
        // On a loaded machine the palette sometimes opens before its list has the command:
        // close it and ask again rather than wait on a list that will not change.
        for (let attempt = 1; ; attempt++) {
          await page.keyboard.press('F1');
          // Fill the palette's own input: typed keys could land elsewhere if something takes focus.
          const input = page.locator('.quick-input-widget .quick-input-box input');
          await input.waitFor();
          await input.fill(`>${title}`);
          try {
            await row.first().click({ timeout: 15_000 });
            return;
          } catch (err) {
            if (attempt === 3) {
              await page.screenshot({ path: join(SHOTS, 'palette-failure.png') });
              throw err;
            }
            await page.keyboard.press('Escape');
          }
        }
      },
      close: async () => {
        await ctx.close();
        if (child.exitCode === null) {
          try {
            process.kill(-child.pid!, 'SIGINT');
          } catch {}
          await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
        }
        // MAILCONF_KEEP_SCRATCH=1 keeps VS Code's logs for debugging, as in the extension layer.
        if (process.env.MAILCONF_KEEP_SCRATCH) console.error(`uiSession: kept ${scratch}`);
        else rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (err) {
    await browser?.close();
    process.kill(-child.pid!, 'SIGKILL');
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    throw err;
  }
}

/** Monaco renders spaces as U+00A0. */
export const visibleText = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

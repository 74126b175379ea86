// The extension as a person meets it: `npm start`'s VS Code in Debian's Chromium, driven by
// playwright-core. Screenshots go to test-results/ui/.
import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.mjs';

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results', 'ui');

function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });
}

/** Starts `npm start`'s script in its own process group; resolves with the URL it prints. */
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

const text = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

describe('VS Code in the browser', { timeout: 600_000 }, () => {
  let started: { child: ChildProcess; url: string };
  let browser: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const scratch = mkdtempSync(join(tmpdir(), 'mailconf-ui-'));
    const folder = join(scratch, 'lab');
    cpSync(join(ROOT, 'examples/lab'), folder, { recursive: true });
    started = await startVscode(await freePort(), folder, join(scratch, 'state'));
    browser = await chromium.launchPersistentContext(join(scratch, 'chromium'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(started.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.cf' }).first().waitFor({ timeout: 120_000 });
  });

  after(async () => {
    await browser?.close();
    if (started?.child.exitCode === null) started.child.kill('SIGKILL');
  });

  it('opens main.cf in the Postfix main.cf language mode', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^main\.cf$/ }).first().click();
    await page.locator('#status\\.editor\\.mode', { hasText: 'Postfix main.cf' }).waitFor({ timeout: 60_000 });
    await shot('01-main-cf');
  });

  it('gives a boolean its TextMate scope', async () => {
    const yes = page.locator('.monaco-editor .view-line span > span', { hasText: /^yes$/ }).first();
    await yes.click();
    await page.keyboard.press('F1');
    await page.keyboard.type('Developer: Inspect Editor Tokens and Scopes');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Inspect Editor Tokens and Scopes' }).first().waitFor();
    await page.keyboard.press('Enter');
    const widget = page.locator('.token-inspect-widget');
    await widget.waitFor({ timeout: 20_000 });
    assert.match(await widget.innerText(), /constant\.language\.boolean\.postfix-main/);
    await shot('02-token-scope');
    await page.keyboard.press('Escape');
  });

  it('underlines an unknown parameter and lists it in the Problems panel', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('myhostnme = typo.mail1.org');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: "Unknown parameter 'myhostnme'" });
    await row.first().waitFor({ timeout: 30_000 });
    assert.match(text(await row.first().innerText()), /Did you mean 'myhostname'/);
    await shot('03-problems');
  });

  it('shows a parameter\'s documentation on hover', async () => {
    // Monaco renders only the visible lines: bring myhostname's line into view first.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    const token = page.locator('.monaco-editor .view-line span > span', { hasText: /^myhostname$/ }).first();
    const box = (await token.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'postconf' });
    await hover.first().waitFor({ timeout: 30_000 });
    assert.match(text(await hover.first().innerText()), /myhostname/);
    await shot('04-hover');
    await page.mouse.move(5, 5);
  });

  it('completes a parameter with Ctrl+Space and inserts it', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('smtpd_tls_wrapper');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'smtpd_tls_wrappermode' }).first().waitFor({ timeout: 30_000 });
    await shot('05-completion');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: /smtpd_tls_wrappermode\s=\s/ }).first().waitFor({ timeout: 10_000 });
  });

  it('stops every process it started on Ctrl+C', async () => {
    const { child } = started;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    process.kill(-child.pid!, 'SIGINT');
    assert.equal(await exited, 0);
    const left = spawnSync('pgrep', ['-g', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', `processes left in the group: ${left}`);
  });
});

// The extension as a person meets it: `npm start`'s VS Code in Debian's Chromium, driven by
// playwright-core. Screenshots go to test-results/ui/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startUiSession, UiSession, visibleText as text } from '../support/uiSession';

/** An <img> as the page's script sees it (the tests compile without the DOM's types). */
type PageImage = { decode(): Promise<void>; naturalWidth: number };

/** The width an image was drawn at once it loaded, or 0 when it is broken: decode() settles on either. */
async function renderedWidth(image: Locator): Promise<number> {
  await image.waitFor({ state: 'attached', timeout: 30_000 });
  return image.evaluate((img: PageImage) => img.decode().then(() => img.naturalWidth, () => 0));
}

describe('VS Code in the browser', { timeout: 600_000 }, () => {
  let session: UiSession;
  let page: Page;
  const shot = (name: string) => session.shot(name);

  before(async () => {
    session = await startUiSession();
    page = session.page;
  });

  after(async () => session?.close());

  it('opens main.cf in the Postfix main.cf language mode', async () => {
    await session.openFile('main.cf', 'Postfix main.cf');
    await shot('01-main-cf');
  });

  it('gives a boolean its TextMate scope', async () => {
    const yes = page.locator('.monaco-editor .view-line span > span', { hasText: /^yes$/ }).first();
    await yes.click();
    await session.runCommand('Developer: Inspect Editor Tokens and Scopes');
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
    // The name accepted, its values are suggested at once.
    const yes = page.locator('.suggest-widget .monaco-list-row', { hasText: /^yes/ }).first();
    await yes.waitFor({ timeout: 30_000 });
    await shot('06-value-suggestions');
    await yes.click();
    await page.locator('.monaco-editor .view-line', { hasText: /smtpd_tls_wrappermode\s=\syes/ }).first().waitFor({ timeout: 10_000 });
  });

  it('shows the extension\'s icon and its README, with no broken image, on its Extensions page', async () => {
    await session.runCommand('Extensions: Show Installed Extensions');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'mailconf' }).first().click();
    const header = page.locator('.extension-editor .header');
    await header.waitFor({ timeout: 30_000 });
    assert.ok((await renderedWidth(header.locator('img.icon').first())) > 0, 'the icon is drawn');
    // The README is drawn in a webview: an iframe (the last one opened) with the page in an inner one.
    const readme = page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
    await readme.locator('h1', { hasText: 'mailconf' }).first().waitFor({ timeout: 30_000 });
    const images = await readme.locator('img').all();
    const widths = await Promise.all(images.map(async (image) => `${await image.getAttribute('alt')}: ${await renderedWidth(image)} px wide`));
    await shot('07-extension-page');
    assert.deepEqual(widths.filter((w) => / 0 px wide$/.test(w)), [], 'no image on the page is broken');
  });

  it('stops every process it started on Ctrl+C', async () => {
    const { child } = session;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    process.kill(-child.pid!, 'SIGINT');
    assert.equal(await exited, 0);
    const left = spawnSync('pgrep', ['-g', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', `processes left in the group: ${left}`);
  });
});

// issue 8's Spanish UI test. code-server cannot switch its display language offline (`--locale es`
// needs a language pack from the extension marketplace), so the workspace sets
// `mailconf.docsLanguage = es` instead and the hover of a lab parameter must come in Spanish, from
// our own notes (server/src/postfix/docs/); so must a zone's record-type hover and findings. Changing the setting back to English takes effect
// without a restart. The lab walkthrough is opened too: its step page renders, and a click on a
// step's button runs it and ticks the step.
// Screenshots go to test-results/ui/spanish-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startUiSession, UiSession, visibleText as text } from '../support/uiSession';

const writeDocsLanguage = (folder: string, language: string) => {
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'mailconf.docsLanguage': language }, null, 2));
};

describe('Spanish docs in VS Code in the browser', { timeout: 600_000 }, () => {
  let session: UiSession;
  let page: Page;
  const shot = (name: string) => session.shot(`spanish-${name}`);

  /**
   * Hovers the first token matching `word` (the last one with `last`) on the first line matching
   * `lineText` until a hover containing `expected` shows. Hovering again is needed: a hover shown
   * before the language server (re)started stays as it was.
   */
  const hoverToken = async (lineText: RegExp, word: RegExp, name: string, expected: string, last = false) => {
    const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
    const tokens = line.locator('span > span', { hasText: word });
    const token = last ? tokens.last() : tokens.first();
    const hover = page.locator('.monaco-hover', { hasText: expected }).first();
    const deadline = Date.now() + 90_000;
    for (;;) {
      await page.mouse.move(5, 5);
      try {
        await token.waitFor({ timeout: 30_000 });
        // Monaco re-renders the line as tokens arrive, so the span may be gone again: try once more.
        const box = await token.boundingBox();
        if (!box) throw new Error(`${name} is not on screen`);
        await page.mouse.move(box.x + 4, box.y + box.height / 2);
        await page.mouse.move(box.x + 8, box.y + box.height / 2);
        await hover.waitFor({ timeout: 5_000 });
        return text(await hover.innerText());
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  };
  /** The parameter name at the start of its line. */
  const hoverParameter = (name: string, expected: string) => hoverToken(new RegExp(`^${name}\\s`), new RegExp(`^${name}`), name, expected);

  before(async () => {
    session = await startUiSession((folder) => writeDocsLanguage(folder, 'es'));
    page = session.page;
    await session.openFile('main.cf', 'Postfix main.cf');
  });

  after(async () => session?.close());

  it('shows a parameter\'s hover in Spanish with mailconf.docsLanguage = es', async () => {
    const hover = await hoverParameter('recipient_delimiter', 'Separador entre el usuario');
    // The lesson's note, in Spanish, below the summary.
    assert.match(hover, /manolo\+esto\.no\.sirve@mail1\.org/);
    assert.match(hover, /se entrega a/);
    assert.doesNotMatch(hover, /Separator between a user name/);
    await shot('hover');
  });

  it('shows the lesson\'s caveat about smtpd_sasl_local_domain in Spanish', async () => {
    const hover = await hoverParameter('smtpd_sasl_local_domain', 'Dominio que se añade a los usuarios SASL');
    assert.match(hover, /«pepe» pasa a ser «pepe@mail1\.org»/);
    await shot('hover-sasl-local-domain');
  });

  it('speaks Spanish in zone files too: a record type\'s hover and a finding', async () => {
    await session.openFile('mail1.org.zone', 'DNS Zone');
    const type = await hoverToken(/^\s+IN\s+MX\s/, /^MX$/, 'MX', 'intercambiador de correo');
    assert.match(type, /\(tipo 15\)/);
    assert.doesNotMatch(type, /mail exchanger/);
    // The lesson's alias of itself, as the hover over its squiggle (the target) shows it.
    const finding = await hoverToken(/^imap\s+IN\s+CNAME\s+imap/, /^imap$/, 'imap', 'Bucle de CNAME', true);
    assert.match(finding, /imap\.mail1\.org\. es un alias de sí mismo/);
    assert.doesNotMatch(finding, /is an alias of itself/);
    await shot('zone');
    await session.openFile('main.cf', 'Postfix main.cf');
  });

  it('follows a change of mailconf.docsLanguage without a restart', async () => {
    writeDocsLanguage(session.folder, 'en');
    // The client restarts the language server with the new language; hover until it answers in English.
    const hover = await hoverParameter('recipient_delimiter', 'Separator between a user name');
    assert.match(hover, /is delivered to/);
    await shot('hover-back-to-english');
    await page.mouse.move(5, 5);
  });

  it('opens the lab walkthrough with its step page rendered', async () => {
    await session.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Set up the Postfix lab' }).first().click();
    await page.locator('.gettingStartedContainer', { hasText: 'DNS for the two domains' }).first().waitFor({ timeout: 60_000 });
    // The step's media page is a markdown file rendered in a webview (nested iframes).
    const rendered = async () => {
      for (const frame of page.frames() as Frame[]) {
        if (await frame.locator('text=The lab has two mail domains').count().catch(() => 0)) return true;
      }
      return false;
    };
    const deadline = Date.now() + 60_000;
    while (!(await rendered())) {
      assert.ok(Date.now() < deadline, 'the DNS step page (walkthrough/en/dns.md) never rendered');
      await page.waitForTimeout(250);
    }
    await shot('walkthrough');
  });

  it('runs a walkthrough button on click and ticks its step', async () => {
    const done = page.locator('[data-done-step-id$="dns"]').first();
    assert.notEqual(await done.getAttribute('aria-checked'), 'true');
    // The step itself is a button too (its whole card); the step's command links are .monaco-button.
    await page.locator('.gettingStartedContainer .monaco-button', { hasText: 'Open a new zone file' }).first().click();
    await page.locator('#status\\.editor\\.mode', { hasText: 'DNS Zone' }).waitFor({ timeout: 60_000 });
    // The step completes on its event (a dns-zone editor), seen when going back to the walkthrough.
    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
    await page.locator('[data-done-step-id$="dns"][aria-checked="true"]').first().waitFor({ state: 'attached', timeout: 30_000 });
    await shot('walkthrough-dns-done');
  });
});

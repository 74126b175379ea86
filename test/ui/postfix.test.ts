// issue 4's "done when", as a person sees it on examples/lab: completion with defaults, a hover, the
// unknown-parameter quick fix, the open-relay error and the live postconf preview.
// Screenshots go to test-results/ui/postfix-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startUiSession, UiSession, visibleText as text } from '../support/uiSession';

describe('Postfix features in VS Code in the browser', { timeout: 600_000 }, () => {
  let session: UiSession;
  let page: Page;
  const shot = (name: string) => session.shot(`postfix-${name}`);
  const editor = () => page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first();
  const typeAtEnd = async (line: string) => {
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    await page.keyboard.press('Escape');
  };

  before(async () => {
    session = await startUiSession();
    page = session.page;
    await session.openFile('main.cf', 'Postfix main.cf');
  });

  after(async () => session?.close());

  it('completes a parameter and shows its default', async () => {
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('smtpd_tls_auth_onl');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget');
    await widget.locator('.monaco-list-row', { hasText: 'smtpd_tls_auth_only' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.suggest-widget', { hasText: 'default: no' }).first().waitFor({ timeout: 10_000 });
    await shot('01-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+K');
  });

  it('expands a $reference on hover', async () => {
    await editor().click();
    await page.keyboard.press('Control+Home');
    const line = page.locator('.monaco-editor .view-line', { hasText: /^smtpd_banner/ }).first();
    const token = line.locator('span > span', { hasText: /myhostname/ }).first();
    const box = (await token.boundingBox())!;
    await page.mouse.move(box.x + box.width - 6, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Defined in' });
    await hover.first().waitFor({ timeout: 30_000 });
    assert.match(text(await hover.first().innerText()), /smtp\.mail1\.org/);
    await shot('02-hover-reference');
    await page.mouse.move(5, 5);
  });

  it('fixes an unknown parameter with the quick fix', async () => {
    await typeAtEnd('myhostnme = typo.mail1.org');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    const action = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: "Change to 'myhostname'" });
    // The squiggle waited for may be another line's: asked before the typo's diagnostic arrived,
    // Ctrl+. opens a menu without the fix that never updates (once in CI). Close it and ask again.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+.');
      try {
        await action.first().waitFor({ timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt === 4) throw err;
        await page.keyboard.press('Escape');
      }
    }
    await shot('03-quick-fix');
    await action.first().click();
    await page.locator('.monaco-editor .view-line', { hasText: /^myhostname\s=\stypo\.mail1\.org$/ }).first().waitFor({ timeout: 10_000 });
  });

  it('reports an open relay as an error', async () => {
    // Later lines win: the relay list now lets everyone through, and the recipient list lets any
    // client through before its reject_unauth_destination (which keeps smtpd willing to start).
    await typeAtEnd('smtpd_relay_restrictions = permit_mynetworks, permit');
    await typeAtEnd('smtpd_recipient_restrictions = check_client_access static:OK, reject_unauth_destination');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    // A command that only shows the panel (Ctrl+Shift+M toggles it, and once in CI left it hidden).
    await session.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    // The workspace's other problems (the lab's scenario file breaks with this edit too) may push
    // main.cf's rows out of the panel's rendered rows: filter the panel down to the one wanted,
    // in its own filter box rather than wherever the focus is.
    await page.locator('.viewpane-filter-container .viewpane-filter input').first().fill('Open relay');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Open relay' });
    await row.first().waitFor({ timeout: 30_000 });
    assert.match(text(await row.first().innerText()), /reject_unauth_destination/);
    await shot('04-open-relay');
    await page.locator('.viewpane-filter-container .viewpane-filter input').first().fill('');
    await page.keyboard.press('Control+Shift+M');
  });

  it('previews postconf -n beside main.cf and follows the edits', async () => {
    await editor().click();
    await session.runCommand('Mailconf: Preview postconf -n');
    const preview = page.locator('.editor-group-container').nth(1);
    await preview.locator('.view-line', { hasText: /^alias_maps\s=\shash:\/etc\/aliases$/ }).first().waitFor({ timeout: 60_000 });
    await typeAtEnd('biff = yes');
    await preview.locator('.view-line', { hasText: /^biff\s=\syes$/ }).first().waitFor({ timeout: 30_000 });
    await shot('05-postconf-preview');
  });

  it('toggles the one preview between -n and -nx in place, from main.cf', async () => {
    const groups = page.locator('.editor-group-container');
    const preview = groups.nth(1);
    await editor().click();
    await session.runCommand('Mailconf: Toggle postconf -n / -nx in the Preview');
    await preview.locator('.tab', { hasText: 'postconf -nx (main.cf)' }).waitFor({ timeout: 30_000 });
    await preview.locator('.view-line', { hasText: /^smtpd_banner\s=\s/ }).first().waitFor({ timeout: 30_000 });
    // The -n preview makes way for it (its tab closes just after the new one opens).
    await preview.locator('.tab', { hasText: 'postconf -n (main.cf)' }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await groups.count(), 2, 'no third column');
    await shot('06-postconf-toggled');
    await editor().click();
    await session.runCommand('Mailconf: Toggle postconf -n / -nx in the Preview');
    await preview.locator('.tab', { hasText: 'postconf -n (main.cf)' }).waitFor({ timeout: 30_000 });
    assert.equal(await groups.count(), 2, 'no third column');
  });
});

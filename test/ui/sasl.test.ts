// issue 18's "done when", as a person sees it: the lab's tree laid out like /etc (the lab's main.cf
// and master.cf, whose smtpd services run chrooted, the lesson's smtpd.conf) and a saslauthd
// defaults file whose socket folder is outside Postfix's queue directory. Opening that file shows
// the lesson's own warning as an error on -m's folder, pointing at master.cf's chroot column.
// Screenshots go to test-results/ui/sasl-*.png.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startUiSession, UiSession, visibleText as text } from '../support/uiSession';

describe('the SASL side in VS Code in the browser', { timeout: 600_000 }, () => {
  let session: UiSession;

  before(async () => {
    session = await startUiSession((folder) => {
      const etc = join(folder, 'etc');
      mkdirSync(join(etc, 'postfix', 'sasl'), { recursive: true });
      mkdirSync(join(etc, 'default'), { recursive: true });
      copyFileSync(join(folder, 'main.cf'), join(etc, 'postfix', 'main.cf'));
      copyFileSync(join(folder, 'master.cf'), join(etc, 'postfix', 'master.cf'));
      writeFileSync(join(etc, 'postfix', 'sasl', 'smtpd.conf'), 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n');
      writeFileSync(join(etc, 'default', 'saslauthd'), 'START=yes\nMECHANISMS="pam"\nTHREADS=5\nOPTIONS="-c -m /var/run/saslauthd"\n');
    });
  });

  after(async () => session?.close());

  it("warns on the lab's saslauthd file that the socket must be inside Postfix's chroot", async () => {
    const { page } = session;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill('etc/default/saslauthd');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'saslauthd' }).first().click({ timeout: 30_000 });
    await page.locator('#status\\.editor\\.mode', { hasText: 'saslauthd defaults' }).waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'chrooted' });
    await row.first().waitFor({ timeout: 30_000 });
    const message = text(await row.first().innerText());
    assert.match(message, /-m \/var\/spool\/postfix\/var\/run\/saslauthd/);
    // The related information names master.cf's chroot column and smtpd.conf's pwcheck_method.
    const panel = text(await page.locator('.markers-panel').innerText());
    assert.match(panel, /master\.cf/);
    assert.match(panel, /smtpd\.conf/);
    await session.shot('sasl-01-chroot-socket');
  });
});

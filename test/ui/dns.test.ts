// "Check served DNS" as a person uses it: the lab's zone file with its serial raised but never
// reloaded, a real named on loopback serving the old one. The SOA lens offers the check; one click
// shows the results view with the reload finding, and the lens then says "reload needed".
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GOOD_LAB, GOOD_ZONE, LAB_SERIAL } from '../support/dnsLabZones';
import { startNamed, type Named } from '../support/named';
import { requireNamed } from '../support/namedPeer';
import { startUiSession, UiSession, visibleText } from '../support/uiSession';

describe('Check served DNS in the browser', { timeout: 600_000 }, () => {
  const skip = requireNamed();
  let named: Named;
  let session: UiSession;

  before(async () => {
    if (skip) return;
    named = await startNamed(GOOD_LAB);
    session = await startUiSession((folder) => {
      writeFileSync(join(folder, 'mail1.org.zone'), GOOD_ZONE.replace(LAB_SERIAL, String(Number(LAB_SERIAL) + 1)));
      mkdirSync(join(folder, '.vscode'), { recursive: true });
      writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify({ 'mailconf.dns.server': `127.0.0.1:${named.port}` }, null, 2));
    });
  });
  after(async () => {
    await session?.close();
    await named?.stop();
  });

  it('the SOA lens runs the check; the view shows the stale serial and the lens asks for a reload', { skip }, async () => {
    const { page } = session;
    await session.openFile('mail1.org.zone', 'DNS Zone');
    const lens = (text: string) => page.locator('.contentWidgets .codelens-decoration', { hasText: text });
    await lens('Check served serial').first().waitFor({ timeout: 60_000 });
    await session.shot('dns-01-soa-lens');
    await lens('Check served serial').locator('a', { hasText: 'Check served serial' }).first().click();

    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    try {
      await view.locator('tr', { hasText: 'serial-mismatch' }).first().waitFor({ timeout: 60_000 });
    } finally {
      await session.shot('dns-02-results');
    }
    const row = visibleText(await view.locator('tr', { hasText: 'serial-mismatch' }).first().innerText());
    assert.match(row, new RegExp(`The server still serves ${LAB_SERIAL}; the file has ${Number(LAB_SERIAL) + 1}: reload it`));
    assert.match(row, /line 4/);
    const reload = `served serial ${LAB_SERIAL} (reload needed)`;
    // VS Code redraws the lenses of an editor when it is back in focus, as when the person returns to it.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+Home');
    try {
      await lens(reload).first().waitFor({ timeout: 30_000 });
    } finally {
      await session.shot('dns-03-reload-lens');
    }
  });
});

// The session simulator as a person uses it, in English and in Spanish: the ▶ Simulate lens on
// the lab's smtp line of master.cf, Enter through the questions (their defaults are the lab's
// vm25 session to mail2.org), and the results view. It must show smtpd's real answer there,
// `454 4.7.1 <usuario@mail2.org>: Relay access denied`, from defer_unauth_destination in
// smtpd_relay_restrictions, drawn before the port's own recipient list, which it keeps from
// running; the deciding restriction's link opens main.cf at its line. Then "Run All Tests" runs the
// lab's scenario file and one with a wrong expectation from the Testing view. With
// MAILCONF_README_SHOTS=1 the English view is also saved as the README's images/simulator.png.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SHOTS, startUiSession, UiSession, visibleText } from '../support/uiSession';

const TEXT = {
  en: { lens: '▶ Simulate', decided: 'decided', notReached: 'not reached', broken: 'usuario@mail2.org expected accepted, got 454 4.7.1', english: [] as RegExp[] },
  es: { lens: '▶ Simular', decided: 'decide', notReached: 'no se alcanza', broken: 'para usuario@mail2.org se esperaba accepted y se obtuvo 454 4.7.1', english: [/\bnot reached\b/, /\bReception\b/, /\bDelivery\b/, /\bdecided\b/, /\bno decision\b/] },
};
const LAB_MAIN = resolve(__dirname, '../../examples/lab/main.cf');

for (const language of ['en', 'es'] as const) {
  const text = TEXT[language];
  describe(`Session simulator in the browser (${language})`, { timeout: 600_000 }, () => {
    let session: UiSession;

    before(async () => {
      session = await startUiSession((folder) => {
        mkdirSync(join(folder, '.vscode'), { recursive: true });
        writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify({ 'mailconf.docsLanguage': language }, null, 2));
      });
    });
    after(async () => {
      await session?.close();
    });

    it("simulates vm25's session to mail2.org from the smtp lens and shows the relay list deciding", async () => {
      const { page } = session;
      await session.openFile('master.cf', 'Postfix master.cf');
      const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: text.lens });
      await lens.first().waitFor({ timeout: 60_000 });
      // The first smtpd service of the lab's master.cf is smtp, on port 25.
      await lens.first().click();
      // The lens gives the service; questions 2 to 7 start from the lab's vm25 answers.
      for (let n = 2; n <= 7; n++) {
        await page.locator('.quick-input-widget .quick-input-title', { hasText: `(${n}/7)` }).waitFor({ timeout: 30_000 });
        await page.keyboard.press('Enter');
      }

      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const rcpt = view.locator('.stage[data-stage="rcpt"]');
      try {
        await rcpt.locator('.list.decided').waitFor({ timeout: 60_000 });
      } finally {
        await session.shot(`simulate-01-view-${language}`);
      }
      const reply = visibleText(await rcpt.locator('.reply').innerText());
      assert.match(reply, /454 4\.7\.1 <usuario@mail2\.org>: Relay access denied/);
      const decided = rcpt.locator('.list.decided');
      assert.equal(await decided.getAttribute('data-list'), 'smtpd_relay_restrictions');
      assert.match(visibleText(await decided.locator('.list-head').innerText()), new RegExp(text.decided));
      assert.equal(visibleText(await decided.locator('.decisive').innerText()).split(/\s/)[0], 'defer_unauth_destination');
      // The relay list is drawn before the port's recipient list, which it kept from running.
      const lists = await rcpt.locator('.list').evaluateAll((els) => els.map((e) => [e.getAttribute('data-list'), e.getAttribute('data-state')]));
      const relay = lists.findIndex(([name]) => name === 'smtpd_relay_restrictions');
      const recipient = lists.findIndex(([name]) => name === 'smtpd_recipient_restrictions');
      assert.ok(relay >= 0 && recipient > relay, JSON.stringify(lists));
      assert.equal(lists[recipient][1], 'not reached');
      assert.match(visibleText(await rcpt.locator('.list[data-list="smtpd_recipient_restrictions"] .list-head').innerText()), new RegExp(`master\\.cf:\\d+ ${text.notReached}`));
      const body = visibleText(await view.locator('body').innerText());
      for (const english of text.english) assert.doesNotMatch(body, english, 'no English left in the Spanish view');

      // The deciding restriction's link opens main.cf at its line.
      const line = readFileSync(LAB_MAIN, 'utf8').split('\n').findIndex((l) => l.startsWith('smtpd_relay_restrictions')) + 1;
      await decided.locator('.decisive a').click();
      await page.locator('.tab.active', { hasText: 'main.cf' }).waitFor({ timeout: 30_000 });
      await page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`\\b${line}\\b`) }).waitFor({ timeout: 30_000 });
      await session.shot(`simulate-02-line-${language}`);
      if (language === 'en' && process.env.MAILCONF_README_SHOTS === '1') copyFileSync(join(SHOTS, 'simulate-02-line-en.png'), resolve(__dirname, '../../images/simulator.png'));
    });

    it('runs the scenario files from the Testing view: the lab passes, a wrong expectation fails', async () => {
      const { page } = session;
      const wrong = { name: 'vm25 to mail2.org, wrongly expected to be taken', port: 25, client: '192.168.255.200', helo: 'localhost', from: 'usuario@mail1.org', to: ['usuario@mail2.org'], expect: { 'usuario@mail2.org': 'accepted' } };
      writeFileSync(join(session.folder, 'wrong.scenarios.json'), JSON.stringify({ scenarios: [wrong] }, null, 2));
      await session.runCommand('Testing: Focus on Test Explorer View');
      await session.runCommand('Test: Run All Tests');
      const row = (label: string) => page.locator(`.test-explorer .monaco-list-row[aria-label^="${label}"]`);
      try {
        await row('mailflow.scenarios.json (Passed)').waitFor({ timeout: 60_000 });
        await row('wrong.scenarios.json (Failed)').waitFor({ timeout: 30_000 });
        // 7 of the 8 scenarios pass; the failure says why, in the view's language, in Test Results.
        await page.locator('.test-explorer .result-summary', { hasText: '7/8' }).waitFor({ timeout: 30_000 });
        await page.locator('.part.panel', { hasText: text.broken }).first().waitFor({ timeout: 30_000 });
      } finally {
        await session.shot(`simulate-03-testing-${language}`);
      }
    });
  });
}

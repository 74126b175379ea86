// The lesson's one-click port check as a person runs it: "Mailconf: Test SMTP server…" against the
// loopback Postfix + Dovecot lab, answering the prompts, then the results view. Run twice: in
// English, and with mailconf.docsLanguage = es, where every prompt and the results view must be
// Spanish too.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSmtpLab, SmtpLab, LAB_PACKAGES } from '../support/lab/smtpLab';
import { requirePeer } from '../support/peers';
import { startUiSession, UiSession } from '../support/uiSession';

const TEXT = {
  en: { ports: 'Ports of lab', progress: 'Testing SMTP on', password: 'offers AUTH', passes: 'meets the', english: [] as RegExp[] },
  es: { ports: 'Puertos de lab', progress: 'Probando SMTP en', password: 'ofrece AUTH', passes: 'cumple la política', english: [/\bpolicy\b/, /\bmeets the\b/, /\bRe-run\b/, /\bsubject\b/, /\bissuer\b/, /\bport\b/] },
};

for (const language of ['en', 'es'] as const) {
  const text = TEXT[language];
  describe(`SMTP test in the browser (${language})`, { timeout: 600_000 }, () => {
    const skip = requirePeer('dovecot', LAB_PACKAGES) ?? requirePeer('postfix', LAB_PACKAGES);
    let lab: SmtpLab;
    let session: UiSession;

    before(async () => {
      if (skip) return;
      lab = await startSmtpLab();
      session = await startUiSession((folder) => {
        mkdirSync(join(folder, '.vscode'));
        const server = {
          name: 'lab',
          host: lab.host,
          servername: lab.servername,
          ports: [
            { port: lab.ports.smtp, profile: 'mx' },
            { port: lab.ports.smtps, profile: 'smtps' },
            { port: lab.ports.submission, profile: 'submission' },
          ],
          user: lab.user,
          tls: { ca: `${lab.paths.tls}/good.pem` },
        };
        writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify({ 'mailconf.servers': [server], 'mailconf.docsLanguage': language }, null, 2));
      });
    });

    after(async () => {
      await session?.close();
      lab?.stop();
    });

    it('tests the three lab ports and shows each profile passing', { skip }, async () => {
      const { page } = session;
      await session.openFile('master.cf', 'Postfix master.cf');
      await session.runCommand('Mailconf: Test SMTP server…');
      // All three ports are pre-selected.
      await page.locator('.quick-input-widget', { hasText: text.ports }).waitFor();
      await page.keyboard.press('Enter');
      // Progress shows at once; the password is asked when a port reaches AUTH, and nothing after it.
      await page.locator('.notifications-toasts', { hasText: text.progress }).waitFor();
      await page.locator('.quick-input-widget', { hasText: text.password }).waitFor();
      await session.shot(`09-smtp-password-${language}`);
      await page.keyboard.type(lab.password);
      await page.keyboard.press('Enter');

      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      try {
        for (const profile of ['mx', 'smtps', 'submission']) {
          await view.locator('tr', { hasText: profile }).first().waitFor({ timeout: 60_000 });
        }
      } finally {
        await session.shot(`10-smtp-results-${language}`);
      }
      const body = await view.locator('body').innerText();
      for (const port of [lab.ports.smtp, lab.ports.smtps, lab.ports.submission]) assert.match(body, new RegExp(`\\b${port}\\b`));
      assert.doesNotMatch(body, /✖/, 'no stage or expectation failed');
      assert.ok(body.includes(text.passes), `the verdicts read "${text.passes}"`);
      for (const english of text.english) assert.doesNotMatch(body, english, 'no English left in the Spanish view');
      assert.ok(!body.includes(lab.password), 'the password is not shown');
    });
  });
}

// The lesson's one-click port check as a person runs it: "Mailconf: Test SMTP server…" against the
// loopback Postfix + Dovecot lab, answering the prompts, then the results view. Run twice: in
// English, and with mailconf.docsLanguage = es, where every prompt and the results view must be
// Spanish too. And Cancel on the progress notification, against a server that never greets:
// the network run stops at once (the server sees the connection close), well before the probe's
// own 10-second timeout.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
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

describe('SMTP test cancelled in the browser', { timeout: 300_000 }, () => {
  let session: UiSession;
  const silent = createServer();
  const connected: Array<(socket: Socket) => void> = [];
  silent.on('connection', (socket) => {
    socket.on('error', () => {});
    connected.shift()?.(socket);
  });

  before(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    session = await startUiSession((folder) => {
      mkdirSync(join(folder, '.vscode'));
      const server = { name: 'silent', host: '127.0.0.1', ports: [{ port, profile: 'submission' }] };
      writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify({ 'mailconf.servers': [server] }, null, 2));
    });
  });

  after(async () => {
    await session?.close();
    silent.close();
  });

  it('Cancel on the progress stops the network run and closes the notification', async () => {
    const { page } = session;
    const socket = new Promise<Socket>((resolve) => connected.push(resolve));
    await session.openFile('master.cf', 'Postfix master.cf');
    // One server with one port: no question before the run.
    await session.runCommand('Mailconf: Test SMTP server…');
    const toast = page.locator('.notification-toast', { hasText: 'Testing SMTP on' });
    await toast.waitFor();
    // The probe has connected and waits for a banner that never comes.
    const connection = await socket;
    const closed = new Promise<number>((resolve) => connection.once('close', () => resolve(Date.now())));
    await session.shot('11-smtp-cancel-before');
    await toast.getByRole('button', { name: 'Cancel' }).click();
    const clicked = Date.now();
    const closedAt = await closed;
    assert.ok(closedAt - clicked < 5_000, `the connection closed ${closedAt - clicked} ms after Cancel, not at the probe's 10 s timeout`);
    await toast.waitFor({ state: 'detached' });
    await session.shot('12-smtp-cancel-after');
  });
});

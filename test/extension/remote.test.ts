// The remote commands in a real VS Code against our loopback OpenSSH: the server's postconf as a
// read-only document, the compare diff after an edit, the remote check's diagnostics, and a changed
// host key refused with no login. Servers are passed as command arguments, so no picker opens.
import * as assert from 'node:assert/strict';
import { copyFileSync, chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { startSshd, type TestSshd } from '../support/sshd/sshd';
import { EXTENSION_ID, when } from './helpers';

const MAIN_CF = `myhostname = smtp.mail1.org
mydomain = mail1.org
myorigin = $mydomain
inet_interfaces = loopback-only
smtpd_tls_security_level = may
`;

interface CompareShape {
  differences: { name: string; server?: string; local?: string }[];
}

export function remoteSuite(): void {
  describe('Remote servers over SSH', function () {
    this.timeout(60_000);
    let sshd: TestSshd | undefined;
    let args: { server: object; knownHostsFiles: string[] };

    before(async function () {
      const { spawnSync } = await import('node:child_process');
      const available = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'test -x /usr/sbin/sshd && command -v postconf'], { stdio: 'ignore' }).status === 0;
      if (!available) return this.skip();
      sshd = await startSshd();
      // Under /tmp, like the sshd's files: the unprivileged SSH user reads it (see test/support/sshd).
      const conf = mkdtempSync(join('/tmp', 'mailconf-ext-remote-'));
      chmodSync(conf, 0o755);
      writeFileSync(join(conf, 'main.cf'), MAIN_CF, { mode: 0o644 });
      copyFileSync('/etc/postfix/master.cf', join(conf, 'master.cf'));
      chmodSync(join(conf, 'master.cf'), 0o644);
      args = {
        server: { name: 'ssh-lab', host: sshd.host, ports: [25], ssh: { user: sshd.user, port: sshd.port, identityFile: sshd.key }, postfixConfigDir: conf },
        knownHostsFiles: [sshd.knownHosts],
      };
      await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    });

    after(async () => {
      await sshd?.stop();
    });

    it('registers the remote commands', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const id of ['mailconf.remote.postconf', 'mailconf.remote.compare', 'mailconf.remote.check', 'mailconf.remote.openFile', 'mailconf.remote.smtpTest']) {
        assert.ok(all.includes(id), id);
      }
    });

    it('shows the server postconf -n in a read-only document', async () => {
      const r = await vscode.commands.executeCommand<{ uri: string; text: string }>('mailconf.remote.postconf', args);
      assert.ok(r, 'the command returned the document');
      assert.match(r.text, /^myhostname = smtp\.mail1\.org$/m);
      const doc = vscode.window.activeTextEditor?.document;
      assert.equal(doc?.uri.scheme, 'mailconf-remote');
      assert.equal(doc?.getText(), r.text);
    });

    it('compares the edited main.cf with the server: exactly the edited parameter differs', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: MAIN_CF.replace('= may', '= encrypt') });
      await vscode.window.showTextDocument(doc);
      const r = await vscode.commands.executeCommand<CompareShape>('mailconf.remote.compare', args);
      assert.deepEqual(r.differences, [{ name: 'smtpd_tls_security_level', server: 'may', local: 'encrypt' }]);
      await when(vscode.window.tabGroups.onDidChangeTabs, () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff || undefined);
    });

    it('checks the edited main.cf with the server postconf and shows its warnings as diagnostics', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: MAIN_CF + 'myhostnme = typo.example\n' });
      await vscode.window.showTextDocument(doc);
      const r = await vscode.commands.executeCommand<{ count: number }>('mailconf.remote.check', args);
      assert.ok(r.count >= 1);
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'postconf (server)');
      assert.ok(found.some((d) => d.range.start.line === 5 && /unused parameter: myhostnme=typo\.example/.test(d.message)), JSON.stringify(found));
    });

    it("adds the server's SASL problems for the edited main.cf to the same check", async () => {
      const sasl = 'smtpd_sasl_auth_enable = yes\nsmtpd_sasl_type = dovecot\nsmtpd_sasl_path = /nonexistent/mailconf-auth\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: MAIN_CF + sasl });
      await vscode.window.showTextDocument(doc);
      const r = await vscode.commands.executeCommand<{ count: number }>('mailconf.remote.check', args);
      assert.ok(r.count >= 1);
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => String(d.source).startsWith('SASL ('));
      // At smtpd_sasl_path, the line to change, which names the socket the server does not have.
      const pathLine = doc.getText().split('\n').findIndex((l) => l.startsWith('smtpd_sasl_path'));
      assert.ok(found.some((d) => d.code === 'remote-sasl/no-socket' && d.range.start.line === pathLine && d.message.includes('/nonexistent/mailconf-auth')), JSON.stringify(found));
    });

    it('refuses a changed host key without logging in', async () => {
      const changed = join(sshd!.dir, 'ext_changed_known_hosts');
      writeFileSync(changed, `[127.0.0.1]:${sshd!.port} ${sshd!.otherHostKeyLine}\n`);
      const accepted = () => readFileSync(sshd!.log, 'utf8').match(/Accepted /g)?.length ?? 0;
      const before = accepted();
      const r = await vscode.commands.executeCommand('mailconf.remote.postconf', { ...args, knownHostsFiles: [changed] });
      assert.equal(r, undefined);
      assert.equal(accepted(), before);
    });
  });
}

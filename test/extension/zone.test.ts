// DNS zone features in real VS Code on the lab's mail1.org.zone: the lesson's CNAME self-loop,
// the missing-dot quick fix, the SOA serial bump (command and on save), PTR generation, and the
// mailconf.zone settings (inlay hints, origin per file) reaching the server.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsOf, when, workspaceFile } from './helpers';

const ZONE = 'mail1.org.zone';
const SERIAL = 2026112401;

/** What a bump of SERIAL gives today: today's YYYYMMDD01, or nn + 1 on the serial's own day. */
function bumped(): number {
  const now = new Date();
  const stamp = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  return stamp > Math.floor(SERIAL / 100) ? stamp * 100 + 1 : SERIAL + 1;
}

const serialOf = (doc: vscode.TextDocument) => Number(/^\s+(\d+)\s*; serial/m.exec(doc.getText())?.[1]);

async function setZoneSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mailconf.zone').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function inlayLabels(uri: vscode.Uri): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, 100, 0));
  return hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
}

/** Re-asks until `read` answers something truthy: inlay hints change on a refresh VS Code raises no event for. */
async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function zoneSuite(): void {
  describe('DNS zones', () => {
    it("reports the lesson's imap CNAME pointing at itself", async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(ZONE));
      // The client pulls diagnostics for documents shown in a tab.
      await vscode.window.showTextDocument(doc);
      const [d] = await diagnosticsOf(doc.uri, 'cname-loop');
      const line = doc.getText().split('\n').findIndex((l) => /^imap\s+IN\s+CNAME\s+imap\b/.test(l));
      assert.equal(d.range.start.line, line);
      assert.equal(doc.getText(d.range), 'imap');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /alias of itself/);
    });

    it('adds the forgotten trailing dot of an MX target with the quick fix', async () => {
      const content = ['$ORIGIN mail1.org.', '$TTL 1d', '@ IN SOA ns hostmaster 2026112401 3h 1h 1w 1h', '@ IN NS ns', '@ IN MX 10 mail.mail1.org', 'ns IN A 192.168.255.1', 'mail IN A 192.168.255.1', ''].join('\n');
      const doc = await vscode.workspace.openTextDocument({ language: 'dns-zone', content });
      const [d] = await diagnosticsOf(doc.uri, 'missing-trailing-dot');
      assert.equal(doc.getText(d.range), 'mail.mail1.org');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      const fix = actions.find((a) => a.title === 'Add the trailing dot: mail.mail1.org.');
      assert.ok(fix?.edit, 'the quick fix is offered');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), /^@ IN MX 10 mail\.mail1\.org\.$/m);
    });

    it('bumps the SOA serial of the open zone', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(ZONE));
      await vscode.window.showTextDocument(doc);
      assert.equal(serialOf(doc), SERIAL);
      try {
        await vscode.commands.executeCommand('mailconf.zone.bumpSerial');
        assert.equal(serialOf(doc), bumped());
      } finally {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('bumps the serial on save when mailconf.zone.bumpSerialOnSave is on', async () => {
      const file = workspaceFile('bump-on-save.zone');
      const original = (await vscode.workspace.fs.readFile(workspaceFile(ZONE))).toString();
      await vscode.workspace.fs.writeFile(file, Buffer.from(original));
      await setZoneSetting('bumpSerialOnSave', true);
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(file, new vscode.Position(doc.lineCount - 1, 0), 'pop3 IN CNAME mail\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await doc.save());
        assert.equal(serialOf(doc), bumped());
        assert.match((await vscode.workspace.fs.readFile(file)).toString(), new RegExp(`^\\s+${bumped()} ; serial`, 'm'));
      } finally {
        await setZoneSetting('bumpSerialOnSave', undefined);
        await vscode.workspace.fs.delete(file);
      }
    });

    it('generates PTR records for a reverse zone from the A records of mail1.org', async () => {
      const content = ['$ORIGIN 255.168.192.in-addr.arpa.', '$TTL 1d', '@ IN SOA ns.mail1.org. hostmaster.mail1.org. 2026112401 3h 1h 1w 1h', '@ IN NS ns.mail1.org.', ''].join('\n');
      const doc = await vscode.workspace.openTextDocument({ language: 'dns-zone', content });
      await vscode.commands.executeCommand('mailconf.zone.generatePtr', doc.uri, [workspaceFile(ZONE).toString()]);
      await when(vscode.workspace.onDidChangeTextDocument, () => /\bPTR\b/.test(doc.getText()));
      assert.match(doc.getText(), /^1\tIN\tPTR\tns\.mail1\.org\.$/m);
      assert.ok(doc.getText().startsWith(content), 'the records are appended, the zone kept');
    });

    it('shows the FQDN of relative names as inlay hints only when the setting is on', async () => {
      const uri = workspaceFile(ZONE);
      await vscode.workspace.openTextDocument(uri);
      assert.deepEqual(await inlayLabels(uri), []);
      await setZoneSetting('inlayHints', true);
      try {
        const labels = await until(async () => ((await inlayLabels(uri)).includes('.mail1.org.') ? await inlayLabels(uri) : undefined), 'inlay hints');
        assert.ok(labels.includes(' mail1.org.'), 'the @ shows the apex');
      } finally {
        await setZoneSetting('inlayHints', undefined);
      }
    });

    it('takes the origin of a file whose name does not tell it from mailconf.zone.origins', async () => {
      const file = workspaceFile('lab-zone');
      await vscode.workspace.fs.writeFile(file, Buffer.from('$TTL 1d\n@ IN SOA ns hostmaster 1 3h 1h 1w 1h\n@ IN NS ns\nns IN A 192.168.255.1\n'));
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        assert.equal(doc.languageId, 'dns-zone');
        await setZoneSetting('inlayHints', true);
        await setZoneSetting('origins', { 'lab-zone': 'mail1.org.' });
        await until(async () => (await inlayLabels(file)).includes('.mail1.org.'), 'the origin reaches the server');
      } finally {
        await setZoneSetting('origins', undefined);
        await setZoneSetting('inlayHints', undefined);
        await vscode.workspace.fs.delete(file);
      }
    });
  });
}

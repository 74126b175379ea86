import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, EXTENSION_ID, workspaceFile, resolvedCompletion } from './helpers';

export function languageSuite(): void {
  describe('languages and language server', () => {
    it('detects the language of every lab file', async () => {
      const expected: Record<string, string> = {
        'main.cf': 'postfix-main',
        'master.cf': 'postfix-master',
        'mail1.org.zone': 'dns-zone',
        'mail2.org.zone': 'dns-zone',
      };
      for (const [file, language] of Object.entries(expected)) {
        const doc = await vscode.workspace.openTextDocument(workspaceFile(file));
        assert.equal(doc.languageId, language, file);
      }
      await eventually(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive === true, 'the extension activates');
    });

    it('detects a zone file from its first line', async () => {
      const file = workspaceFile('zone-without-extension');
      await vscode.workspace.fs.writeFile(file, Buffer.from('$ORIGIN mail1.org.\n'));
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        assert.equal(doc.languageId, 'dns-zone');
      } finally {
        await vscode.workspace.fs.delete(file);
      }
    });

    it('shows an unknown-parameter diagnostic with a suggestion', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: 'myhostnme = smtp.mail1.org\n' });
      const [d] = await diagnosticsOf(doc.uri, 'unknown-parameter');
      assert.equal(d.range.start.line, 0);
      assert.equal(d.range.end.character, 9);
      assert.match(d.message, /Did you mean 'myhostname'/);
    });

    it('completes a parameter with its default', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: 'smtpd_tls_wr' });
      const item = await resolvedCompletion(doc.uri, new vscode.Position(0, 12), 'smtpd_tls_wrappermode');
      assert.ok(item, 'smtpd_tls_wrappermode is offered');
      assert.match(String(item.detail), /no/);
    });

    it('explains a parameter of the lab main.cf on hover', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('main.cf'));
      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('myhostname'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(line, 2),
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /myhostname/);
      assert.match(text, /postconf\.5\.html#myhostname/);
    });
  });
}

// The optional postconf(5) hover in a real VS Code, from this machine's installed manual: off by
// default, and with mailconf.localManPage on, Postfix's own entry appears below our hover.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceFile } from './helpers';

const MAN_PAGE = '/usr/share/man/man5/postconf.5.gz';

async function hoverText(): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile('main.cf'));
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('recipient_delimiter'));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

export function manPageHoverSuite(): void {
  describe('postconf(5) from the installed manual on hover', function () {
    this.timeout(60_000);
    const settings = () => vscode.workspace.getConfiguration('mailconf');

    before(async function () {
      if (!existsSync(MAN_PAGE)) return this.skip();
      await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    });

    after(async () => {
      await settings().update('localManPage', undefined, vscode.ConfigurationTarget.Global);
    });

    it('is off by default', async () => {
      assert.equal(settings().get('localManPage'), false);
      assert.doesNotMatch(await hoverText(), /postconf\(5\)\*\* —/);
    });

    it('appends the parameter\'s entry of this machine\'s postconf(5) when mailconf.localManPage is on', async () => {
      await settings().update('localManPage', true, vscode.ConfigurationTarget.Global);
      const text = await hoverText();
      assert.match(text, /\*\*postconf\(5\)\*\* — installed on this machine — default:(&nbsp;| )empty/);
      assert.match(text, /```\n[^`]*recipient_delimiter = \+\n/);
      // Our own hover is still there.
      assert.match(text, /manolo\+esto\.no\.sirve|manolo\+/);
    });
  });
}

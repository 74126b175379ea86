// Postfix features in real VS Code on the lab folder: completion with defaults, a $reference
// hover, the unknown-parameter quick fix, the open-relay error and the live postconf preview.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsOf, resolvedCompletion, when, workspaceFile } from './helpers';

const PREVIEW_SCHEME = 'mailconf-postconf';
const previewDoc = (mode: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === PREVIEW_SCHEME && d.uri.path.includes(`postconf -${mode} `));

export function postfixSuite(): void {
  describe('Postfix main.cf and master.cf', () => {
    it('completes parameters of the lab main.cf with their defaults', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('main.cf'));
      const item = await resolvedCompletion(doc.uri, new vscode.Position(3, 0), 'smtpd_tls_auth_only');
      assert.equal(item?.detail, 'default: no');
      // The server sends compact items; the client adds what each inserts.
      assert.equal((item?.insertText as vscode.SnippetString | undefined)?.value, 'smtpd_tls_auth_only = $0');
    });

    it('expands a $reference on hover like postconf -x', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('main.cf'));
      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('smtpd_banner'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 17));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\$myhostname/);
      assert.match(text, /smtp\.mail1\.org/);
    });

    it('fixes an unknown parameter with its near match', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: 'myhostnme = smtp.mail1.org\n' });
      const [d] = await diagnosticsOf(doc.uri, 'unknown-parameter');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      const fix = actions.find((a) => a.title === "Change to 'myhostname'");
      assert.ok(fix?.edit, 'the quick fix is offered');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.getText(), 'myhostname = smtp.mail1.org\n');
    });

    it('reports an open relay as an error', async () => {
      // The relay list lets everyone through and the recipient list lets any client through before
      // its reject_unauth_destination (which keeps smtpd willing to start).
      const content = 'smtpd_relay_restrictions = permit_mynetworks, permit\nsmtpd_recipient_restrictions = check_client_access static:OK, reject_unauth_destination\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content });
      const [d] = await diagnosticsOf(doc.uri, 'open-relay');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /Open relay.*reject_unauth_destination/);
    });

    it('says that smtpd will not start when no list refuses relaying at all', async () => {
      const content = 'smtpd_relay_restrictions = permit_mynetworks\nsmtpd_recipient_restrictions = permit_mynetworks, permit\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content });
      const [d] = await diagnosticsOf(doc.uri, 'smtpd-will-not-start');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /will not start/);
    });

    it('previews postconf -n beside main.cf, live as it is edited, and toggles -nx', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('main.cf'));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('mailconf.postconf.preview');
      const preview = await when(vscode.workspace.onDidOpenTextDocument, () => (previewDoc('n')?.languageId === 'postfix-main' ? previewDoc('n') : undefined));
      assert.match(preview.getText(), /^myhostname = smtp\.mail1\.org$/m);
      // main.cf text, coloured as main.cf, but its findings stay on main.cf itself.
      await diagnosticsOf(doc.uri, 'deprecated-parameter');
      assert.deepEqual(vscode.languages.getDiagnostics(preview.uri), []);

      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('biff = no'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(line, 7, line, 9), 'yes');
      try {
        assert.ok(await vscode.workspace.applyEdit(edit));
        await when(vscode.workspace.onDidChangeTextDocument, () => /^biff = yes$/m.test(previewDoc('n')?.getText() ?? ''));
      } finally {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }

      // Toggling switches the one preview in its own tab, from the preview or from main.cf.
      const previewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === PREVIEW_SCHEME).map((t) => ({ group: g.viewColumn, path: (t.input as vscode.TabInputText).uri.path })));
      const groups = vscode.window.tabGroups.all.length;
      const column = previewTabs()[0].group;
      const shows = (mode: string) => () => {
        const tabs = previewTabs();
        return tabs.length === 1 && tabs[0].path.includes(`postconf -${mode} `) ? tabs : undefined;
      };
      // Focus the preview where it is, as a click on its tab does.
      await vscode.window.showTextDocument(preview, { viewColumn: column, preview: false });
      await vscode.commands.executeCommand('mailconf.postconf.toggleExpand');
      const expanded = await when(vscode.workspace.onDidOpenTextDocument, () => previewDoc('nx'));
      assert.match(expanded.getText(), /^smtpd_banner = smtp\.mail1\.org ESMTP Postfix \(Debian\/GNU\)$/m);
      assert.deepEqual((await when(vscode.window.tabGroups.onDidChangeTabs, shows('nx')))[0].group, column);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('mailconf.postconf.toggleExpand');
      assert.deepEqual((await when(vscode.window.tabGroups.onDidChangeTabs, shows('n')))[0].group, column);
      assert.equal(vscode.window.tabGroups.all.length, groups, 'no new column');
      assert.equal(vscode.window.activeTextEditor?.document, doc, 'main.cf keeps the focus');
    });

    it("keeps main.cf's problems in the Problems panel once it is closed (workspace diagnostics)", async () => {
      const uri = workspaceFile('main.cf');
      const deprecated = () => vscode.languages.getDiagnostics(uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'deprecated-parameter');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
      await diagnosticsOf(uri, 'deprecated-parameter');
      // Earlier tests may have shown it in more than one group: close every tab of it.
      const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      assert.ok(await vscode.window.tabGroups.close(tabs()));
      assert.deepEqual(tabs(), []);
      // Nothing announces that diagnostics stay: watch them over a window longer than the client's
      // 2 s between workspace pulls, then they must be there.
      await new Promise((r) => setTimeout(r, 3000));
      assert.ok(deprecated(), "main.cf's problems are still listed 3 s after it was closed");
    });

    it('previews postconf -M for master.cf', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('master.cf'));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('mailconf.postconf.previewMaster');
      const preview = await when(vscode.workspace.onDidOpenTextDocument, () => (previewDoc('M')?.languageId === 'postfix-master' ? previewDoc('M') : undefined));
      assert.match(preview.getText(), /^smtp {7}inet {2}n {7}- {7}y {7}- {7}- {7}smtpd -o smtpd_sasl_auth_enable=no/m);
    });
  });
}

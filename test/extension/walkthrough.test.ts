// The lab walkthrough's buttons in a real VS Code. Every `command:` link in the steps' descriptions
// (package.nls.json) is run the way the Welcome page runs it, with its URI-encoded JSON arguments,
// while the walkthrough is the active editor, and its effect is checked: an untitled document in the
// right language, the named snippet inserted exactly into the document it belongs in, the
// certificate command typed into a terminal, the postconf preview of the open main.cf opened. The SMTP test
// needs a server to talk to, so it is only checked to be registered and enabled. The steps' media
// pages must resolve to real files once VS Code has substituted the manifest's %keys%.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { type Button, buttonsOf, snippetBody as snippetBodyIn, snippetText } from '../support/walkthroughButtons';
import { EXTENSION_ID, when, workspaceFile } from './helpers';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const nlsKey = (value: string) => /^%(.+)%$/.exec(value)?.[1];

export function walkthroughSuite(): void {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const manifest = readJson(join(ext.extensionPath, 'package.json'));
  const nls: Record<string, string> = readJson(join(ext.extensionPath, 'package.nls.json'));
  const nlsEs: Record<string, string> = readJson(join(ext.extensionPath, 'package.nls.es.json'));
  const steps: Step[] = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === 'lab').steps;
  const buttons = steps.flatMap((s) => buttonsOf(s.id, nls[nlsKey(s.description) ?? ''] ?? s.description));

  const snippetBody = (language: string, name: string) => snippetBodyIn(ext.extensionPath, language, name);

  const newUntitled = async (languageId: string): Promise<vscode.TextEditor> => {
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile', { languageId });
    return when(vscode.window.onDidChangeActiveTextEditor, () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.isUntitled && e.document.languageId === languageId && e.document.getText() === '' ? e : undefined;
    });
  };

  const run = (b: Button) => vscode.commands.executeCommand(b.command, ...b.args);
  /** The Welcome page with the lab walkthrough in front: no text editor is active, as after a click there. */
  const showWalkthrough = async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#lab`, false);
    await when(vscode.window.onDidChangeActiveTextEditor, () => !vscode.window.activeTextEditor || undefined);
  };

  describe('The lab walkthrough', function () {
    this.timeout(60_000);

    before(async () => {
      // A click on a mailconf.* button activates the extension; activating it here does the same.
      await ext.activate();
    });

    afterEach(async () => {
      // Untitled documents would otherwise ask to be saved; the next button starts from a clean window.
      // The Welcome page counts too: each test opens it over the documents it works on.
      const open = () => vscode.window.tabGroups.all.some((g) => g.tabs.length > 0);
      for (let i = 0; i < 20 && open(); i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('has a button on every step, each naming a registered command', async () => {
      assert.deepEqual(steps.map((s) => s.id), ['dns', 'install', 'tls', 'sasl', 'ports', 'checks']);
      for (const s of steps) assert.ok(buttons.some((b) => b.step === s.id), `step ${s.id} has no button`);
      const all = await vscode.commands.getCommands(false);
      for (const b of buttons) assert.ok(all.includes(b.command), `${b.step}: ${b.command}`);
      // The Spanish descriptions offer the same buttons with the same arguments.
      const es = steps.flatMap((s) => buttonsOf(s.id, nlsEs[nlsKey(s.description)!]));
      assert.deepEqual(es.map(({ command, args }) => ({ command, args })), buttons.map(({ command, args }) => ({ command, args })));
    });

    it('completes each step on an event that its own buttons cause', () => {
      // editorLangId is scoped to each editor and never matches in the walkthrough's global
      // context; the client mirrors the active editor's language into mailconf.activeLanguage.
      for (const s of steps) {
        const mine = buttons.filter((b) => b.step === s.id);
        const languages = mine.flatMap((b) => b.args.map((a) => (a as { languageId?: string; langId?: string }).languageId ?? (a as { langId?: string }).langId));
        assert.ok(s.completionEvents?.length, `${s.id} has no completion event`);
        for (const event of s.completionEvents) {
          const command = /^onCommand:(.+)$/.exec(event)?.[1];
          const language = /^onContext:mailconf\.activeLanguage == ([\w-]+)$/.exec(event)?.[1];
          assert.ok(
            (command && mine.some((b) => b.command === command)) || (language && languages.includes(language)),
            `${s.id}: ${event} is not caused by the step's buttons`,
          );
        }
      }
    });

    it('shows each step page in the display language: the media paths resolve to files', () => {
      // ext.packageJSON is the manifest as VS Code read it, after it substituted the %keys%.
      const seen: Step[] = ext.packageJSON.contributes.walkthroughs.find((w: { id: string }) => w.id === 'lab').steps;
      for (const s of seen) {
        const page = s.media.markdown;
        assert.ok(page && !page.startsWith('%'), `${s.id}: media.markdown not substituted: ${page}`);
        assert.ok(existsSync(join(ext.extensionPath, page)), `${s.id}: ${page} does not exist`);
      }
      for (const s of steps) {
        for (const table of [nls, nlsEs]) {
          const page = table[nlsKey(s.media.markdown!) ?? ''] ?? s.media.markdown!;
          assert.ok(existsSync(join(ext.extensionPath, page)), `${s.id}: ${page} does not exist`);
        }
      }
    });

    for (const b of buttons.filter((x) => x.command === 'workbench.action.files.newUntitledFile')) {
      it(`${b.step}: "${b.label}" opens an untitled document in its language`, async () => {
        const { languageId } = b.args[0] as { languageId: string };
        await run(b);
        const doc = vscode.window.activeTextEditor?.document;
        assert.equal(doc?.languageId, languageId);
        assert.ok(doc?.isUntitled);
      });
    }

    for (const b of buttons.filter((x) => x.command === 'mailconf.walkthrough.insertSnippet')) {
      const { langId, name, file } = b.args[0] as { langId: string; name: string; file?: boolean };
      it(`${b.step}: "${b.label}" inserts its snippet into the new ${langId} document, from the Welcome page`, async () => {
        const editor = await newUntitled(langId);
        await showWalkthrough();
        await run(b);
        const expected = snippetText(snippetBody(langId, name));
        assert.ok(expected.trim().length > 0);
        const text = await when(vscode.workspace.onDidChangeTextDocument, () => editor.document.getText() || undefined);
        assert.equal(text, expected);
        assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the document is shown');
      });
      if (file) continue;
      const lab = langId === 'postfix-main' ? 'main.cf' : langId === 'postfix-master' ? 'master.cf' : undefined;
      if (!lab) continue;
      it(`${b.step}: "${b.label}" appends its snippet to the lab's ${lab} when no ${langId} document is open`, async () => {
        const uri = workspaceFile(lab);
        const before = (await vscode.workspace.openTextDocument(uri)).getText();
        await showWalkthrough();
        await run(b);
        const doc = await when(vscode.workspace.onDidChangeTextDocument, () => {
          const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
          return d && d.getText() !== before ? d : undefined;
        });
        const expected = snippetText(snippetBody(langId, name));
        assert.equal(doc.getText(), before.endsWith('\n') ? before + expected : `${before}\n${expected}`);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the lab file is shown');
      });
    }

    for (const b of buttons.filter((x) => x.command === 'workbench.action.terminal.sendSequence')) {
      it(`${b.step}: "${b.label}" types the command into the terminal its step opens, without running it`, async () => {
        const { text } = b.args[0] as { text: string };
        assert.ok(!text.includes('\n') && !text.includes('\r'), 'the sequence must not press Enter for the user');
        // sendSequence types only into an active terminal, so the step opens one with the button before.
        const mine = buttons.slice(0, buttons.indexOf(b)).filter((x) => x.step === b.step);
        assert.equal(mine.at(-1)?.command, 'workbench.action.terminal.new', 'the button before it opens a terminal');
        const before = vscode.window.terminals.length;
        const opened = when(vscode.window.onDidOpenTerminal, () => vscode.window.terminals[before]);
        await run(mine.at(-1)!);
        const terminal = await opened;
        try {
          assert.ok(await terminal.processId, 'the terminal runs a shell');
          await run(b);
          // The terminal's text is not readable through the API; it is read back by selecting it all
          // and copying it, again until the shell has echoed it (no event says when).
          const deadline = Date.now() + 20_000;
          let copied = '';
          while (!copied.includes(text) && Date.now() < deadline) {
            await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
            await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
            copied = await vscode.env.clipboard.readText();
            if (!copied.includes(text)) await new Promise((r) => setTimeout(r, 200));
          }
          assert.ok(copied.includes(text), `the terminal shows ${JSON.stringify(copied.slice(-200))}`);
        } finally {
          terminal.dispose();
        }
      });
    }

    for (const b of buttons.filter((x) => x.command === 'mailconf.postconf.preview')) {
      it(`${b.step}: "${b.label}" opens the postconf -n preview of the open main.cf, from the Welcome page`, async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('main.cf')));
        await showWalkthrough();
        await run(b);
        const preview = await when(vscode.workspace.onDidOpenTextDocument, () =>
          vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'mailconf-postconf' && d.uri.path.includes('postconf -n ')),
        );
        assert.match(preview.getText(), /^myhostname = /m);
      });
    }

    for (const b of buttons.filter((x) => x.command.startsWith('mailconf.smtp.'))) {
      it(`${b.step}: "${b.label}" is registered and enabled (it needs a server, so it is not run)`, async () => {
        assert.ok((await vscode.commands.getCommands(true)).includes(b.command));
        const declared = manifest.contributes.commands.find((c: { command: string }) => c.command === b.command);
        assert.equal(declared?.enablement, 'isWorkspaceTrusted');
        assert.ok(vscode.workspace.isTrusted, 'the test workspace is trusted, so the button is enabled');
      });
    }

    it('runs every button', () => {
      const covered = ['workbench.action.files.newUntitledFile', 'mailconf.walkthrough.insertSnippet', 'workbench.action.terminal.new', 'workbench.action.terminal.sendSequence', 'mailconf.postconf.preview'];
      const left = buttons.filter((b) => !covered.includes(b.command) && !b.command.startsWith('mailconf.smtp.'));
      assert.deepEqual(left, [], 'a button without a test above');
    });
  });
}

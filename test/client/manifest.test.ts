// The extension manifest: everything it names exists, every setting is documented, and commands
// that reach the network or a server are disabled in untrusted workspaces.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGE_IDS } from '../../server/src/languageservice/languages';
import { releaseSeries } from '../../server/src/postfix/releaseFacts';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const nls: Record<string, string> = existsSync(join(ROOT, 'package.nls.json'))
  ? JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'))
  : {};
const localized = (s: string | undefined) => (s && /^%.+%$/.test(s) ? nls[s.slice(1, -1)] : s);

/**
 * Commands that open connections (SMTP, SSH), by their segment (mailconf.smtp.*, mailconf.remote.*,
 * not "msmtp" inside another word); the test fails if one is added without the gate.
 */
const NETWORK_COMMAND = /\.(smtp|remote|ssh)\b|server(?!\.restart)/i;

describe('extension manifest', () => {
  it('targets VS Code 1.91 and later, with the three bundles as entry points', () => {
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['mailconf', 'mailconf-language-server']);
  });

  it('gives every language a grammar and a configuration file that exist', () => {
    for (const lang of contributes.languages) {
      assert.ok(existsSync(join(ROOT, lang.configuration)), `${lang.id}: ${lang.configuration}`);
      const grammar = contributes.grammars.find((g: any) => g.language === lang.id);
      assert.ok(grammar && existsSync(join(ROOT, grammar.path)), `${lang.id} has a grammar`);
      assert.ok(manifest.activationEvents.includes(`onLanguage:${lang.id}`), `${lang.id} activates the extension`);
    }
    for (const id of LANGUAGE_IDS) {
      assert.ok(contributes.languages.some((l: any) => l.id === id), `the server's language ${id} is contributed`);
    }
  });

  it('documents every setting', () => {
    for (const [key, schema] of Object.entries<any>(contributes.configuration.properties)) {
      assert.ok(localized(schema.markdownDescription ?? schema.description), `${key} has a description`);
    }
  });

  it('disables network and remote commands in untrusted workspaces', () => {
    const gated = contributes.commands.filter((c: any) => NETWORK_COMMAND.test(c.command) && c.command !== 'mailconf.restartServer');
    for (const c of gated) assert.match(c.enablement ?? '', /isWorkspaceTrusted/, c.command);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('names every snippet file that exists', () => {
    for (const s of contributes.snippets) assert.ok(existsSync(join(ROOT, s.path)), s.path);
  });

  it('has an icon, a PNG of at least 128 px that the Extensions view and the walkthrough tile show', () => {
    for (const path of [manifest.icon, contributes.walkthroughs.find((w: any) => w.id === 'lab').icon]) {
      const png = readFileSync(join(ROOT, path));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', path);
      assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, `${path} is at least 128x128`);
    }
  });

  it('features the lab walkthrough in workspaces with Postfix or zone files, so its tile shows its description', () => {
    const lab = contributes.walkthroughs.find((w: any) => w.id === 'lab');
    assert.deepEqual(lab.featuredFor, ['main.cf', 'master.cf', '*.zone']);
    assert.ok(localized(lab.description));
  });

  it('offers mailconf.postfixVersion as auto or exactly the release series the generated data covers', () => {
    const setting = contributes.configuration.properties?.['mailconf.postfixVersion'] ?? contributes.configuration.find?.((c: any) => c.properties?.['mailconf.postfixVersion'])?.properties['mailconf.postfixVersion'];
    assert.ok(setting, 'mailconf.postfixVersion is contributed');
    assert.equal(setting.default, 'auto');
    assert.deepEqual(setting.enum, ['auto', ...releaseSeries()]);
  });

  it('wraps long main.cf lines (and the postconf previews, which are main.cf text)', () => {
    assert.equal(contributes.configurationDefaults['[postfix-main]']['editor.wordWrap'], 'on');
  });
});

// What `npm run package` puts into the .vsix: the bundles and the declarative files, nothing of
// the sources, tests, maps or node_modules; and what the extension's main file leaves out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { writePackageReadme } from '../../scripts/packageReadme.mjs';

const ROOT = resolve(__dirname, '../..');

describe('the .vsix contents', () => {
  it('holds only what VS Code loads at run time', () => {
    // As `npm run package` does: the README is the copy without its local screenshots (packageReadme.mjs).
    const readme = writePackageReadme();
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies', '--readme-path', readme], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    for (const needed of ['dist/extension.js', 'dist/ssh.js', 'dist/server.js', 'dist/server/languageServer.js', 'dist/cli.js', 'package.json', readme, 'LICENSE', 'images/icon.png']) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    assert.ok(files.some((f) => f.startsWith('syntaxes/')) && files.some((f) => f.startsWith('snippets/')));
    // One README (VS Code shows whichever it finds first), and no screenshot: the page cannot show them.
    const unwanted = files.filter((f) => f !== readme && (/\.(ts|map)$|^(test|server|client|scripts|bench|examples|node_modules|\.cache)\/|^readme\.md$|^images\/(?!icon\.png$)/i.test(f)));
    assert.deepEqual(unwanted, []);
  });

  // VS Code reads the whole main file before activate() runs (issue 16's activation budget): the
  // SSH side (ssh2, the probe and SASL checks it runs on a server) and the server's message tables
  // are loaded from dist/ssh.js when a remote feature first connects. The development build names
  // each bundled source in a comment, which is what is read here.
  it('keeps ssh2 and the server messages out of the extension main file', () => {
    const modules = (file: string) => new Set([...readFileSync(resolve(ROOT, file), 'utf8').matchAll(/^\/\/ ((?:node_modules|server|client)\/\S+)$/gm)].map((m) => m[1]));
    const main = modules('dist/extension.js');
    const ssh = modules('dist/ssh.js');
    const heavy = (m: string) => m.startsWith('node_modules/ssh2/') || m === 'server/src/l10n/messages.ts' || m === 'server/src/smtp/probe.ts';
    assert.deepEqual([...main].filter(heavy), []);
    assert.ok(ssh.has('node_modules/ssh2/lib/client.js') && ssh.has('server/src/l10n/messages.ts') && ssh.has('server/src/smtp/probe.ts'), 'dist/ssh.js holds them');
    assert.ok(main.has('client/src/remote/index.ts'), 'the remote commands themselves stay in the main file');
  });
});

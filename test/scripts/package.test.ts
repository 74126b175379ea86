// What `npm run package` puts into the .vsix: the three bundles and the declarative files, nothing
// of the sources, tests, maps or node_modules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');

describe('the .vsix contents', () => {
  it('holds only what VS Code loads at run time', () => {
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/server/languageServer.js', 'dist/cli.js', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    assert.ok(files.some((f) => f.startsWith('syntaxes/')) && files.some((f) => f.startsWith('snippets/')));
    const unwanted = files.filter((f) => /\.(ts|map)$|^(test|server|client|scripts|bench|examples|node_modules|\.cache)\//.test(f));
    assert.deepEqual(unwanted, []);
  });
});

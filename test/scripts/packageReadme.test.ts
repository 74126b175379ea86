// The README packaged into the .vsix: the Extensions page shows https: images only, so the copy
// leaves out the screenshots the repository's README shows by relative path, and keeps the rest.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { PACKAGE_README, withoutLocalImages, writePackageReadme } from '../../scripts/packageReadme.mjs';

const ROOT = resolve(__dirname, '../..');

describe('the packaged README', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'mailconf-readme-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('drops an image on a line of its own with that line and the blank line after it', () => {
    assert.equal(withoutLocalImages('Intro.\n\n![A shot](images/shot.png "The lab")\n\nNext.\n'), 'Intro.\n\nNext.\n');
    assert.equal(withoutLocalImages('Intro.\n\n![A shot](./images/shot.png)\n'), 'Intro.\n\n');
  });

  it('drops an image inside a sentence and keeps the sentence', () => {
    assert.equal(withoutLocalImages('See ![dot](data:image/gif;base64,R0lG) here.\n'), 'See  here.\n');
  });

  it('keeps links and https: images', () => {
    const text = '[licence](LICENSE) and ![badge](https://example.org/b.png)\n\n![wide](https://example.org/w.png)\n';
    assert.equal(withoutLocalImages(text), text);
  });

  it('is written under .cache/ from the README beside it', () => {
    writeFileSync(join(scratch, 'README.md'), '# mailconf\n\n![one](images/a.png)\n\nText.\n');
    assert.equal(writePackageReadme(scratch), PACKAGE_README);
    assert.equal(readFileSync(join(scratch, PACKAGE_README), 'utf8'), '# mailconf\n\nText.\n');
  });

  it("keeps all of the repository's README but its local images", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const local = [...readme.matchAll(/!\[[^\]]*\]\((?!https:)[^)]*\)/g)];
    assert.ok(local.length > 0, 'the README shows screenshots');
    const packaged = withoutLocalImages(readme);
    assert.doesNotMatch(packaged, /!\[[^\]]*\]\((?!https:)/);
    const words = (text: string) => text.replace(/!\[[^\]]*\]\([^)]*\)/g, '').split(/\s+/).filter(Boolean);
    assert.deepEqual(words(packaged), words(readme));
  });
});

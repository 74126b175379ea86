// The live preview's text: the postconf emulation over the editor's buffers, compared with the
// real postconf on the same files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { postconfPreviewCommand } from '../../../server/src/commands/postconfPreview';
import { commandContext } from '../../support/commandContext';
import { requirePeer } from '../../support/peers';

const LAB = resolve(__dirname, '../../../examples/lab');
const MAIN = pathToFileURL(`${LAB}/main.cf`).href;
const MASTER = pathToFileURL(`${LAB}/master.cf`).href;
const skip = requirePeer('postconf', ['postfix']);

const preview = (uri: string, mode: string, open?: Record<string, string>) => postconfPreviewCommand.run([{ uri, mode }], commandContext({ open })) as Promise<string>;
const realPostconf = (...args: string[]) =>
  spawnSync('postconf', ['-c', LAB, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } })
    .stdout.split('\n')
    .filter((l) => !l.startsWith('config_directory = '))
    .join('\n');

describe('postconf preview command', () => {
  it('previews postconf -n, -nx and -M of the lab like the real postconf', { skip }, async () => {
    assert.equal(await preview(MAIN, 'n'), realPostconf('-n'));
    assert.equal((await preview(MAIN, 'nx')).replace(/^# .*\n/gm, ''), realPostconf('-nx'));
    assert.equal(await preview(MASTER, 'M'), realPostconf('-M'));
  });
  it('uses the unsaved text of the open main.cf and shows warnings as comments', async () => {
    const text = await preview(MAIN, 'n', { [MAIN]: 'biff = no\nbogus_name = 1\n' });
    assert.match(text, /^biff = no$/m);
    assert.match(text, /^# postconf: warning: \/etc\/postfix\/main\.cf: unused parameter: bogus_name=1$/m);
  });
  it('refuses a request without a URI or with an unknown mode', async () => {
    await assert.rejects(postconfPreviewCommand.run([{}], commandContext()), /Expected \{uri, mode\}/);
    await assert.rejects(preview(MAIN, 'q'), /Unknown preview mode 'q'/);
  });
});

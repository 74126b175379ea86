// The server's postconf(5) over SFTP from the loopback OpenSSH, which is this machine: the text
// must be the same page as the local file, and a server without it gives undefined.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Client } from 'ssh2';
import { manPageEntry, manPageSource } from '../../../server/src/postfix/manPage';
import { connect } from '../../../server/src/ssh/connect';
import { fetchRemoteManPage, POSTCONF_MAN_PAGES } from '../../../server/src/ssh/remoteManPage';
import { requirePeer } from '../../support/peers';
import { keyLogin, SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

describe('manPageSource', () => {
  it('unpacks gzip and passes plain text through', () => {
    const page = '.SH lab_parameter (default: no)\nOur own words.\n';
    assert.equal(manPageSource(gzipSync(page)), page);
    assert.equal(manPageSource(Buffer.from(page)), page);
  });

  it('gives an empty text for a broken archive instead of throwing', () => {
    assert.equal(manPageSource(Buffer.from([0x1f, 0x8b, 1, 2, 3])), '');
  });
});

const skip =
  requirePeer('/usr/sbin/sshd', SSHD_PACKAGES) ?? (existsSync(POSTCONF_MAN_PAGES[0]) ? undefined : `${POSTCONF_MAN_PAGES[0]} is not installed on this machine`);

describe('fetchRemoteManPage over a loopback OpenSSH', { skip }, () => {
  let sshd: TestSshd;
  let client: Client;

  before(async () => {
    sshd = await startSshd();
    client = await connect({ ...keyLogin(sshd), timeoutMs: 10_000 });
  });

  after(async () => {
    client?.end();
    await sshd?.stop();
  });

  it('reads the same postconf(5) as the local file', async () => {
    const remote = await fetchRemoteManPage(client);
    assert.ok(remote, 'the page was read');
    assert.equal(remote, manPageSource(readFileSync(POSTCONF_MAN_PAGES[0])));
    assert.equal(manPageEntry(remote, 'recipient_delimiter')?.heading, 'default: empty');
  });

  it('gives undefined for a server without the page', async () => {
    assert.equal(await fetchRemoteManPage(client, ['/usr/share/man/man5/no-such-page.5.gz']), undefined);
  });
});

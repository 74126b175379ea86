// Postfix's pattern lists as the simulator reads them: the items of a list are read once for
// the sessions that share a files' reader, and read again through another reader; a /file that cannot be
// read leaves the answer uncertain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TableSet } from '../../../../server/src/postfix/simulator/lookupTables';
import { MatchList } from '../../../../server/src/postfix/simulator/matchList';

function countingReader(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    return files[path];
  };
  return { readFile, reads };
}

describe('MatchList', () => {
  const value = 'mail1.org, /etc/postfix/more-domains, !blocked.example';
  const files = { '/etc/postfix/more-domains': 'mail2.org # the second lab domain\nblocked.example\n' };

  it('matches whole names in order, with /file words in place and ! turning a match into no', () => {
    const { readFile } = countingReader(files);
    const list = new MatchList(value, 'string', false, new TableSet(readFile), readFile);
    assert.deepEqual(list.match('MAIL2.org'), { matched: true, item: 'mail2.org', uncertain: undefined });
    assert.equal(list.match('blocked.example').matched, true, 'the file lists it before the negation');
    assert.equal(list.match('other.example').matched, false);
  });

  it('reads a list once for the sessions that share a reader, and again for another reader', () => {
    const first = countingReader(files);
    for (let session = 0; session < 3; session++) new MatchList(value, 'string', false, new TableSet(first.readFile), first.readFile);
    assert.deepEqual(first.reads, ['/etc/postfix/more-domains']);
    const second = countingReader({ '/etc/postfix/more-domains': 'changed.example\n' });
    const list = new MatchList(value, 'string', false, new TableSet(second.readFile), second.readFile);
    assert.deepEqual(second.reads, ['/etc/postfix/more-domains']);
    assert.equal(list.match('changed.example').matched, true);
    assert.equal(list.match('mail2.org').matched, false);
  });

  it('says a match is uncertain when a /file it names cannot be read, and still matches what follows', () => {
    const { readFile } = countingReader({});
    const list = new MatchList('/etc/postfix/mynetworks, 192.0.2.0/24', 'hostOrAddress', false, new TableSet(readFile), readFile);
    assert.deepEqual(list.match('unknown', '198.51.100.1'), { matched: false, uncertain: '/etc/postfix/mynetworks: no such file' });
    assert.equal(list.match('unknown', '192.0.2.7').matched, true);
  });
});

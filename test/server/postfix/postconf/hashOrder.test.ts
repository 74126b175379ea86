import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashOrder } from '../../../../server/src/postfix/postconf/hashOrder';

describe('hashOrder (Postfix hash table walk without randomization)', () => {
  it('lists main.cf names in the order NORANDOMIZE=1 postconf reports them', () => {
    // From `NORANDOMIZE=1 postconf -c DIR -n` on a main.cf setting these 14 unknown names (its
    // "unused parameter" warnings); config_directory is entered first because of -c.
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november'];
    const real = 'bravo alpha golf november mike foxtrot juliet delta echo kilo lima hotel india charlie'.split(' ');
    assert.deepEqual(
      hashOrder(['config_directory', ...names]).filter((n) => n !== 'config_directory'),
      real,
    );
  });

  it('keeps the first position of a name entered twice', () => {
    assert.deepEqual(hashOrder(['a', 'b', 'a']).sort(), ['a', 'b']);
  });
});

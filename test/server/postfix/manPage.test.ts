// Reading one parameter's entry out of a postconf(5) roff page. The conversion rules are shown on a
// small page written for this test; the installed page of this machine's Postfix (read at test
// time, never copied into the repository) shows that every real entry converts cleanly.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { manPageEntry, manPageParameters } from '../../../server/src/postfix/manPage';
import { requirePeer } from '../../support/peers';

const PAGE = [
  '.TH POSTCONF 5',
  '.SH NAME',
  'postconf \\- a test page',
  '.SH DESCRIPTION',
  'Not a parameter.',
  '.SH lab_delimiter (default: +)',
  'Splits \\fBuser\\fR from its',
  'tag, as in user+tag<at>\\fImail1.org\\fR and *stars*.',
  '.PP',
  'Levels:',
  '.IP "\\fBmay\\fR"',
  'Offer it.',
  '.br',
  '.IP "\\fBencrypt\\fR"',
  'Require it; see \\fBpostconf\\fR(1) and a\\-b.',
  '.PP',
  'Example:',
  '.PP',
  '.nf',
  '.na',
  '.ft C',
  'lab_delimiter = \\fB+\\fR',
  '    # kept as written',
  '.fi',
  '.ad',
  '.ft R',
  '.PP',
  'A bold word that goes \\fBon and',
  'on\\fR over a line break.',
  '.SH other_parameter (read\\-only)',
  'Something else.',
  '.SH SEE ALSO',
].join('\n');

describe('manPageEntry on a small page', () => {
  const entry = manPageEntry(PAGE, 'lab_delimiter')!;

  it('finds the parameter sections and only those', () => {
    assert.deepEqual(manPageParameters(PAGE), ['lab_delimiter', 'other_parameter']);
    assert.equal(manPageEntry(PAGE, 'other_parameter')?.heading, 'read-only');
    assert.equal(manPageEntry(PAGE, 'NAME'), undefined);
    assert.equal(manPageEntry(PAGE, 'missing_parameter'), undefined);
  });

  it('keeps the default from the heading', () => {
    assert.equal(entry.name, 'lab_delimiter');
    assert.equal(entry.heading, 'default: +');
  });

  it('turns paragraphs, tagged items, fonts and no-fill blocks into Markdown', () => {
    assert.equal(
      entry.markdown,
      [
        'Splits **user** from its tag, as in user+tag\\<at\\>*mail1.org* and \\*stars\\*.',
        'Levels:',
        '- **may**: Offer it.',
        '- **encrypt**: Require it; see **postconf**(1) and a-b.',
        'Example:',
        '```\nlab_delimiter = +\n    # kept as written\n```',
        'A bold word that goes **on and** **on** over a line break.',
      ].join('\n\n'),
    );
  });

  it('stops at the next section', () => {
    assert.doesNotMatch(entry.markdown, /Something else/);
  });

  it('never throws on odd input and refuses names that are not parameter names', () => {
    for (const roff of ['', '.SH', '.SH x (', '.SH x ()\n.nf\nunclosed', '\\f', '.IP', '.SH a (b)\n\\fB\\fR\n.br\n.br']) {
      assert.doesNotThrow(() => manPageEntry(roff, 'x'));
      assert.doesNotThrow(() => manPageParameters(roff));
    }
    assert.equal(manPageEntry('.SH x ()\n.nf\nunclosed', 'x')?.markdown, '```\nunclosed\n```');
    assert.equal(manPageEntry(PAGE, 'lab.*'), undefined);
  });
});

const MAN_PAGE = '/usr/share/man/man5/postconf.5.gz';
const skip = requirePeer('postconf', ['postfix']) ?? (existsSync(MAN_PAGE) ? undefined : `${MAN_PAGE} is not installed (Debian's postfix-doc or man pages excluded)`);

describe('manPageEntry on the installed postconf(5)', { skip }, () => {
  const roff = skip ? '' : gunzipSync(readFileSync(MAN_PAGE)).toString('utf8');

  it('reads parameter names that this Postfix knows, and documents every Postfix parameter of the lab main.cf', async () => {
    const { execFileSync } = await import('node:child_process');
    const known = new Set(
      execFileSync('postconf', ['-d'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.split('=')[0].trim())
        .filter(Boolean),
    );
    const documented = manPageParameters(roff);
    assert.ok(documented.length > 500, `only ${documented.length} entries`);
    const strange = documented.filter((n) => !known.has(n));
    assert.ok(strange.length < documented.length / 20, `not known to postconf -d: ${strange.join(' ')}`);
    const lab = readFileSync(new URL('../../../examples/lab/main.cf', `file://${__filename}`), 'utf8')
      .split('\n')
      .map((l) => /^([a-z0-9_]+)\s*=/.exec(l)?.[1])
      .filter((n): n is string => !!n);
    assert.ok(lab.length > 10);
    // port25_recipient_restrictions is the lab's own parameter: only Postfix's are documented.
    assert.deepEqual(lab.filter((n) => !documented.includes(n)), ['port25_recipient_restrictions']);
  });

  it('converts every entry to Markdown without roff left in it', () => {
    for (const name of manPageParameters(roff)) {
      const e = manPageEntry(roff, name)!;
      assert.ok(e.markdown.length > 0, name);
      assert.doesNotMatch(e.markdown, /^\.[A-Za-z]{1,2}\b/m, `${name}: a roff request is left`);
      assert.doesNotMatch(e.markdown, /\\f[BIRPC]|\\-/, `${name}: a roff escape is left`);
      assert.equal(e.markdown.split('```').length % 2, 1, `${name}: unbalanced code fence`);
    }
  });

  it('reads recipient_delimiter with its default and its examples', () => {
    const e = manPageEntry(roff, 'recipient_delimiter')!;
    assert.equal(e.heading, 'default: empty');
    assert.match(e.markdown, /recipient\\_delimiter/);
    assert.match(e.markdown, /```\n[^`]*recipient_delimiter = \+\n/);
  });
});

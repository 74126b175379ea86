import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSaslauthdDefaults, parseSaslauthdOptions } from '../../../server/src/parsers/saslauthdDefaults';

const LESSON = `# saslauthd
START=yes
MECHANISMS="pam"
THREADS=5
OPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"
`;

describe('/etc/default/saslauthd parser', () => {
  it('reads the assignments with their values unquoted', () => {
    const tree = parseSaslauthdDefaults(LESSON);
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.assignments.map((a) => [a.name, a.value]), [
      ['START', 'yes'],
      ['MECHANISMS', 'pam'],
      ['THREADS', '5'],
      ['OPTIONS', '-c -m /var/spool/postfix/var/run/saslauthd'],
    ]);
    assert.deepEqual(tree.assignments[1].valueRange, { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } });
  });

  it('keeps the words of the whole line for readers that do not stop at a blank (systemd), up to a comment', () => {
    const [unquoted, quoted] = parseSaslauthdDefaults('FLAGS=-O /etc/x.conf # note\nFLAGS="-r -c"\n').assignments;
    assert.deepEqual(unquoted.words.map((w) => w.text), ['-O']);
    assert.deepEqual(unquoted.lineWords.map((w) => [w.text, w.range.start.character]), [['-O', 6], ['/etc/x.conf', 9]]);
    assert.deepEqual(quoted.lineWords.map((w) => [w.text, w.range.start.character]), [['-r', 7], ['-c', 10]]);
  });

  it("parses OPTIONS' flags with the place of each argument", () => {
    const options = parseSaslauthdDefaults(LESSON).assignments[3];
    const flags = parseSaslauthdOptions(options.words);
    assert.deepEqual(flags.flags.map((f) => [f.letter, f.argument?.text]), [['c', undefined], ['m', '/var/spool/postfix/var/run/saslauthd']]);
    assert.deepEqual(flags.flags[1].range, { start: { line: 4, character: 12 }, end: { line: 4, character: 14 } });
    assert.deepEqual(flags.flags[1].argument!.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 51 } });
  });

  it('reads grouped flags and attached arguments like getopt', () => {
    const tree = parseSaslauthdDefaults("OPTIONS='-cm/run/x -a sasldb -n0 -Z stray -O'\n");
    const flags = parseSaslauthdOptions(tree.assignments[0].words);
    assert.deepEqual(flags.flags.map((f) => [f.letter, f.argument?.text]), [['c', undefined], ['m', '/run/x'], ['a', 'sasldb'], ['n', '0'], ['O', undefined]]);
    assert.deepEqual(flags.flags[1].range, { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } });
    assert.deepEqual(flags.unknown.map((u) => u.letter), ['Z']);
    assert.deepEqual(flags.stray.map((s) => s.text), ['stray']);
    assert.deepEqual(flags.missingArgument.map((f) => f.letter), ['O']);
  });

  it('accepts export, trailing comments, and reports what the shell would not read as an assignment', () => {
    const tree = parseSaslauthdDefaults('export START=yes # on\nSTART = yes\nOPTIONS="-c\n');
    assert.equal(tree.assignments[0].name, 'START');
    assert.equal(tree.comments[0].text, '# on');
    assert.deepEqual(tree.errors.map((e) => [e.code, e.range.start.line]), [['not-an-assignment', 1], ['unclosed-quote', 2]]);
  });

  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('O', '=', ' ', '"', "'", '-', 'm', '\\', '#', '\n', 'x', 'export ') }), (text) => {
        const lines = text.split(/\r\n|\r|\n/);
        const tree = parseSaslauthdDefaults(text);
        const ranges = tree.assignments.flatMap((a) => {
          const o = parseSaslauthdOptions(a.words);
          return [a.range, a.valueRange, ...a.words.map((w) => w.range), ...o.flags.flatMap((f) => [f.range, ...(f.argument ? [f.argument.range] : [])])];
        });
        for (const r of ranges) {
          assert.ok(r.end.character <= lines[r.end.line].length, JSON.stringify(r));
          assert.ok(r.start.character <= r.end.character);
        }
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('master.cf parser', () => {
  it('names the 8 fields and gives each its range', () => {
    const e = parseMasterCf('# service type ...\nsmtp      inet  n       -       y       -       -       smtpd\n').entries[0];
    assert.deepEqual(
      [e.service, e.type, e.private, e.unpriv, e.chroot, e.wakeup, e.maxproc, e.command].map((f) => f!.text),
      ['smtp', 'inet', 'n', '-', 'y', '-', '-', 'smtpd'],
    );
    assert.deepEqual(e.service!.range, r(1, 0, 1, 4));
    assert.deepEqual(e.type!.range, r(1, 10, 1, 14));
    assert.deepEqual(e.command!.range, r(1, 56, 1, 61));
    assert.equal(e.line, 1);
    assert.deepEqual(e.args, []);
  });

  it('joins continuation lines and splits -o name=value with ranges', () => {
    const tree = parseMasterCf('submission inet n - y - - smtpd\n  -o syslog_name=postfix/submission\n  -o smtpd_tls_security_level=encrypt\n');
    const e = tree.entries[0];
    assert.equal(e.options.length, 2);
    const [o1, o2] = e.options;
    assert.deepEqual([o1.name, o1.value, o1.long], ['syslog_name', 'postfix/submission', false]);
    assert.deepEqual(o1.flag.range, r(1, 2, 1, 4));
    assert.deepEqual(o1.nameRange, r(1, 5, 1, 16));
    assert.deepEqual(o1.valueRange, r(1, 17, 1, 35));
    assert.deepEqual(o2.valueRange, r(2, 30, 2, 37));
    assert.deepEqual(e.range, r(0, 0, 2, 37));
    assert.deepEqual(tree.errors, []);
  });

  it('reads the long form -o { name = value } and -oname=value', () => {
    const e = parseMasterCf('x inet n - n - - smtpd\n  -o { smtpd_client_restrictions = permit_mynetworks, reject }\n  -osmtpd_delay_reject=no\n').entries[0];
    const [a, b] = e.options;
    assert.deepEqual([a.long, a.name, a.value], [true, 'smtpd_client_restrictions', 'permit_mynetworks, reject']);
    assert.deepEqual(a.nameRange, r(1, 7, 1, 32));
    assert.deepEqual(a.valueRange, r(1, 35, 1, 60));
    assert.deepEqual([b.long, b.name, b.value], [false, 'smtpd_delay_reject', 'no']);
    assert.deepEqual(b.flag.range, r(2, 2, 2, 4));
    assert.deepEqual(b.nameRange, r(2, 4, 2, 22));
  });

  it('gives -o values their references', () => {
    const o = parseMasterCf('s inet n - n - - smtpd -o a=$b,${c}\n').entries[0].options[0];
    assert.deepEqual(o.references.map((x) => [x.name, x.range]), [
      ['b', r(0, 28, 0, 30)],
      ['c', r(0, 31, 0, 35)],
    ]);
  });

  it('stops reading options at the first argument that is not one', () => {
    const e = parseMasterCf('f unix - n n - 10 pipe\n  flags=Rq argv=/bin/x -o notanoption\n').entries[0];
    assert.equal(e.options.length, 0);
    assert.deepEqual(e.args.map((a) => a.text), ['flags=Rq', 'argv=/bin/x', '-o', 'notanoption']);
  });

  it('keeps {text with blanks} in one field', () => {
    const e = parseMasterCf('f unix - n n - 10 pipe argv=/x {a b} c\n').entries[0];
    assert.deepEqual(e.args.map((a) => a.text), ['argv=/x', '{a b}', 'c']);
    assert.deepEqual(e.args[1].range, r(0, 31, 0, 36));
  });

  it('reports a short entry, -o without a value, -o without =, and unbalanced braces', () => {
    const tree = parseMasterCf('relay unix - - y\na inet n - n - - smtpd -o\nb inet n - n - - smtpd -o foo\nc inet n - n - - smtpd -o {x=1\n');
    assert.deepEqual(
      tree.errors.map((e) => [e.code, e.range]),
      [
        ['field-count', r(0, 0, 0, 16)],
        ['missing-option-value', r(1, 23, 1, 25)],
        ['option-syntax', r(2, 26, 2, 29)],
        ['unbalanced-braces', r(3, 26, 3, 30)],
      ],
    );
  });

  it('ignores a continuation at the start of the file', () => {
    const tree = parseMasterCf('  -o x=y\nsmtp inet n - n - - smtpd\n');
    assert.deepEqual(tree.errors.map((e) => e.code), ['leading-continuation']);
    assert.equal(tree.entries.length, 1);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '-', 'o', '=', ' ', '\n', '#', '{', '}', '$', 'y') }), (text) => {
        parseMasterCf(text);
      }),
      { numRuns: 500 },
    );
  });
});

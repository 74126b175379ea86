// master.cf formatting: postconf -Mf's layout, but never at the cost of what the user wrote. The
// first cases are fuzz findings (test/fuzz/regressions/mastercf/) where { } arguments were lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import { requirePeer } from '../../../support/peers';

let version = 0;
function format(text: string): string {
  const doc = TextDocument.create('file:///etc/postfix/master.cf', 'postfix-master', ++version, text);
  return TextDocument.applyEdits(doc, masterCfService.format!(doc, { tabSize: 4, insertSpaces: true }));
}

/** What the real postconf makes of a master.cf: its -Mf output. */
function postconfMf(master: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-mastercf-format-'));
  try {
    writeFileSync(join(dir, 'main.cf'), '');
    writeFileSync(join(dir, 'master.cf'), master);
    return execFileSync('postconf', ['-c', dir, '-Mf'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAD = 'smtpsmtpd     pass  -       -       y       -       -       smtpd';
const ALIGNED = 'smtpsmtpd  pass  -       -       y       -       -       smtpd';

const PIPE = 'p unix - n n - - pipe flags=DRhu user=vmail argv=/usr/lib/dovecot/deliver -f ${sender} -d ${user}@${nexthop} -a ${original_recipient}\n';
const PIPE_MF =
  'p          unix  -       n       n       -       -       pipe flags=DRhu\n    user=vmail argv=/usr/lib/dovecot/deliver -f ${sender} -d ${user}@${nexthop}\n    -a ${original_recipient}\n';

const HASH = 'smtp unix - - y - - smtp\n  -o smtp_helo_name=$myhostname #\n';

const CASES: Array<[string, string, string]> = [
  ['keeps the braces of -o { name = value }', `${HEAD}\n  -o { content_filter = }\n`, `${ALIGNED}\n    -o { content_filter = }\n`],
  ['keeps braces glued to -o', `${HEAD} -o{a = b c}\n`, `${ALIGNED}\n    -o {a = b c}\n`],
  ['keeps an empty { } argument and nested braces', 'x unix - n n - - pipe\n  flags=R argv=/bin/cat { } {{y}} {a  b}\n', 'x          unix  -       n       n       -       -       pipe flags=R\n    argv=/bin/cat { } {{y}} {a  b}\n'],
  ['still splits -oname=value like postconf', `${HEAD} -v -osmtpd_tls_security_level=may -o x=-y -- -o\n`, `${ALIGNED} -v\n    -o smtpd_tls_security_level=may\n    -o x=-y\n    -- -o\n`],
];

describe('master.cf formatter', () => {
  for (const [what, input, expected] of CASES) {
    it(`${what}, and is idempotent`, () => {
      const once = format(input);
      assert.equal(once, expected);
      assert.equal(format(once), once);
    });
  }

  // The daemon's getopt reads -o's argument to the end of the field; postconf -Mf splits at the
  // last 'o' instead (it prints `-o smtpd_delay_reject=n` and a bare `-o` for the first input).
  // Flags before -o stay in their field: splitting `-vo` would add a character.
  for (const [input, expected] of [
    ['bsmtp unix - n n - - pipe\n  -osmtpd_delay_reject=no\n', 'bsmtp      unix  -       n       n       -       -       pipe\n    -o smtpd_delay_reject=no\n'],
    ['s unix - n n - - smtpd -s -ofoo=bar -vDox=no\n', 's          unix  -       n       n       -       -       smtpd -s -ofoo=bar\n    -vDo x=no\n'],
  ]) {
    it(`splits options the way the daemon reads them: ${JSON.stringify(input)}`, () => {
      const once = format(input);
      assert.equal(once, expected);
      assert.equal(format(once), once);
    });
  }

  it("aligns the column-header comment with the entries it formats, the lab's and Postfix's own", () => {
    const lab = readFileSync(join(__dirname, '../../../../examples/lab/master.cf'), 'utf8');
    const once = format(lab);
    const lines = once.split('\n');
    const header = lines.find((l) => /^# service/.test(l))!;
    const defaults = lines[lines.indexOf(header) + 1];
    const smtp = lines.find((l) => /^smtp +inet/.test(l))!;
    for (const [word, column] of [['type', 'inet'], ['private', 'n'], ['maxproc', '-       smtpd'], ['command', 'smtpd']] as const) {
      assert.equal(header.indexOf(word), smtp.indexOf(` ${column}`) + 1, `${word} above ${column}:\n${header}\n${smtp}`);
    }
    assert.equal(defaults.indexOf('(yes)'), header.indexOf('private'));
    assert.equal(defaults.indexOf('(never)'), header.indexOf('wakeup'));
    assert.equal(defaults.indexOf('(100)'), header.indexOf('maxproc'));
    assert.equal(format(once), once, 'idempotent');
    // Nothing but blanks changes.
    assert.equal(once.replace(/\s+/g, ' '), lab.replace(/\s+/g, ' '));
  });

  it('never starts a line with an argument that begins with #, which Postfix would take for a comment', () => {
    const once = format(HASH);
    assert.equal(once, 'smtp       unix  -       -       y       -       -       smtp\n    -o smtp_helo_name=$myhostname #\n');
    assert.equal(format(once), once);
  });

  it('leaves an entry alone whose braces stay open, even when it has as many } as {', () => {
    const input = 'showq     unix  n       -       y       -       -       showq\n = }{ \n';
    assert.equal(format(input), input);
  });

  it('leaves a line alone whose type column is no service type (a comment glued to the service name)', () => {
    const line = 'smtp## Valid and invalid columns, every -o form, pipe macros and { } arguments.\n';
    assert.equal(format(line), line);
  });

  it('folds other arguments before the 80th column, as postconf -Mf does', () => {
    assert.equal(format(PIPE), PIPE_MF);
  });

  it('means to postconf what the input meant, and prints brace-free entries exactly like postconf -Mf', { skip: requirePeer('postconf', ['postfix']) }, () => {
    // One file each, as postconf takes a while to start.
    const all = [...CASES.map((c) => c[1]), HASH].join('');
    assert.equal(postconfMf(format(all)), postconfMf(all));
    const braceFree = PIPE + CASES[3][1];
    assert.equal(format(braceFree), postconfMf(braceFree));
  });
});

// master.cf: fields, { } grouping and -o options.
import assert from 'node:assert/strict';
import { MasterCfFile, parseMasterCf } from '../../../server/src/parsers/mastercf';
import { normalizeDaemonArgs } from '../../../server/src/postfix/postconf/config';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = ['smtp', 'submission', 'inet', 'unix', 'fifo', 'pass', 'n', '-', 'y', '0', '100', '?', 'smtpd', 'pipe', '-o', '-o ', '-o{', '{', '}', '{ ', ' }', '=', ' = ', '${', '$', '#', 'flags=DRhu', 'argv=/usr/bin/x', '-v', '--', ' ', '\t'];

const standard = standardProperties({
  parser: 'mastercf',
  flavour: { lines: corpus('mastercf').lines, tokens: TOKENS },
  parse: parseMasterCf,
  model: 'lf',
  loneCrAsCrlf: true,
  languageId: 'postfix-master',
  verify: (_text, result) => {
    for (const e of (result as MasterCfFile).entries) {
      for (const f of e.fields) assert.ok(f.start < f.end, `empty field at ${f.start}`);
      assert.ok(e.args.length === Math.max(0, e.fields.length - 8), 'args are not the fields after the eighth');
    }
  },
});

/**
 * The shared formatting property removes JavaScript's \s, which is more than Postfix's blanks (a
 * no-break space is none to Postfix), and cannot see a field split or joined. Here each entry must
 * read back as the same argument vector that postconf builds from it (fields split the Postfix
 * way, -oname=value split, { } unwrapped): the same meaning, not only the same characters.
 */
const meaning = (text: string) =>
  parseMasterCf(text).entries.map((e) => {
    const argv = e.fields.map((f) => f.text);
    if (argv.length >= 8) normalizeDaemonArgs(argv, () => undefined);
    return argv;
  });

export const properties = standard.map((p) =>
  p.name !== 'formatting keeps every token and is idempotent'
    ? p
    : {
        ...p,
        verify: (text: string, r: unknown) => {
          p.verify!(text, r);
          assert.deepEqual(meaning((r as { once: string }).once), meaning(text), 'formatting changed what an entry means to Postfix');
        },
      },
);

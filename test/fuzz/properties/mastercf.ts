// master.cf: fields, { } grouping and -o options.
import assert from 'node:assert/strict';
import { MasterCfFile, parseMasterCf } from '../../../server/src/parsers/mastercf';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = ['smtp', 'submission', 'inet', 'unix', 'fifo', 'pass', 'n', '-', 'y', '0', '100', '?', 'smtpd', 'pipe', '-o', '-o ', '-o{', '{', '}', '{ ', ' }', '=', ' = ', '${', '$', '#', 'flags=DRhu', 'argv=/usr/bin/x', '-v', '--', ' ', '\t'];

export const properties = standardProperties({
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

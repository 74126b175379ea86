// master.cf: fields, { } grouping and -o options.
import assert from 'node:assert/strict';
import { MasterCfFile, parseMasterCf } from '../../../server/src/parsers/mastercf';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = ['smtp', 'submission', 'inet', 'unix', 'fifo', 'pass', 'n', '-', 'y', '0', '100', '?', 'smtpd', 'pipe', '-o', '-o ', '-o{', '{', '}', '{ ', ' }', '=', ' = ', '${', '$', '#', 'flags=DRhu', 'argv=/usr/bin/x', '-v', '--', ' ', '\t'];

/** Letters of the Postfix daemons' getopt string "cdDi:lm:n:o:s:St:uvVz" that take an argument. */
const WITH_ARGUMENT = 'imnost';

/**
 * An entry's fields as its daemon reads them: getopt splits `-vo x=y` into -v, -o and x=y, and
 * `-ox=y` into -o and x=y, so writing either form means the same.
 */
function daemonArgv(fields: string[]): Array<string | undefined> {
  const out: Array<string | undefined> = fields.slice(0, 8);
  let k = 8;
  for (; k < fields.length; k++) {
    const a = fields[k];
    if (a === '--') {
      out.push(a);
      k++;
      break;
    }
    if (a[0] !== '-' || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      out.push('-' + a[j]);
      if (!WITH_ARGUMENT.includes(a[j])) continue;
      out.push(j + 1 < a.length ? a.slice(j + 1) : fields[++k]);
      break;
    }
  }
  return [...out, ...fields.slice(k)];
}

/**
 * The shared formatting property removes JavaScript's \s, which is more than Postfix's blanks (a
 * no-break space is none to Postfix), and cannot see a field split, joined or changed in a way
 * that keeps its characters. Here each entry must mean the same to its daemon: the same fields,
 * split the Postfix way, read as getopt reads them. (Not postconf's own normalisation: it splits
 * `-osmtpd_delay_reject=no` at the last 'o'.)
 */
const meaning = (text: string) => parseMasterCf(text).entries.map((e) => daemonArgv(e.fields.map((f) => f.text)));


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
  formattingKeeps: { of: meaning, message: 'formatting changed what an entry means to Postfix' },
});

// main.cf: the logical-line reader, name = value splitting and the $name references inside values.
import assert from 'node:assert/strict';
import { MainCfFile, parseMainCf } from '../../../server/src/parsers/maincf';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

export const MAINCF_TOKENS = ['=', ' = ', '$', '$$', '${', '}', '$(', ')', '{', '}', '?', ':', '#', ',', ' ', '\t', '${a?{', '}:{', '} == {', '${mydomain}', '$myhostname', 'smtpd_recipient_restrictions', 'inet:127.0.0.1:10023', 'hash:/etc/postfix/', '\\'];

export const properties = standardProperties({
  parser: 'maincf',
  flavour: { lines: corpus('maincf').lines, tokens: MAINCF_TOKENS },
  parse: parseMainCf,
  model: 'lf',
  loneCrAsCrlf: true,
  languageId: 'postfix-main',
  verify: (_text, result) => {
    const f = result as MainCfFile;
    for (const e of f.entries) {
      assert.ok(e.name.length > 0, 'an entry with an empty name');
      for (const r of e.references) assert.ok(r.nameStart <= r.nameEnd && r.start <= r.end, `reference offsets out of order: ${JSON.stringify(r)}`);
    }
  },
});

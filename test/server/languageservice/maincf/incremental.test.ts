// The incremental re-parse must give exactly the tree a full parse gives, whatever the edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseMainCf } from '../../../../server/src/parsers/maincf';
import { reparseMainCf } from '../../../../server/src/languageservice/maincf/incremental';

const LINES = ['biff = no', 'mydestination = a,', '    b,', '', '# comment', '  # indented comment', 'smtpd_banner = $myhostname ${x?{y}:{z}}', 'bad line', '   orphan?', 'x=${', 'y = }', 'relayhost ='];
const file = fc.array(fc.constantFrom(...LINES), { maxLength: 14 }).map((ls) => ls.join('\n') + '\n');
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: fc.array(fc.constantFrom('a', ' ', '\n', '#', '=', '$', '{', '}', ',', '\t'), { maxLength: 5 }).map((cs) => cs.join('')) });

describe('incremental main.cf re-parse', () => {
  it('keeps errors in document order when an edit removes the only orphan line (a case fast-check found)', () => {
    let current = '\n   orphan?\ny = }\nbiff = no\ny = }\ny = }\n';
    let tree = parseMainCf(current);
    for (const [at, ins] of [[current.length, ' $'], [0, 'a']] as const) {
      const next = current.slice(0, at) + ins + current.slice(at);
      tree = reparseMainCf(current, tree, next);
      current = next;
      assert.deepEqual(tree, parseMainCf(current));
    }
  });

  it('equals a full parse after any edit', () => {
    fc.assert(
      fc.property(file, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let current = text;
        let tree = parseMainCf(text);
        for (const e of edits) {
          const at = e.at % (current.length + 1);
          const next = current.slice(0, at) + e.ins + current.slice(Math.min(current.length, at + e.del));
          tree = reparseMainCf(current, tree, next);
          current = next;
          assert.deepEqual(tree, parseMainCf(current));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

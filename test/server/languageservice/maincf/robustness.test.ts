// Whatever the text, every main.cf and master.cf feature answers without throwing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import { pair } from './helpers';

const PIECES = ['smtpd_relay_restrictions = ', 'permit_mynetworks', ', ', 'reject', ' check_client_access ', 'hash:', 'hahs:', '$', '${', '}', '{', '(', ')', '?', ':', '=', '\n', '\n  ', '#', ' -o ', 'smtp inet n - y - - smtpd', 'x', '\t', '\r\n', 'é', '\u{1F600}', 'mynetworks = 0.0.0.0/0', 'smtpd_restriction_classes = c\nc = permit'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('main.cf and master.cf features on any text', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(text, text, fc.nat({ max: 12 }), fc.nat({ max: 80 }), (main, master, line, character) => {
        const p = pair(main, master);
        const pos = { line, character };
        for (const [s, doc] of [
          [mainCfService, p.mainDoc],
          [masterCfService, p.masterDoc],
        ] as const) {
          const ds = s.diagnostics(doc, p.ctx);
          s.completion!(doc, pos, p.ctx);
          s.hover!(doc, pos, p.ctx);
          s.codeActions!(doc, { start: pos, end: pos }, ds, p.ctx);
          s.documentSymbols!(doc);
          s.foldingRanges!(doc);
          s.definition!(doc, pos, p.ctx);
          s.references!(doc, pos, true, p.ctx);
          s.format!(doc, { tabSize: 4, insertSpaces: true });
          try {
            s.prepareRename!(doc, pos, p.ctx);
          } catch (err) {
            assert.match((err as Error).message, /built-in Postfix parameter/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

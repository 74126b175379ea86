// The services of the lab's other files answer every request on any text without throwing, and
// their ranges stay inside the document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serviceFor } from '../../../server/src/languageservice/languages';
import type { ServiceContext } from '../../../server/src/languageservice/service';

const ctx: ServiceContext = { locale: 'es', workspace: { readText: (uri) => (uri.endsWith('/passwd') ? 'root:x:0:0::/:/bin/sh\n' : undefined) } };
const CASES = [
  ['postfix-aliases', 'file:///etc/aliases'],
  ['postfix-map', 'file:///etc/postfix/sender_access'],
  ['msmtprc', 'file:///home/u/.msmtprc'],
] as const;
const unit = fc.constantFrom('a', 'Z', '_', ':', ',', '"', ' ', '\t', '\n', '\r\n', '#', '|', '/', '@', 'account ', 'defaults', 'REJECT', 'OK ', '550', 'é', '😀');

describe('lab file services on arbitrary text', () => {
  for (const [language, uri] of CASES) {
    it(`${language}: diagnostics, completion, hover and symbols never throw`, () => {
      const service = serviceFor(language)!;
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 60 }), fc.nat(), (text, at) => {
          const doc = TextDocument.create(uri, language, 1, text);
          const lines = text.split(/\r\n|\r|\n/);
          for (const d of service.diagnostics(doc, ctx)) {
            assert.ok(d.range.end.line < lines.length && d.range.end.character <= lines[d.range.end.line].length, JSON.stringify(d));
            assert.ok(typeof d.code === 'string' && d.code.includes('/'));
          }
          const pos = doc.positionAt(at % (text.length + 1));
          service.completion?.(doc, pos, ctx);
          service.hover?.(doc, pos, ctx);
          service.documentSymbols?.(doc);
        }),
        { numRuns: 300 },
      );
    });
  }
});

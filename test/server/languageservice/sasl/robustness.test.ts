// Property test: the Dovecot, Cyrus smtpd.conf and saslauthd services, and the cross-checks that
// read all of them with main.cf and master.cf, never throw on any text and keep every range inside
// the document, for diagnostics, completion and hover at any position.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { serviceFor } from '../../../../server/src/languageservice/languages';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const PIECES = [
  'service auth {\n', '  unix_listener /var/spool/postfix/private/auth {\n', '    mode = 0660\n', '    user = postfix\n', '}\n', '}', '{', '"', "'", '\\\n',
  '!include conf.d/*.conf\n', '!include_try ', '<', '$', '#', ' ', '\t', '\n', '=', 'auth_mechanisms = plain login\n', 'disable_plaintext_auth = no\n',
  'pwcheck_method: saslauthd\n', 'mech_list: PLAIN LOGIN\n', ':', 'saslauthd_path: /var/run/saslauthd/mux\n',
  'START=yes\n', 'OPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n', '-m', '-', 'export ',
  'smtpd_sasl_type = dovecot\n', 'smtpd_sasl_path = private/auth\n', 'smtpd_sasl_auth_enable = yes\n', 'smtpd_sasl_security_options = noplaintext\n',
  'smtp inet n - y - - smtpd\n', '  -o smtpd_sasl_auth_enable=yes\n', 'é', '\r\n', 'x',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

const ROOT = 'file:///fz/etc/';
const FILES: [string, string][] = [
  [`${ROOT}postfix/main.cf`, 'postfix-main'],
  [`${ROOT}postfix/master.cf`, 'postfix-master'],
  [`${ROOT}postfix/sasl/smtpd.conf`, 'cyrus-sasl'],
  [`${ROOT}default/saslauthd`, 'saslauthd'],
  [`${ROOT}dovecot/dovecot.conf`, 'dovecot'],
  [`${ROOT}dovecot/conf.d/10-master.conf`, 'dovecot'],
];

function within(r: Range, lines: string[]): void {
  assert.ok(r.start.line <= r.end.line && r.end.line < lines.length, JSON.stringify(r));
  assert.ok(r.start.line < r.end.line || r.start.character <= r.end.character, JSON.stringify(r));
  assert.ok(r.end.character <= lines[r.end.line].length, JSON.stringify(r));
}

describe('SASL-side services on any text', () => {
  it('never throw and keep ranges inside each document', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: FILES.length, maxLength: FILES.length }), fc.nat(), fc.nat(), (texts, l, c) => {
        const tree = new Map(FILES.map(([uri], i) => [uri, texts[i]]));
        const ctx: ServiceContext = {
          locale: 'es',
          workspace: {
            readText: (uri) => tree.get(uri),
            listFiles: (folder) => [...tree.keys()].filter((u) => u.startsWith(folder) && !u.slice(folder.length).includes('/')).map((u) => u.slice(folder.length)),
          },
        };
        FILES.forEach(([uri, language], i) => {
          const doc = TextDocument.create(uri, language, 1, texts[i]);
          const lines = texts[i].split(/\r\n|\r|\n/);
          const service = serviceFor(language)!;
          for (const d of service.diagnostics(doc, ctx)) {
            if (d.relatedInformation?.some((r) => r.location.uri !== uri)) continue;
            within(d.range, lines);
          }
          const line = l % lines.length;
          const pos = { line, character: c % (lines[line].length + 1) };
          service.completion?.(doc, pos, ctx);
          const hover = service.hover?.(doc, pos, ctx);
          if (hover?.range) within(hover.range, lines);
          service.documentSymbols?.(doc);
        });
      }),
      { numRuns: 300 },
    );
  });
});

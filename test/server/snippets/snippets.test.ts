// Every snippet the extension contributes, inserted with its defaults into an empty document of
// its language, must leave that language's analyses without errors. Fragments that only make
// sense inside a bigger file (the DNS records of a zone) are inserted after that file's base
// snippet, as a user would. The test is generic over serviceFor(language), so it gets stricter
// as each language's diagnostics grow.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { serviceFor } from '../../../server/src/languageservice/languages';
import type { ServiceContext } from '../../../server/src/languageservice/service';
import { expandSnippet } from './expand';

const ROOT = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Snippet {
  prefix: string;
  description: string;
  body: string | string[];
}

/** Snippets that are records of a zone, inserted after the zone skeleton. */
const INSIDE: Record<string, string> = {
  'SPF record': 'Mail domain zone',
  'DKIM record': 'Mail domain zone',
  'DMARC record': 'Mail domain zone',
  'MTA-STS records': 'Mail domain zone',
  'TLSRPT record': 'Mail domain zone',
};

/** A file name for each language, for analyses that look at the name (access maps, passwd beside aliases). */
const URI: Record<string, string> = {
  'postfix-main': 'file:///lab/etc/postfix/main.cf',
  'postfix-master': 'file:///lab/etc/postfix/master.cf',
  'dns-zone': 'file:///lab/mail1.org.zone',
  'postfix-aliases': 'file:///lab/etc/aliases',
  msmtprc: 'file:///lab/home/usuario/.msmtprc',
  dovecot: 'file:///lab/etc/dovecot/conf.d/10-master.conf',
  'cyrus-sasl': 'file:///lab/etc/postfix/sasl/smtpd.conf',
  saslauthd: 'file:///lab/etc/default/saslauthd',
};

const mainCfSnippets: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, 'snippets/postfix-main.json'), 'utf8'));
const masterCfSnippets: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, 'snippets/postfix-master.json'), 'utf8'));

/** The lab's other files, beside the snippet's document, built from the snippets themselves:
 * main.cf and master.cf are analysed together (master.cf's smtp service uses main.cf's
 * port25_recipient_restrictions), and aliases are checked against the system's users. */
const LAB_FILES: Record<string, string> = {
  'file:///lab/etc/passwd': 'root:x:0:0::/root:/bin/sh\nusuario:x:1000:1000::/home/usuario:/bin/sh\n',
  'file:///lab/etc/postfix/main.cf': ['Internet Site base', 'TLS block', 'Dovecot SASL block', 'Recipient restrictions per port']
    .map((n) => expandSnippet(mainCfSnippets[n].body).text)
    .join('\n'),
  'file:///lab/etc/postfix/master.cf': ['smtp service for MTAs (25)', '465 as submissions', 'submission service (587)']
    .map((n) => expandSnippet(masterCfSnippets[n].body).text)
    .join('\n'),
};

const ctx: ServiceContext = { locale: 'en', workspace: { readText: (uri) => LAB_FILES[uri] } };

const contributions: { language: string; path: string }[] = manifest.contributes?.snippets ?? [];

describe('snippets', () => {
  it('every snippet file is contributed for a language', () => {
    const { readdirSync } = require('node:fs') as typeof import('node:fs');
    const files = readdirSync(join(ROOT, 'snippets')).filter((f) => f.endsWith('.json'));
    const contributed = new Set(contributions.map((c) => c.path.replace(/^\.\//, '')));
    for (const f of files) assert.ok(contributed.has(`snippets/${f}`), `snippets/${f} is not in package.json contributes.snippets`);
  });

  for (const { language, path } of contributions) {
    const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
    describe(`${language} (${path})`, () => {
      it('has unique prefixes, a description and tab stops in every snippet', () => {
        const prefixes = new Set<string>();
        for (const [name, s] of Object.entries(snippets)) {
          assert.ok(s.prefix && !prefixes.has(s.prefix), `${name}: missing or repeated prefix`);
          prefixes.add(s.prefix);
          assert.ok(s.description && s.description.length > 15, `${name}: needs a description`);
          const { tabStops } = expandSnippet(s.body);
          assert.ok([...tabStops].some((n) => n > 0), `${name}: no tab stop to fill in`);
          assert.ok(tabStops.has(0), `${name}: no final $0`);
        }
      });

      for (const [name, s] of Object.entries(snippets)) {
        it(`"${name}" inserted with its defaults has no errors`, () => {
          const base = INSIDE[name] ? expandSnippet(snippets[INSIDE[name]].body).text : '';
          const text = base + expandSnippet(s.body).text;
          assert.doesNotMatch(text, /\$\{|\$\d/, 'a placeholder was left unexpanded');
          const service = serviceFor(language);
          if (!service) return; // a language of VS Code itself: nothing to analyse
          const doc = TextDocument.create(URI[language] ?? `untitled:${language}`, language, 1, text);
          const errors = service.diagnostics(doc, ctx).filter((d) => d.severity === DiagnosticSeverity.Error);
          assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), [], `errors in:\n${text}`);
        });
      }
    });
  }
});

describe('snippet expansion', () => {
  it('uses defaults, first choices and mirrors, and unescapes dollars', () => {
    assert.equal(expandSnippet(['a ${1:x} $1 ${2|p,q|}', '\\$ORIGIN ${3:${1}.} $0']).text, 'a x x p\n$ORIGIN x. ');
  });
  it('refuses an unescaped variable', () => {
    assert.throws(() => expandSnippet('$mydomain'), /variable/);
  });
});

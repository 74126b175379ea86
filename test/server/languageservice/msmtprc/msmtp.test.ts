// The real msmtp as an oracle: it stops at the first configuration error and names its line. Our
// first error must be on that line, and a file msmtp accepts must have no error from us.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { msmtprcService } from '../../../../server/src/languageservice/msmtprc';
import { requirePeer } from '../../../support/peers';
import { expandSnippet } from '../../snippets/expand';

const skip = requirePeer('msmtp', ['msmtp']);
const dir = mkdtempSync(join(tmpdir(), 'mailconf-msmtp-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The zero-based line of msmtp's configuration error, or undefined when it accepts the file. */
function msmtpErrorLine(text: string): number | undefined {
  const file = join(dir, 'msmtprc');
  writeFileSync(file, text);
  chmodSync(file, 0o600); // msmtp refuses a config with a password readable by others
  // --pretend prints the configuration and sends nothing; no network is touched.
  const r = spawnSync('msmtp', ['-C', file, '--pretend'], { encoding: 'utf8', input: '', env: { ...process.env, HOME: dir } });
  const m = /: line (\d+): /.exec(r.stderr);
  return m ? Number(m[1]) - 1 : undefined;
}

function ourErrorLine(text: string): number | undefined {
  const doc = TextDocument.create('file:///home/u/.msmtprc', 'msmtprc', 1, text);
  const errors = msmtprcService.diagnostics(doc, { locale: 'en', workspace: { readText: () => undefined } }).filter((d) => d.severity === DiagnosticSeverity.Error);
  return errors.length ? Math.min(...errors.map((d) => d.range.start.line)) : undefined;
}

const LESSON = `defaults
   logfile ~/.msmtp.log
   syslog on
   tls on
   tls_certcheck off
   from usuario@mail1.org
   host smtp.mail1.org
   user usuario
   maildomain mail1.org

account vm25
   auth plain
   tls_starttls on

account default: vm25
`;

const CASES: Record<string, string> = {
  'the lesson file': LESSON,
  'the three lab accounts': 'account vm25\n port 25\n auth off\naccount vm465\n port 465\n auth on\n tls_starttls off\naccount vm587 : vm25\n port 587\n auth on\naccount default : vm587\n',
  'a misspelt command': 'account a\n host h\n tls_startls on\n',
  'a choice in capitals': 'account a\n host h\n auth PLAIN\n',
  'auth yes': 'defaults\n auth yes\naccount a\n host h\n',
  'a default account defined too early': 'account default: a\naccount a\n host h\n',
  'an undefined parent': 'account a\n host h\naccount default: vm52\n',
  'an account defined twice': 'account a\n host h\naccount a\n host g\n',
  'an account without a name': 'defaults\naccount\n host h\n',
  'host without a value': 'account a\n host\n',
  'port out of range': 'account a\n host h\n port 99999\n',
  'timeout zero': 'account a\n host h\n timeout 0\n',
  'timeout off': 'account a\n host h\n timeout off\n',
  'bad dsn_notify': 'account a\n host h\n dsn_notify maybe\n',
  'good dsn_notify': 'account a\n host h\n dsn_notify failure,delay\n',
  'set_date_header on': 'account a\n host h\n set_date_header on\n',
  'on/off commands written alone': 'account a\n host h\n tls\n tls_starttls\n auth\n remove_bcc_headers\n set_from_header\n syslog\n',
  'allow_from_override alone': 'account a\n host h\n allow_from_override\n',
  'old commands': 'account a\n host h\n tls_nocertcheck\n keepbcc on\n ntlmdomain x\n',
  'settings before any account': 'host h\naccount a\n port 25\n',
  'an unclosed quote': 'account a\n host h\n password "x y\n',
};

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '../../../../snippets/msmtprc.json'), 'utf8')) as Record<string, { body: string[] }>;
for (const [name, s] of Object.entries(SNIPPETS)) CASES[`the snippet "${name}"`] = expandSnippet(s.body).text;

describe('msmtp agrees with our msmtprc errors', { skip }, () => {
  it('accepts the snippets as inserted', () => {
    for (const [name, s] of Object.entries(SNIPPETS)) assert.equal(msmtpErrorLine(expandSnippet(s.body).text), undefined, name);
  });

  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => assert.equal(ourErrorLine(text), msmtpErrorLine(text)));
  }
});

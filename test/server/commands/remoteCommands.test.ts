// The server commands behind "Compare main.cf with server" and "Check this main.cf on the server":
// given what the server's postconf printed, they produce the diff's two sides and the diagnostics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SERVER_COMMANDS } from '../../../server/src/commands';
import type { CompareResult } from '../../../server/src/commands/remoteCompare';
import type { FileDiagnostics } from '../../../server/src/commands/remoteFindings';
import { commandContext } from '../../support/commandContext';

const MAIN = 'file:///lab/main.cf';
const MASTER = 'file:///lab/master.cf';
const SERVER_N = 'config_directory = /etc/postfix\nmydomain = mail1.org\nmyhostname = smtp.mail1.org\nsmtpd_tls_security_level = may\n';

const context = (main: string, master?: string) => commandContext({ open: { [MAIN]: main }, readText: (uri) => (uri === MASTER ? master : undefined) });
const command = (id: string) => SERVER_COMMANDS.find((c) => c.id === id)!;

describe('mailconf.lsp.remote.compare', () => {
  it('shows exactly the edited parameter as a difference, on identically normalised sides', async () => {
    const edited = 'myhostname = smtp.mail1.org\nmydomain  =  mail1.org\nsmtpd_tls_security_level = encrypt\n';
    const r = (await command('mailconf.lsp.remote.compare').run([{ uri: MAIN, serverOutput: SERVER_N }], context(edited))) as CompareResult;
    assert.deepEqual(r.differences, [{ name: 'smtpd_tls_security_level', server: 'may', local: 'encrypt' }]);
    assert.equal(r.server, 'mydomain = mail1.org\nmyhostname = smtp.mail1.org\nsmtpd_tls_security_level = may\n');
    assert.equal(r.local, 'mydomain = mail1.org\nmyhostname = smtp.mail1.org\nsmtpd_tls_security_level = encrypt\n');
  });

  it('refuses malformed arguments with a message', async () => {
    await assert.rejects(command('mailconf.lsp.remote.compare').run([{ uri: MAIN }], context('')), /serverOutput/);
  });
});

describe('mailconf.lsp.remote.findings', () => {
  it('turns the server postconf warnings into diagnostics on main.cf and master.cf', async () => {
    const dir = '/tmp/mailconf-remotecheck-00aa';
    const stderr = `/usr/sbin/postconf: warning: ${dir}/main.cf: unused parameter: myhostnme=x\n/usr/sbin/postconf: warning: ${dir}/master.cf: unused parameter: bogus_x=1\n`;
    const r = (await command('mailconf.lsp.remote.findings').run(
      [{ uri: MAIN, stderr, dir }],
      context('myhostname = a\nmyhostnme = x\n', 'smtp inet n - y - - smtpd\n  -o bogus_x=1\n'),
    )) as FileDiagnostics[];
    assert.deepEqual(
      r.map((f) => [f.uri, f.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message, d.source])]),
      [
        [MAIN, [[1, 0, 'main.cf: unused parameter: myhostnme=x', 'postconf (server)']]],
        [MASTER, [[1, 5, 'master.cf: unused parameter: bogus_x=1', 'postconf (server)']]],
      ],
    );
  });

  it('gives an empty list for a clean check, so old diagnostics are cleared', async () => {
    const r = (await command('mailconf.lsp.remote.findings').run([{ uri: MAIN, stderr: '', dir: '/tmp/x' }], context('a = b\n'))) as FileDiagnostics[];
    assert.deepEqual(r, [{ uri: MAIN, diagnostics: [] }]);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { saslauthdService } from '../../../../server/src/languageservice/saslauthd';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { requirePeer } from '../../../support/peers';

const ctx = (locale: 'en' | 'es' = 'en'): ServiceContext => ({ locale, workspace: { readText: () => undefined } });
const doc = (text: string) => TextDocument.create('file:///lab/default/saslauthd', 'saslauthd', 1, text);
const codes = (text: string) => saslauthdService.diagnostics(doc(text), ctx()).map((d) => [d.code, d.range.start.line, d.range.start.character]);

const LESSON = 'START=yes\nDESC="SASL Authentication Daemon"\nNAME="saslauthd"\nMECHANISMS="pam"\nMECH_OPTIONS=""\nTHREADS=5\nOPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n';

describe('/etc/default/saslauthd language service', () => {
  it("accepts the lesson's file", () => {
    assert.deepEqual(codes(LESSON), []);
  });

  it('warns that saslauthd does not start without START=yes', () => {
    assert.deepEqual(codes(LESSON.replace('START=yes', 'START=no')), [['saslauthd/not-started', 0, 6]]);
    assert.deepEqual(codes(LESSON.replace('START=yes\n', '')), [['saslauthd/not-started', 0, 0]]);
  });

  it('reads OPTIONS like the init script and saslauthd do', () => {
    assert.deepEqual(codes('START=yes\nOPTIONS="-c"\n'), [['saslauthd/no-socket-dir', 1, 8]]);
    assert.deepEqual(codes('START=yes\nOPTIONS="-c -d -m run/x -q"\n'), [
      ['saslauthd/unknown-flag', 1, 24],
      ['saslauthd/debug-flag', 1, 12],
      ['saslauthd/relative-dir', 1, 18],
    ]);
    assert.deepEqual(codes('START=yes\nMECHANISMS="pan"\nOPTIONS="-m /run/x -a pam"\n'), [
      ['saslauthd/unknown-mechanism', 1, 11],
      ['saslauthd/mechanism-twice', 2, 19],
    ]);
  });

  it('says saslauthd takes the first of several MECHANISMS, as the real saslauthd does', { skip: requirePeer('saslauthd', ['sasl2-bin']), timeout: 20_000 }, async () => {
    const ds = saslauthdService.diagnostics(doc('START=yes\nMECHANISMS="pam shadow sasldb"\nOPTIONS="-c -m /run/x"\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['saslauthd/one-mechanism', 2]]);
    assert.match(String(ds[0].message), /'pam'; it ignores 'shadow sasldb'/);
    assert.deepEqual(codes('START=yes\nMECHANISMS="pan shadow"\nOPTIONS="-c -m /run/x"\n').map(([c]) => c), ['saslauthd/unknown-mechanism']);
    // The init script's command line, in the foreground (-d): saslauthd prints the mechanism it runs.
    const dir = mkdtempSync(join(tmpdir(), 'saslauthd-mech-'));
    // Its own process group: on SIGTERM saslauthd signals its whole group, which would be ours.
    const daemon = spawn('saslauthd', ['-d', '-a', 'pam', 'shadow', 'sasldb', '-c', '-m', dir, '-n', '1'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const mech = await new Promise<string>((done, fail) => {
        let text = '';
        const read = (b: Buffer) => {
          text += b.toString();
          const m = /auth_mech\s*:\s*(\S+)/.exec(text);
          if (m) done(m[1]);
        };
        daemon.stdout.on('data', read);
        daemon.stderr.on('data', read);
        daemon.on('exit', () => fail(new Error(`saslauthd exited: ${text}`)));
      });
      assert.equal(mech, 'pam');
    } finally {
      daemon.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads Red Hat's /etc/sysconfig/saslauthd as its unit does: -m $SOCKETDIR -a $MECH $FLAGS, no START", () => {
    const rh = (text: string) => TextDocument.create('file:///etc/sysconfig/saslauthd', 'saslauthd', 1, text);
    const rhCodes = (text: string) => saslauthdService.diagnostics(rh(text), ctx()).map((d) => [d.code, d.range.start.line, d.range.start.character]);
    assert.deepEqual(rhCodes('SOCKETDIR=/run/saslauthd\nMECH=pam\nFLAGS=\n'), []);
    assert.deepEqual(rhCodes('MECH="pam shadow"\nFLAGS="-r -q"\nSTART=yes\n'), [
      ['saslauthd/unknown-variable', 2, 0],
      ['saslauthd/one-mechanism', 0, 5],
      ['saslauthd/unknown-flag', 1, 10],
      ['saslauthd/no-socket-dir', 0, 0],
    ]);
    // The unit reads the rest of the line, blanks and all, as systemd does (a shell would not).
    assert.deepEqual(rhCodes('SOCKETDIR=/run/saslauthd\nMECH=ldap\nFLAGS=-O /etc/saslauthd.conf\n'), []);
    // Outside sysconfig/, the variables tell: these are Red Hat's alone.
    assert.deepEqual(codes('SOCKETDIR=/run/saslauthd\nMECH=rimap\nFLAGS="-r -O localhost"\n'), []);
    const hover = saslauthdService.hover!(rh('SOCKETDIR=/run/saslauthd\nFLAGS="-c"\n'), { line: 1, character: 8 }, ctx());
    assert.match(JSON.stringify(hover), /\*\*-c\*\*/);
    const names = saslauthdService.completion!(rh('SO'), { line: 0, character: 2 }, ctx()).map((c) => c.label);
    assert.deepEqual(names.sort(), ['DAEMONOPTS', 'FLAGS', 'MECH', 'SOCKETDIR']);
  });

  it("reads Gentoo's and Arch's /etc/conf.d/saslauthd: every flag in SASLAUTHD_OPTS, started by the service manager", () => {
    const confd = (text: string) => saslauthdService.diagnostics(TextDocument.create('file:///etc/conf.d/saslauthd', 'saslauthd', 1, text), ctx()).map((d) => [d.code, d.range.start.character]);
    assert.deepEqual(confd('SASLAUTHD_OPTS="${SASLAUTH_MECH} -a pam -r"\n'), []);
    assert.deepEqual(confd('SASLAUTHD_OPTS="-a pam -q"\nOPTIONS="-c"\n'), [['saslauthd/unknown-variable', 0], ['saslauthd/unknown-flag', 23]]);
    // Found by its variable anywhere else.
    assert.deepEqual(codes('SASLAUTHD_OPTS="-a shadow -m /var/spool/postfix/var/run/saslauthd"\n'), []);
  });

  it('hovers flags inside OPTIONS and completes variables, in both languages', () => {
    const hover = saslauthdService.hover!(doc(LESSON), { line: 6, character: 13 }, ctx('es'));
    assert.match(JSON.stringify(hover), /\*\*-m\*\*.*enjaulado/);
    const names = saslauthdService.completion!(doc('ST'), { line: 0, character: 2 }, ctx()).map((c) => c.label);
    assert.ok(names.includes('START') && names.includes('OPTIONS'));
    const flags = saslauthdService.completion!(doc('OPTIONS="-c -'), { line: 0, character: 13 }, ctx('es'));
    assert.ok(flags.some((c) => c.label === '-m' && /socket/.test(String(c.documentation))));
    assert.deepEqual(saslauthdService.completion!(doc('OPTIONS="-c x'), { line: 0, character: 13 }, ctx()), []);
  });
});

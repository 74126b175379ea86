// The committed knowledge base against the real Postfix on this machine. When Postfix is upgraded
// (or the data is edited by hand), these fail and say to run `npm run gen:postfix`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generatedCapabilities, generatedParameters } from '../../../server/src/postfix/generatedData';
import { allMasterDaemons, serviceParameterDefaults } from '../../../server/src/postfix/masterDaemons';
import { isBuiltinParameter } from '../../../server/src/postfix/parameters';
import { requirePeer } from '../../support/peers';

const skip = requirePeer('postconf', ['postfix']);
const DATA = resolve(__dirname, '../../../server/src/postfix/data');
const REGENERATE = 'the committed data is stale: run `npm run gen:postfix` and commit server/src/postfix/data';

let dir: string;

/** The generator needs new namespaces; where a container forbids them, the other tests still compare the defaults. */
const cannotUnshare = spawnSync('unshare', ['-run', 'true']).status === 0 ? undefined : 'unshare -run is not permitted here';

function postconf(...args: string[]): string {
  const r = spawnSync('postconf', [...args, '-c', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  assert.equal(r.status, 0, `postconf ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function parse(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const at = line.indexOf(' =');
    out.set(line.slice(0, at), line.slice(at + 3));
  }
  return out;
}

describe('the generated data matches the installed Postfix', { skip }, () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postfix-data-'));
    // No master.cf: only built-ins. meta_directory here: no dynamicmaps.cf, so no plugin map types.
    writeFileSync(join(dir, 'main.cf'), `meta_directory = ${dir}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has the same Postfix version', () => {
    assert.equal(generatedParameters().postfix, parse(postconf('-d', 'mail_version')).get('mail_version'), REGENERATE);
  });

  it('has every built-in parameter and no other', () => {
    const installed = [...parse(postconf('-d')).keys()];
    assert.ok(installed.length > 800, `only ${installed.length} parameters from postconf -d`);
    assert.deepEqual(Object.keys(generatedParameters().parameters).sort(), installed.sort(), REGENERATE);
  });

  it('has the default of every stable built-in byte for byte', () => {
    const data = generatedParameters();
    const installed = parse(postconf('-d'));
    const differing: string[] = [];
    let compared = 0;
    for (const [name, value] of installed) {
      if (data.hostDependent.includes(name)) continue;
      compared++;
      if (data.parameters[name]?.default !== value) differing.push(`${name}: committed ${JSON.stringify(data.parameters[name]?.default)}, installed ${JSON.stringify(value)}`);
    }
    assert.deepEqual(differing, [], REGENERATE);
    assert.ok(compared > 800, `compared only ${compared}`);
  });

  it('marks exactly the host-dependent parameters the reference names', () => {
    assert.deepEqual(generatedParameters().hostDependent, ['mydomain', 'myhostname', 'mynetworks', 'process_id']);
  });

  it('has the built-in map types and the SASL types', () => {
    const lines = (s: string) => s.split('\n').filter(Boolean);
    assert.deepEqual(generatedCapabilities().mapTypes, lines(postconf('-m')), REGENERATE);
    assert.deepEqual(generatedCapabilities().saslServerTypes, lines(postconf('-a')), REGENERATE);
    assert.deepEqual(generatedCapabilities().saslClientTypes, lines(postconf('-A')), REGENERATE);
  });

  it('predicts the per-service parameters postconf derives from a master.cf', () => {
    const services: Array<[string, string]> = [['relay', 'smtp'], ['dovecot', 'pipe'], ['local', 'local'], ['policy', 'spawn'], ['submission', 'smtpd']];
    writeFileSync(join(dir, 'master.cf'), services.map(([s, cmd]) => `${s} unix - - n - - ${cmd}\n`).join(''));
    try {
      const all = parse(postconf('-d'));
      const extra = new Map([...all].filter(([name]) => !isBuiltinParameter(name)));
      const predicted = new Map(services.flatMap(([s, cmd]) => [...serviceParameterDefaults(s, cmd, isBuiltinParameter)]));
      assert.deepEqual(new Map([...predicted].sort()), new Map([...extra].sort()));
      assert.ok(predicted.has('dovecot_time_limit') && predicted.has('relay_destination_concurrency_limit'));
      assert.ok(!predicted.has('local_destination_concurrency_limit'), 'a built-in name must not be generated again');
    } finally {
      rmSync(join(dir, 'master.cf'));
    }
  });

  it('lists as master.cf daemons exactly the service programs in daemon_directory', () => {
    const daemonDir = postconf('-dh', 'daemon_directory').trim();
    const notServices = new Set(['master', 'post-install', 'postfix-script', 'postfix-tls-script', 'postfix-wrapper', 'postmulti-script', 'fsstone']);
    const programs = readdirSync(daemonDir).filter((f) => !notServices.has(f) && statSync(join(daemonDir, f)).mode & 0o111);
    assert.deepEqual(allMasterDaemons().map((d) => d.command).sort(), programs.sort());
  });

  it('is exactly what the generator writes today (versions and time units included)', { skip: cannotUnshare }, () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-postfix-out-'));
    try {
      const r = spawnSync(process.execPath, [join(DATA, 'generate.mjs'), '--out', out], { encoding: 'utf8' });
      assert.equal(r.status, 0, `the generator failed: ${r.stderr}`);
      for (const file of ['parameters.json', 'capabilities.json']) {
        assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(DATA, file), 'utf8'), `${file}: ${REGENERATE}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

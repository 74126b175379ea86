// Our verdict against the real named-checkzone (BIND 9.18, -i local) on every fixture zone: BIND
// rejects a zone exactly when we report an error of the kind BIND rejects, and on the line BIND
// names. BIND runs in a network namespace of its own (unshare -n) so it can never do lookups.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { zoneService } from '../../../../server/src/languageservice/zone';
import { BIND_REJECTS } from '../../../../server/src/languageservice/zone/findings';
import { requirePeer } from '../../../support/peers';
import { ctx, FIXTURES, fixtureDoc } from './helpers';

const skip = requirePeer('named-checkzone', ['bind9-utils']) ?? (spawnSync('unshare', ['-n', 'true']).status !== 0 ? 'unshare -n is not permitted here' : undefined);

interface BindVerdict {
  ok: boolean;
  /** 1-based lines BIND names in its error messages (warnings excluded). */
  lines: number[];
  output: string;
}

function runBind(file: string): BindVerdict {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const zone = /^\$ORIGIN\s+(\S+)/m.exec(text)?.[1] ?? 'example.org.';
  const r = spawnSync('unshare', ['-n', 'named-checkzone', '-i', 'local', zone, file], { cwd: FIXTURES, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const lines: number[] = [];
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of output.split('\n')) {
    if (/warning:|ignoring out-of-zone|using SOA MINTTL|check-names|does not end with newline/.test(line)) continue;
    const m = new RegExp(`(?:^|\\s)${escaped}:(\\d+):`).exec(line);
    if (m) lines.push(Number(m[1]));
  }
  return { ok: r.status === 0 && /^OK$/m.test(output), lines, output };
}

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.zone')).sort();

describe('named-checkzone agreement', { skip }, () => {
  it('has at least 30 fixture zones', () => {
    assert.ok(fixtures.length >= 30, `only ${fixtures.length} fixtures`);
  });

  for (const file of fixtures) {
    it(file, () => {
      const bind = runBind(file);
      const ours = zoneService
        .diagnostics(fixtureDoc(file), ctx)
        .filter((d) => d.severity === DiagnosticSeverity.Error && BIND_REJECTS.has(String(d.code)));
      const shown = ours.map((d) => `${d.range.start.line + 1}: [${d.code}] ${d.message}`).join('\n');
      assert.equal(ours.length === 0, bind.ok, `BIND says ${bind.ok ? 'OK' : 'rejected'}:\n${bind.output}\nwe report:\n${shown || '(nothing)'}`);
      if (!bind.ok && bind.lines.length > 0) {
        const ourLines = new Set(ours.map((d) => d.range.start.line + 1));
        assert.ok(ourLines.has(bind.lines[0]), `BIND names line ${bind.lines[0]}:\n${bind.output}\nwe report:\n${shown}`);
      }
    });
  }
});

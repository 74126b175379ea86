// The real postalias and postmap as oracles: the lines they refuse are exactly the lines we
// report as errors, and the duplicates they warn about are the ones we warn about.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { serviceFor } from '../../../../server/src/languageservice/languages';
import { requirePeer } from '../../../support/peers';

const skip = requirePeer('/usr/sbin/postalias', ['postfix']) ?? requirePeer('/usr/sbin/postmap', ['postfix']);
const dir = mkdtempSync(join(tmpdir(), 'mailconf-postalias-'));
// An empty main.cf, so that the tools need nothing from /etc/postfix.
writeFileSync(join(dir, 'main.cf'), '');
after(() => rmSync(dir, { recursive: true, force: true }));

interface Verdict {
  refusedLines: number[];
  duplicates: string[];
}

/** Runs postalias/postmap on the text and reads its warnings back as zero-based lines and keys. */
function oracle(tool: 'postalias' | 'postmap', name: string, text: string): Verdict {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync(`/usr/sbin/${tool}`, ['-c', dir, `hash:${file}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = text.split('\n');
  const refusedLines: number[] = [];
  const duplicates: string[] = [];
  for (const w of r.stderr.split('\n')) {
    const numbered = /, line (\d+): (?:need name:value pair|expected format)/.exec(w);
    if (numbered) refusedLines.push(Number(numbered[1]) - 1);
    const leading = /logical line must not start with whitespace: "(.*)"$/.exec(w);
    if (leading) refusedLines.push(lines.indexOf(leading[1]));
    const dup = /duplicate entry: "(.*)"$/.exec(w);
    if (dup) duplicates.push(dup[1]);
  }
  return { refusedLines: refusedLines.sort((a, b) => a - b), duplicates: duplicates.sort() };
}

function ours(language: string, name: string, text: string): Verdict {
  const doc = TextDocument.create(`file://${join(dir, name)}`, language, 1, text);
  const ds = serviceFor(language)!.diagnostics(doc, { locale: 'en', workspace: { readText: () => undefined } });
  return {
    refusedLines: ds.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.range.start.line).sort((a, b) => a - b),
    duplicates: ds
      .filter((d) => /duplicate/.test(String(d.code)))
      .map((d) => doc.getText(d.range).toLowerCase())
      .sort(),
  };
}

const ALIASES: Record<string, string> = {
  lesson: 'postmaster:    root\nroot:    usuario\nmailadmin:    root\n',
  broken: '  lead: x\n:noname\nx:\nnocolon root\nok: a\n',
  continued: 'staff: ana,\n  luis\nempty:\n  stray\n',
  duplicates: 'root: a\nRoot: b\nother: c\nroot: d\n',
  tolerated: 'bad: a,,b\nq: "|prog\ny: ,\nz :  a\n"quoted name": root\n',
};

const MAPS: Record<string, string> = {
  transport: 'mail2.org   smtp:[192.168.255.129]\n# comment\n.mail2.org smtp:[192.168.255.129]\n',
  broken: '  lead value\nk\tv\nlonely\nk2 \nkey\n  continued value\n',
  duplicates: 'Spam.example REJECT\nspam.example OK\nx 1\nX 2\n',
};

describe('postalias and postmap agree with our diagnostics', { skip }, () => {
  for (const [name, text] of Object.entries(ALIASES)) {
    it(`aliases: ${name}`, () => assert.deepEqual(ours('postfix-aliases', `aliases-${name}`, text), oracle('postalias', `aliases-${name}`, text)));
  }
  for (const [name, text] of Object.entries(MAPS)) {
    it(`lookup table: ${name}`, () => assert.deepEqual(ours('postfix-map', `map-${name}`, text), oracle('postmap', `map-${name}`, text)));
  }
});

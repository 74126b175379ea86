// The postconf emulation on fuzzed main.cf/master.cf pairs, in the modes the editor and the CLI
// use: it must answer (output or a postconf-style fatal error), never throw.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { postconf, PostconfOptions } from '../../../server/src/postfix/postconf';
import { document } from '../arbitraries';
import { corpus } from '../corpus';
import { FuzzProperty } from '../property';
import { MAINCF_TOKENS } from './maincf';

const MASTER_TOKENS = ['smtp', 'inet', 'unix', 'n', '-', 'y', '0', 'smtpd', '-o', '{', '}', '=', '${', '$', '#', ' ', '\t'];

const MODES: Array<Omit<PostconfOptions, 'configDir'>> = [
  { nonDefault: true },
  { nonDefault: true, expand: true },
  { expand: true, names: ['myhostname', 'relayhost', 'mydestination'] },
  { masterEntries: true },
  { masterFields: true },
  { masterParams: true, expand: true },
  { masterEntries: true, fold: true, names: ['smtp/inet'] },
];

type Input = [string | undefined, string | undefined, number];

const arbitrary: fc.Arbitrary<Input> = fc.tuple(
  fc.option(document({ lines: corpus('maincf').lines, tokens: MAINCF_TOKENS }, 40), { freq: 20 }).map((v) => v ?? undefined),
  fc.option(document({ lines: corpus('mastercf').lines, tokens: MASTER_TOKENS }, 20), { freq: 20 }).map((v) => v ?? undefined),
  fc.nat({ max: MODES.length - 1 }),
);

export const properties: FuzzProperty<Input>[] = [
  {
    parser: 'postconf',
    name: 'emulation answers every main.cf/master.cf pair in every mode',
    arbitrary,
    share: 0.3,
    // A fuzz run gives it the full count: ~0.3 ms an input since split_nameval stopped
    // backtracking (100,000 inputs in well under a minute).
    fullRunShare: 1,
    run: ([mainCf, masterCf, mode]) => postconf({ mainCf, masterCf }, { ...MODES[mode], configDir: '/fuzz', host: { hostname: 'mail1.example.org' } }),
    verify: (_input, r) => {
      const res = r as ReturnType<typeof postconf>;
      assert.ok(res.exitCode === 0 || res.exitCode === 1, `exit code ${res.exitCode}`);
      if (res.exitCode === 1) assert.match(res.stderr, /postconf: fatal: /);
      assert.equal(typeof res.stdout, 'string');
    },
    size: ([a, b]) => Buffer.byteLength((a ?? '') + (b ?? '')),
  },
];

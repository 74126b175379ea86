// SPF, DMARC and DKIM record-data validators: TXT text in, problems out.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDkim } from '../../../server/src/zone/dkim';
import { checkDmarc } from '../../../server/src/zone/dmarc';
import { checkSpf } from '../../../server/src/zone/spf';
import { junk } from '../arbitraries';
import { txtCorpus } from '../corpus';
import { byteLength, FuzzProperty } from '../property';

interface Validator {
  parser: string;
  check(text: string): Array<{ code: string; severity: string; message: string }>;
  seeds: string[];
  tokens: string[];
}

const B64 = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';

const VALIDATORS: Validator[] = [
  {
    parser: 'spf',
    check: checkSpf,
    seeds: [...txtCorpus(/v=spf1/i), 'v=spf1 mx -all'],
    tokens: ['v=spf1', ' ', 'ip4:', 'ip6:', 'a', 'mx', 'ptr', 'include:', 'exists:', 'redirect=', 'exp=', '-all', '~all', '?all', '+all', '/24', '//64', '%{i}', '%{ir}.', '%%', '%', 'example.org', '192.0.2.0', '2001:db8::', ':', '='],
  },
  {
    parser: 'dmarc',
    check: checkDmarc,
    seeds: [...txtCorpus(/v=DMARC1/i), 'v=DMARC1; p=none'],
    tokens: ['v=DMARC1', ';', ' ', 'p=', 'sp=', 'np=', 'adkim=', 'aspf=', 'pct=', 'ri=', 'fo=', 'rf=', 'rua=', 'ruf=', 'none', 'reject', 'quarantine', 'mailto:d@example.org', '!10m', ',', ':', '=', 's', 'r', '100'],
  },
  {
    parser: 'dkim',
    check: checkDkim,
    seeds: [...txtCorpus(/v=DKIM1|p=MI/i), `v=DKIM1; k=rsa; p=${B64}`],
    tokens: ['v=DKIM1', ';', ' ', 'k=', 'rsa', 'ed25519', 'h=', 'sha1', 'sha256', 't=', 'y', 's', 's=', 'email', '*', 'p=', B64, 'AAAA', '=', '==', '+/', ':'],
  },
];

function text(v: Validator): fc.Arbitrary<string> {
  const piece = fc.oneof({ arbitrary: fc.constantFrom(...v.tokens), weight: 10 }, { arbitrary: junk, weight: 1 }, { arbitrary: fc.base64String({ maxLength: 400 }), weight: 1 });
  const soup = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const mutated = fc.tuple(fc.constantFrom(...v.seeds), fc.nat(), fc.nat({ max: 5 }), piece).map(([s, at, cut, ins]) => {
    const p = at % (s.length + 1);
    return s.slice(0, p) + ins + s.slice(p + cut);
  });
  return fc.oneof(soup, mutated, fc.constantFrom(...v.seeds));
}

function verify(_text: string, result: unknown): void {
  assert.ok(Array.isArray(result), 'a validator must return a list of problems');
  for (const p of result as Array<Record<string, unknown>>) {
    assert.ok(typeof p.code === 'string' && typeof p.message === 'string' && p.message.length > 0, `malformed problem ${JSON.stringify(p)}`);
    assert.ok(['error', 'warning', 'info'].includes(p.severity as string), `bad severity ${String(p.severity)}`);
  }
}

export const properties: FuzzProperty[] = VALIDATORS.flatMap((v) => {
  const t = text(v);
  const big = fc.tuple(t, fc.integer({ min: 16, max: 64 })).map(([s, kb]) => (s || 'x').repeat(Math.ceil((kb * 1024) / Math.max(1, s.length))).slice(0, kb * 1024));
  return [
    { parser: v.parser, name: 'no exception, well-formed problems', arbitrary: t, run: v.check, verify, size: byteLength },
    { parser: v.parser, name: 'linear time on 16-64 KB records', arbitrary: big, run: v.check, verify, size: byteLength, share: 0.002 },
  ];
});

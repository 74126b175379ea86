import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkDkim, rsaModulusBits } from '../../../server/src/zone/dkim';
import { checkDmarc } from '../../../server/src/zone/dmarc';
import { checkMtaSts, checkTlsa, checkTlsRpt } from '../../../server/src/zone/policies';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

function rsaKey(bits: number, type: 'spki' | 'pkcs1' = 'spki'): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return (publicKey.export({ type, format: 'der' }) as Buffer).toString('base64');
}

describe('DMARC (RFC 7489)', () => {
  it('accepts a full record', () => assert.deepEqual(codes(checkDmarc('v=DMARC1; p=quarantine; sp=reject; rua=mailto:a@example.org,mailto:b@example.net!10m; ruf=mailto:f@example.org; adkim=s; aspf=r; pct=50; fo=0:d; ri=86400')), []));
  it('needs v=DMARC1 first', () => {
    assert.deepEqual(codes(checkDmarc('p=none; v=DMARC1')), ['dmarc-version']);
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none')), []);
  });
  it('needs p=', () => assert.deepEqual(codes(checkDmarc('v=DMARC1; rua=mailto:a@example.org')), ['dmarc-no-policy']));
  it('checks tag values', () => {
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=block')), ['dmarc-bad-value']);
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; pct=101')), ['dmarc-bad-value']);
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; adkim=x')), ['dmarc-bad-value']);
  });
  it('requires mailto: report URIs', () => {
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; rua=a@example.org')), ['dmarc-bad-uri']);
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; rua=mailto:a@example.org')), []);
  });
  it('warns about unknown and duplicate tags', () => {
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; foo=bar')), ['dmarc-unknown-tag']);
    assert.deepEqual(codes(checkDmarc('v=DMARC1; p=none; p=reject')), ['dmarc-duplicate-tag']);
  });
});

describe('DKIM (RFC 6376)', () => {
  it('reports the RSA key length of a 2048-bit key and nothing else', () => {
    const ps = checkDkim(`v=DKIM1; k=rsa; p=${rsaKey(2048)}`);
    assert.deepEqual(codes(ps), ['dkim-key-length']);
    assert.match(ps[0].message, /2048 bits/);
  });
  it('flags RSA keys under 1024 bits', () => {
    assert.deepEqual(codes(checkDkim(`v=DKIM1; p=${rsaKey(512)}`)), ['dkim-weak-key']);
    assert.deepEqual(codes(checkDkim(`v=DKIM1; p=${rsaKey(1024)}`)), ['dkim-key-length']);
  });
  it('reads bare PKCS#1 keys too', () => {
    assert.equal(rsaModulusBits(Buffer.from(rsaKey(1024, 'pkcs1'), 'base64')), 1024);
  });
  it('accepts a key with folding whitespace (strings split in the zone)', () => {
    const key = rsaKey(1024);
    assert.deepEqual(codes(checkDkim(`v=DKIM1; p=${key.slice(0, 100)} ${key.slice(100)}`)), ['dkim-key-length']);
  });
  it('rejects bad base64 and missing p=', () => {
    assert.deepEqual(codes(checkDkim('v=DKIM1; p=abc!')), ['dkim-bad-key']);
    assert.deepEqual(codes(checkDkim('v=DKIM1; k=rsa')), ['dkim-no-key']);
  });
  it('checks v first, k, h and t', () => {
    const key = rsaKey(1024);
    assert.deepEqual(codes(checkDkim(`k=rsa; v=DKIM1; p=${key}`)), ['dkim-version', 'dkim-key-length']);
    // A key of a type verifiers do not know is unusable whatever its bytes: one finding, on k=.
    assert.deepEqual(codes(checkDkim(`v=DKIM1; k=dsa; p=${key}`)), ['dkim-bad-value']);
    assert.deepEqual(codes(checkDkim('v=DKIM1; k=ecdsa; p=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')), ['dkim-bad-value']);
    assert.deepEqual(codes(checkDkim(`v=DKIM1; h=sha1; p=${key}`)), ['dkim-sha1', 'dkim-key-length']);
    assert.deepEqual(codes(checkDkim(`v=DKIM1; t=y; p=${key}`)), ['dkim-testing', 'dkim-key-length']);
    assert.deepEqual(codes(checkDkim(`v=DKIM1; h=sha256; t=s; p=${key}`)), ['dkim-key-length']);
  });
  it('notes a revoked key (empty p=)', () => assert.deepEqual(codes(checkDkim('v=DKIM1; p=')), ['dkim-revoked']));
});

describe('MTA-STS, TLSRPT and TLSA', () => {
  it('MTA-STS needs v=STSv1 and an alphanumeric id', () => {
    assert.deepEqual(codes(checkMtaSts('v=STSv1; id=20260101T00')), []);
    assert.deepEqual(codes(checkMtaSts('v=STSv1; id=2026-01-01')), ['mta-sts-bad-id']);
    assert.deepEqual(codes(checkMtaSts('id=1; v=STSv1')), ['mta-sts-version']);
  });
  it('TLSRPT needs v=TLSRPTv1 and mailto:/https: rua', () => {
    assert.deepEqual(codes(checkTlsRpt('v=TLSRPTv1; rua=mailto:tls@example.org,https://r.example.org/tls')), []);
    assert.deepEqual(codes(checkTlsRpt('v=TLSRPTv1; rua=ftp://x')), ['tlsrpt-bad-uri']);
    assert.deepEqual(codes(checkTlsRpt('v=TLSRPTv1')), ['tlsrpt-no-rua']);
  });
  it('TLSA fields and data length per matching type', () => {
    assert.deepEqual(codes(checkTlsa(3, 1, 1, 'ab'.repeat(32), true)), []);
    assert.deepEqual(codes(checkTlsa(3, 1, 2, 'ab'.repeat(32), true)), ['tlsa-length']);
    assert.deepEqual(codes(checkTlsa(4, 2, 3, 'ab', false)), ['tlsa-usage', 'tlsa-selector', 'tlsa-matching-type']);
    assert.deepEqual(codes(checkTlsa(1, 1, 1, 'ab'.repeat(32), true)), ['tlsa-usage']);
    // RFC 7672 binds SMTP only: PKIX-TA and PKIX-EE stay fine for HTTPS or XMPP.
    assert.deepEqual(codes(checkTlsa(1, 1, 1, 'ab'.repeat(32), false)), []);
  });
});

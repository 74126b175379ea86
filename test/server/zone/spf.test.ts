import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSpf } from '../../../server/src/zone/spf';

const codes = (t: string) => checkSpf(t).map((p) => p.code);

describe('SPF (RFC 7208)', () => {
  it('accepts a typical record', () => assert.deepEqual(codes('v=spf1 mx a:mail.example.org ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net -all'), []));
  it('requires v=spf1 exactly, first', () => {
    assert.deepEqual(codes('v=spf2 -all'), ['spf-version']);
    assert.deepEqual(codes('V=SPF1 -all'), ['spf-version']);
  });
  it('rejects unknown mechanisms', () => {
    assert.deepEqual(codes('v=spf1 mxx -all'), ['spf-unknown-mechanism']);
    assert.deepEqual(codes('v=spf1 mx -all'), []);
  });
  it('checks ip4/ip6 networks', () => {
    assert.deepEqual(codes('v=spf1 ip4:192.0.2.300 -all'), ['spf-bad-ip']);
    assert.deepEqual(codes('v=spf1 ip6:2001:db8::/129 -all'), ['spf-bad-ip']);
    assert.deepEqual(codes('v=spf1 ip4:192.0.2.1 ip6:::1 -all'), []);
  });
  it('checks a/mx prefix lengths', () => {
    assert.deepEqual(codes('v=spf1 a/33 -all'), ['spf-syntax']);
    assert.deepEqual(codes('v=spf1 a/24//64 -all'), []);
  });
  it('counts DNS-querying terms beyond 10', () => {
    const ten = 'v=spf1 ' + 'a mx '.repeat(5) + '-all';
    assert.deepEqual(codes(ten), []);
    assert.deepEqual(codes(ten.replace('-all', 'exists:%{i}.x.example.org -all')), ['spf-too-many-lookups']);
  });
  it('checks domain specs and macros', () => {
    assert.deepEqual(codes('v=spf1 include: -all'), ['spf-bad-domain']);
    assert.deepEqual(codes('v=spf1 include:50% -all'), ['spf-bad-domain']);
    assert.deepEqual(codes('v=spf1 exists:%{ir}.%{v}._spf.%{d} -all'), []);
  });
  it('warns about +all, ptr, terms after all and duplicate modifiers', () => {
    assert.deepEqual(codes('v=spf1 +all'), ['spf-pass-all']);
    assert.deepEqual(codes('v=spf1 ptr -all'), ['spf-ptr']);
    assert.deepEqual(codes('v=spf1 -all mx'), ['spf-after-all']);
    assert.deepEqual(codes('v=spf1 redirect=a.example.org redirect=b.example.org'), ['spf-duplicate-modifier']);
    assert.deepEqual(codes('v=spf1 mx -all redirect=a.example.org'), ['spf-redirect-ignored']);
  });
  it('notes a record with neither all nor redirect', () => {
    assert.deepEqual(codes('v=spf1 mx'), ['spf-no-all']);
    assert.deepEqual(codes('v=spf1 redirect=_spf.example.org'), []);
  });
});

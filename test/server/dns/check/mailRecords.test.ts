// The SPF lookup count over answers of our own: repeated includes count again, loops stop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spfLookups } from '../../../../server/src/dns/check/mailRecords';
import type { CheckContext } from '../../../../server/src/dns/check/types';

function ctxWith(txt: Record<string, string>): CheckContext {
  return {
    domain: 'a.test.',
    locale: 'en',
    ask: async (name) => ({
      rcode: txt[name] ? 'NOERROR' : 'NXDOMAIN',
      authoritative: true,
      answers: txt[name] ? [{ name, type: 'TXT', ttl: 1, data: `"${txt[name]}"` }] : [],
    }),
  };
}

describe('SPF lookup count', () => {
  it('counts every include again and stops at a loop', async () => {
    const ctx = ctxWith({
      'a.test.': 'v=spf1 include:b.test include:b.test mx -all',
      'b.test.': 'v=spf1 a include:a.test -all',
    });
    // a: include b (1 + b's a, include a [loop: 1]) ×2 = 6, mx = 1
    assert.deepEqual(await spfLookups(ctx, 'a.test.'), { count: 7, uncounted: [] });
  });
  it('names the includes it could not read', async () => {
    const ctx = ctxWith({ 'a.test.': 'v=spf1 include:_spf.elsewhere.example ip4:192.0.2.1 -all' });
    assert.deepEqual(await spfLookups(ctx, 'a.test.'), { count: 1, uncounted: ['_spf.elsewhere.example.'] });
  });
});

// Address patterns in network lists, read the way smtpd's match_ops.c and cidr_match.c read them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkPatternProblem } from '../../../server/src/postfix/networkPattern';

describe('network patterns', () => {
  it('accept what smtpd accepts', () => {
    for (const p of ['127.0.0.0/8', '192.168.1.0/24', '10.0.0.1', '[::1]/128', '[2001:db8::]/32', '[::ffff:127.0.0.0]/104', '::1', '0.0.0.0/0', '!192.168.1.0/24', 'example.org', 'localhost', 'hash:/etc/postfix/network_table', 'cafe.be']) {
      assert.equal(networkPatternProblem(p), undefined, p);
    }
  });
  it('refuse a net/mask whose address is not an address, with a mask out of range, or with host bits set', () => {
    assert.match(networkPatternProblem('192.168.300.0/24')!.message.en, /'192\.168\.300\.0' in '192\.168\.300\.0\/24' is not an IP address.*server configuration error/);
    assert.equal(networkPatternProblem('192.168.300.0/24')!.severity, 'error');
    assert.match(networkPatternProblem('10.0.0.0/33')!.message.en, /0 to 32/);
    assert.match(networkPatternProblem('192.168.1.1/24')!.message.en, /host bits.*192\.168\.1\.0\/24/);
    assert.match(networkPatternProblem('[2001:db8::1]/32')!.message.es, /bits de máquina/);
    assert.equal(networkPatternProblem('[2001:db8::1::2]/32')?.severity, 'error');
    // Characters no address has: smtpd skips the pattern without an error, and so do we.
    assert.equal(networkPatternProblem('[2001:db8::g]/32'), undefined);
  });
  it('warn that a dotted quad that is not an address never matches', () => {
    assert.equal(networkPatternProblem('192.168.300.1')?.severity, 'warning');
  });
});

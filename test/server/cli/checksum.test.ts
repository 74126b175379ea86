// The code cache's checksum (server/src/cli/checksum.ts, WebAssembly) against the same sum
// written plainly in JavaScript, and its point: a changed byte changes it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { checksum32 } from '../../../server/src/cli/checksum';

/** a += word; b += a over zero-padded little-endian 32-bit words; a ^ rotl(b, 16). */
function reference(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let a = 0;
  let b = 0;
  for (let i = 0; i < padded.length; i += 4) {
    a = (a + view.getInt32(i, true)) | 0;
    b = (b + a) | 0;
  }
  return (a ^ ((b << 16) | (b >>> 16))) >>> 0;
}

describe('checksum32', () => {
  it('matches the plain JavaScript sum, across lengths and page boundaries', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 7, 8, 65535, 65536, 65537, 65539, 3 * 65536 + 1, 1_000_003]) {
      const bytes = randomBytes(length);
      assert.equal(checksum32(bytes), reference(bytes), `length ${length}`);
    }
  });

  it('changes when any one byte changes, and when two words swap', () => {
    const bytes = randomBytes(257);
    const sum = checksum32(bytes);
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] ^= 1 << (i % 8);
      assert.notEqual(checksum32(changed), sum, `byte ${i}`);
    }
    const swapped = Buffer.from(bytes);
    bytes.copy(swapped, 0, 4, 8);
    bytes.copy(swapped, 4, 0, 4);
    if (!bytes.subarray(0, 4).equals(bytes.subarray(4, 8))) assert.notEqual(checksum32(swapped), sum);
  });

  it('is the same for the same bytes in a fresh call (no state kept between calls)', () => {
    const big = randomBytes(300_000);
    const small = randomBytes(10);
    const first = checksum32(small);
    checksum32(big);
    assert.equal(checksum32(small), first);
  });
});

// The code cache's checksum (server/src/cli/checksum.ts, WebAssembly) against the same sum
// written plainly in JavaScript, and its point: a changed byte changes it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checksum32, readChecksummed, withChecksum } from '../../../server/src/cli/checksum';

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** Per lane of four 32-bit words (zero-padded): a += word; b += a; then a ^ rotl(b, 16), lane k rotated by 8k. */
function reference(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 15) & ~15);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  const a = [0, 0, 0, 0];
  const b = [0, 0, 0, 0];
  for (let i = 0; i < padded.length; i += 4) {
    const lane = (i / 4) % 4;
    a[lane] = (a[lane] + view.getInt32(i, true)) | 0;
    b[lane] = (b[lane] + a[lane]) | 0;
  }
  let sum = 0;
  for (let lane = 0; lane < 4; lane++) sum ^= rotl(a[lane] ^ rotl(b[lane], 16), 8 * lane) | 0;
  return sum >>> 0;
}

describe('the code cache checksum', () => {
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

  it('reads back a file written with its checksum, its payload aligned, and tells a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-checksum-'));
    try {
      for (const length of [0, 5, 65_533, 200_001]) {
        const payload = randomBytes(length);
        const file = join(dir, `f${length}`);
        const written = withChecksum(payload);
        writeFileSync(file, written);
        const read = readChecksummed(file);
        assert.deepEqual([Buffer.from(read.payload).equals(payload), read.intact], [true, true], `length ${length}`);
        // V8 copies cached data that does not start on an 8-byte boundary before using it.
        assert.equal(read.payload.byteOffset % 8, 0, `length ${length}: the payload is 8-byte aligned`);
        if (length === 0) continue;
        written[written.length - 1 - (length >> 1)] ^= 0x10;
        writeFileSync(file, written);
        assert.equal(readChecksummed(file).intact, false, `length ${length}, one bit changed`);
      }
      writeFileSync(join(dir, 'short'), Buffer.from([1, 2]));
      assert.equal(readChecksummed(join(dir, 'short')).intact, false);
      assert.throws(() => readChecksummed(join(dir, 'absent')), /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the same for the same bytes in a fresh call (no state kept between calls)', () => {
    const big = randomBytes(300_000);
    const small = randomBytes(10);
    const first = checksum32(small);
    checksum32(big);
    assert.equal(checksum32(small), first);
  });
});

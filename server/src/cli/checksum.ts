// A 32-bit checksum of a byte array, for the CLI's code cache files (codeCache.ts).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
//
// Why WebAssembly: the check runs on every CLI start that uses the cache, over 150 KB to 1 MB.
// Node's own hashes are behind modules that cost more to load than the cache saves (node:crypto
// ~3 ms, node:zlib's crc32 ~2 ms, node:v8 for V8's own checksum flag ~2.5 ms all told), and a
// JavaScript loop runs in the interpreter for most of those bytes (~2 ms for 150 KB). These 143
// bytes compile in ~0.3 ms and sum 800 KB in ~0.3 ms.
//
// The sum is Fletcher-like over four lanes of little-endian 32-bit words (zero-padded to 16
// bytes): a += four words; b += a, lane by lane (WebAssembly SIMD, a quarter of the loop's turns
// of one word at a time); then x = a ^ rotl(b, 16) per lane, and the lanes folded, each rotated
// by its place. Any changed word changes a; moved words change b or their lane's rotation. It
// guards against damage, not against someone who can write the user's cache directory.
//
// The module, in WebAssembly text:
//   (module (memory (export "m") 1)
//     (func (export "s") (param $i i32) (param $end i32) (result i32) (local $a v128) (local $b v128) (local $x v128)
//       (block (loop
//         (br_if 1 (i32.ge_u (local.get $i) (local.get $end)))
//         (local.set $a (i32x4.add (local.get $a) (v128.load (local.get $i))))
//         (local.set $b (i32x4.add (local.get $b) (local.get $a)))
//         (local.set $i (i32.add (local.get $i) (i32.const 16)))
//         (br 0)))
//       (local.set $x (v128.xor (local.get $a)
//         (v128.or (i32x4.shl (local.get $b) (i32.const 16)) (i32x4.shr_u (local.get $b) (i32.const 16)))))
//       (i32.xor (i32.xor (i32.xor (i32x4.extract_lane 0 (local.get $x))
//         (i32.rotl (i32x4.extract_lane 1 (local.get $x)) (i32.const 8)))
//         (i32.rotl (i32x4.extract_lane 2 (local.get $x)) (i32.const 16)))
//         (i32.rotl (i32x4.extract_lane 3 (local.get $x)) (i32.const 24)))))
// prettier-ignore
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // types: (i32, i32) -> i32
  0x03, 0x02, 0x01, 0x00, // functions: one of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: one, at least 1 page
  0x07, 0x09, 0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x73, 0x00, 0x00, // exports: "m" memory 0, "s" function 0
  0x0a, 0x68, 0x01, 0x66, 0x01, 0x03, 0x7b, // code: one body, 102 bytes, three v128 locals
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // br_if 1 (i >= end)
  0x20, 0x02, 0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0xfd, 0xae, 0x01, 0x21, 0x02, // a += v128.load(i)
  0x20, 0x03, 0x20, 0x02, 0xfd, 0xae, 0x01, 0x21, 0x03, // b += a
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // i += 16
  0x0c, 0x00, 0x0b, 0x0b, // br 0, end loop, end block
  0x20, 0x02, 0x20, 0x03, 0x41, 0x10, 0xfd, 0xab, 0x01, // a, b << 16
  0x20, 0x03, 0x41, 0x10, 0xfd, 0xad, 0x01, 0xfd, 0x50, 0xfd, 0x51, 0x21, 0x04, // x = a ^ (b << 16 | b >>> 16)
  0x20, 0x04, 0xfd, 0x1b, 0x00, // lane 0
  0x20, 0x04, 0xfd, 0x1b, 0x01, 0x41, 0x08, 0x77, 0x73, // ^ rotl(lane 1, 8)
  0x20, 0x04, 0xfd, 0x1b, 0x02, 0x41, 0x10, 0x77, 0x73, // ^ rotl(lane 2, 16)
  0x20, 0x04, 0xfd, 0x1b, 0x03, 0x41, 0x18, 0x77, 0x73, // ^ rotl(lane 3, 24)
  0x0b, // end
]);

const PAGE = 65536;
/**
 * A file written by withChecksum: the checksum in its first four bytes, four zero bytes, then the
 * payload. The payload starts at byte 8 because V8 copies cached data whose address is not
 * pointer-aligned before reading it (a megabyte copied, and its pages touched, on every start).
 */
const HEADER = 8;

/** The part of the WebAssembly global used here: the project's `lib` setting has no WebAssembly types. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

/** A fresh instance whose memory holds at least `bytes` bytes, all zero, and its sum over [start, end). */
function summer(bytes: number): { memory: ArrayBuffer; sum: (start: number, end: number) => number } {
  const { m: memory, s: sum } = new WebAssembly.Instance(new WebAssembly.Module(MODULE)).exports as {
    m: { buffer: ArrayBuffer; grow(pages: number): number };
    s: (start: number, end: number) => number;
  };
  const pages = Math.ceil(bytes / PAGE);
  if (pages > 1) memory.grow(pages - 1);
  return { memory: memory.buffer, sum: (start, end) => sum(start, end) >>> 0 };
}

const padded = (length: number) => (length + 15) & ~15;

export function checksum32(bytes: Uint8Array): number {
  const { memory, sum } = summer(padded(bytes.length));
  new Uint8Array(memory).set(bytes);
  return sum(0, padded(bytes.length));
}

/** The bytes of a file readChecksummed reads back: a header with the payload's checksum, then the payload. */
export function withChecksum(payload: Uint8Array): Buffer {
  const file = Buffer.alloc(HEADER + payload.length);
  file.writeUInt32LE(checksum32(payload), 0);
  file.set(payload, HEADER);
  return file;
}

/**
 * A file written by withChecksum, read straight into the sum's memory (no copy of a
 * megabyte made to check it): its payload, and whether the sum matches. Throws when it cannot be
 * read.
 */
export function readChecksummed(path: string): { payload: Uint8Array; intact: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const { memory, sum } = summer(HEADER + padded(Math.max(size - HEADER, 0)));
    const bytes = new Uint8Array(memory, 0, size);
    for (let read = 0, n; read < size; read += n) if ((n = readSync(fd, bytes, read, size - read, read)) === 0) throw new Error(`${path}: shorter than its size`);
    const payload = bytes.subarray(HEADER);
    const intact = size >= HEADER && new DataView(memory).getUint32(0, true) === sum(HEADER, HEADER + padded(payload.length));
    return { payload, intact };
  } finally {
    closeSync(fd);
  }
}

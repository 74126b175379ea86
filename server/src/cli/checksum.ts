// A 32-bit checksum of a byte array, for the CLI's code cache files (codeCache.ts).
//
// Why WebAssembly: the check runs on every CLI start that uses the cache, over 150 KB to 1 MB.
// Node's own hashes are behind modules that cost more to load than the cache saves (node:crypto
// ~3 ms, node:zlib's crc32 ~2 ms, node:v8 for V8's own checksum flag ~2.5 ms all told), and a
// JavaScript loop runs in the interpreter for most of those bytes (~2 ms for 150 KB). These 91
// bytes compile in ~0.3 ms and sum at memory speed.
//
// The sum is Fletcher-like over little-endian 32-bit words (zero-padded): a += word; b += a;
// result = a ^ rotl(b, 16). Any changed word changes a; moved words change b. It guards against
// damage, not against someone who can write the user's cache directory.
//
// The module, in WebAssembly text:
//   (module (memory (export "m") 1)
//     (func (export "s") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $b i32)
//       (block (loop
//         (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
//         (local.set $a (i32.add (local.get $a) (i32.load (local.get $i))))
//         (local.set $b (i32.add (local.get $b) (local.get $a)))
//         (local.set $i (i32.add (local.get $i) (i32.const 4)))
//         (br 0)))
//       (i32.xor (local.get $a) (i32.rotl (local.get $b) (i32.const 16)))))
// prettier-ignore
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, // types: (i32) -> i32
  0x03, 0x02, 0x01, 0x00, // functions: one of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: one, at least 1 page
  0x07, 0x09, 0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x73, 0x00, 0x00, // exports: "m" memory 0, "s" function 0
  0x0a, 0x35, 0x01, 0x33, 0x01, 0x03, 0x7f, // code: one body, 51 bytes, three i32 locals
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x01, 0x20, 0x00, 0x4f, 0x0d, 0x01, // br_if 1 (i >= n)
  0x20, 0x02, 0x20, 0x01, 0x28, 0x02, 0x00, 0x6a, 0x21, 0x02, // a += load(i)
  0x20, 0x03, 0x20, 0x02, 0x6a, 0x21, 0x03, // b += a
  0x20, 0x01, 0x41, 0x04, 0x6a, 0x21, 0x01, // i += 4
  0x0c, 0x00, 0x0b, 0x0b, // br 0, end loop, end block
  0x20, 0x02, 0x20, 0x03, 0x41, 0x10, 0x77, 0x73, 0x0b, // a ^ rotl(b, 16), end
]);

const PAGE = 65536;

/** The part of the WebAssembly global used here: the project's `lib` setting has no WebAssembly types. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

export function checksum32(bytes: Uint8Array): number {
  const { m: memory, s: sum } = new WebAssembly.Instance(new WebAssembly.Module(MODULE)).exports as {
    m: { buffer: ArrayBuffer; grow(pages: number): number };
    s: (n: number) => number;
  };
  const padded = (bytes.length + 3) & ~3;
  const pages = Math.ceil(padded / PAGE);
  if (pages > 1) memory.grow(pages - 1);
  new Uint8Array(memory.buffer).set(bytes);
  return sum(padded) >>> 0;
}

// Decodes the LZMA stream of the single-file build (dist/bid-scorer.js), which holds the text
// catalogue, the stylesheets and the engine's WebAssembly LZMA-compressed and base64-encoded: LZMA
// is about a quarter smaller than gzip on the engine, which is what keeps the one file within its
// size budget, and decoding it here needs no fetch, no DecompressionStream and nothing outside the
// file.
//
// The decoder itself is a WebAssembly module of under 2 KB (unlzma/, built into pkg/unlzma.js by
// scripts/build-wasm.sh), run once per page. Measured against the decoder this file held before,
// in JavaScript (headless Chromium on two cores, the English build from file://, 40 loads each,
// taking turns): the first result 23 ms sooner at the median (234 → 211 ms). The JavaScript
// decoder took about as long on the page's thread, but the browser then optimized it on its other
// threads, for longer than it ran, while the page load needed those cores.

import { UNLZMA } from '../../../pkg/unlzma.js';

/**
 * Decodes an LZMA (".lzma", LZMA-alone) stream of `size` bytes (the caller knows it: the header
 * may say "unknown"). Throws an Error named LzmaError on corrupt, truncated or mis-sized data;
 * where the page's policy forbids WebAssembly, the browser's error.
 * @param {Uint8Array} data
 * @param {number} size
 * @returns {Uint8Array}
 */
export function lzmaDecode(data, size) {
  let code = -1;
  if (size >= 0 && size + data.length < 2 ** 31) {
    const { memory, unpack } = new WebAssembly.Instance(new WebAssembly.Module(fromHex(UNLZMA))).exports;
    // The decoder's stack and working space fill less than its first page: the stream goes after
    // them, and the output after the stream.
    const at = memory.buffer.byteLength;
    memory.grow(Math.ceil((data.length + size) / 65536));
    new Uint8Array(memory.buffer, at, data.length).set(data);
    try {
      code = unpack(at, data.length, at + data.length, size);
    } catch {
      // A trap: corrupt data.
    }
    // A copy: the decoder, its memory and the stream can then go.
    if (!code) return new Uint8Array(memory.buffer, at + data.length, size).slice();
  }
  // The code is unlzma's Error number (-1: no room for the output, or a trap).
  const error = new Error(`lzma: the data is corrupt, truncated or not ${size} bytes (${code})`);
  error.name = 'LzmaError';
  throw error;
}

/** Bytes from base64 text: natively where the browser can (in one pass), else through atob. */
export function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes from hex text, natively where the browser can. */
const fromHex = (text) => Uint8Array.fromHex?.(text) ?? Uint8Array.from(text.match(/../g), (byte) => parseInt(byte, 16));

// An LZMA decoder for the single-file build (dist/bid-scorer.js). The engine's WebAssembly is
// stored in that file LZMA-compressed and base64-encoded: LZMA is about a quarter smaller than
// gzip on this code, which is what keeps the one file within its size budget, and decoding it
// here needs no fetch, no DecompressionStream and nothing outside the file.
//
// Reads the ".lzma" format that `xz --format=lzma` writes: one byte of properties (lc, lp, pb),
// the dictionary size (4 bytes, little-endian), the uncompressed size (8 bytes, little-endian, all
// ones when unknown and the stream ends with an end marker), then the range-coded data. The
// structure follows the LZMA specification's reference decoder (lzma-specification.txt in the
// LZMA SDK): a range decoder, probability-adaptive bit trees, literal coding against the byte at
// the last match distance, a 12-state machine and four repeated distances.

const PROB_INIT = 1024; // probabilities are 11-bit: 1024 is one half
const STATES = 12;
const POS_BITS_MAX = 4;
const END_POS_MODEL_INDEX = 14;
const FULL_DISTANCES = 128;
const ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;

class LzmaError extends Error {
  constructor(message) {
    super(`lzma: ${message}`);
    this.name = 'LzmaError';
  }
}

function probs(n) {
  return new Uint16Array(n).fill(PROB_INIT);
}

/**
 * The range decoder over `data` from `offset`. Range and code are unsigned 32-bit numbers kept in
 * int32s (compared unsigned by flipping their sign bits), so the optimized code works in integers
 * throughout. Reading past the end reads zeros (undefined | 0): lzmaDecode checks `pos` once, at
 * the end, rather than at every byte.
 */
class RangeDecoder {
  constructor(data, offset) {
    this.data = data;
    this.pos = offset + 5;
    if (data[offset] !== 0) throw new LzmaError('corrupt data');
    this.range = -1;
    this.code = (data[offset + 1] << 24) | (data[offset + 2] << 16) | (data[offset + 3] << 8) | data[offset + 4];
    if (this.code === -1) throw new LzmaError('corrupt data');
  }

  /** `count` bits with fixed probability one half, most significant first. */
  direct(count) {
    let range = this.range;
    let code = this.code;
    let result = 0;
    for (let i = 0; i < count; i += 1) {
      range = (range >>> 1) | 0;
      // -1 when code < range, else 0: code is below twice range (the coder's invariant), so the
      // difference's sign bit says which.
      const t = (code - range) >> 31;
      code = (code - (range & ~t)) | 0;
      result = (result << 1) | (t + 1);
      if (range >>> 24 === 0) {
        range <<= 8;
        code = (code << 8) | this.data[this.pos++];
      }
    }
    this.range = range;
    this.code = code;
    return result;
  }

  /**
   * A symbol of log2(`top`) bits from the bit tree p[base + 1 ..], most significant bit first.
   * With `match` (a byte, not -1), a literal after a match: coded against the byte at the last
   * distance until a bit differs from it (the LZMA SDK's "matched literal"). One bit coded
   * with p[i] is the tree of one level `tree(p, i - 1, 2)`. Most of the stream's bits are
   * decoded here, in one loop with the coder's state in locals: a call per bit is what a decoder
   * run once per page pays most for before the JIT has optimized it (a method of its own for a
   * single bit was no faster, and larger).
   */
  tree(p, base, top, match = -1) {
    const data = this.data;
    let range = this.range;
    let code = this.code;
    let at = this.pos;
    let m = 1;
    // 0x100 while the bits decoded so far agree with `match`'s: the match-coded probabilities.
    let offset = match < 0 ? 0 : 0x100;
    while (m < top) {
      match <<= 1;
      const agreed = offset;
      offset &= match;
      const i = base + offset + agreed + m;
      const prob = p[i];
      const bound = Math.imul(range >>> 11, prob);
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        p[i] = prob + ((2048 - prob) >> 5);
        range = bound;
        m <<= 1;
        offset ^= agreed;
      } else {
        p[i] = prob - (prob >> 5);
        code = (code - bound) | 0;
        range = (range - bound) | 0;
        m = (m << 1) | 1;
      }
      if (range >>> 24 === 0) {
        range <<= 8;
        code = (code << 8) | data[at++];
      }
    }
    this.pos = at;
    this.range = range;
    this.code = code;
    return m - top;
  }

  /**
   * The same, least significant bit first (distances' low bits). Here, in tree and in direct the
   * coder's state is in locals for the loop: every distance of the stream passes through one.
   */
  reverse(p, base, bits) {
    const data = this.data;
    let range = this.range;
    let code = this.code;
    let at = this.pos;
    let m = 1;
    let symbol = 0;
    for (let n = 0; n < bits; n += 1) {
      const i = base + m;
      const prob = p[i];
      const bound = Math.imul(range >>> 11, prob);
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        p[i] = prob + ((2048 - prob) >> 5);
        range = bound;
        m <<= 1;
      } else {
        p[i] = prob - (prob >> 5);
        code = (code - bound) | 0;
        range = (range - bound) | 0;
        m = (m << 1) | 1;
        symbol |= 1 << n;
      }
      if (range >>> 24 === 0) {
        range <<= 8;
        code = (code << 8) | data[at++];
      }
    }
    this.pos = at;
    this.range = range;
    this.code = code;
    return symbol;
  }
}

/** Match lengths: 2–9 (low, per position state), 10–17 (mid), 18–273 (high). */
class LengthDecoder {
  constructor() {
    this.choice = probs(2);
    this.low = probs((1 << POS_BITS_MAX) << 3);
    this.mid = probs((1 << POS_BITS_MAX) << 3);
    this.high = probs(256);
  }

  decode(rc, posState) {
    if (rc.tree(this.choice, -1, 2) === 0) return rc.tree(this.low, posState << 3, 8);
    if (rc.tree(this.choice, 0, 2) === 0) return 8 + rc.tree(this.mid, posState << 3, 8);
    return 16 + rc.tree(this.high, 0, 256);
  }
}

/**
 * Decodes an LZMA (".lzma", LZMA-alone) stream to its bytes. `expectedSize`, when given, is the
 * size the caller knows the output must have (needed when the header says "unknown").
 * Throws an Error named LzmaError on corrupt or truncated data.
 * @param {Uint8Array} data
 * @param {number} [expectedSize]
 * @returns {Uint8Array}
 */
export function lzmaDecode(data, expectedSize) {
  if (data.length < 13) throw new LzmaError('too short for an LZMA header');
  let d = data[0];
  if (d >= 9 * 5 * 5) throw new LzmaError('bad properties byte');
  const lc = d % 9;
  d = Math.floor(d / 9);
  const lp = d % 5;
  const pb = Math.floor(d / 5);
  const dictSize = Math.max(4096, (data[1] | (data[2] << 8) | (data[3] << 16) | (data[4] << 24)) >>> 0);
  let sizeKnown = false;
  let size = 0;
  for (let i = 12; i >= 5; i -= 1) {
    if (data[i] !== 0xff) sizeKnown = true;
    size = size * 256 + data[i];
  }
  if (sizeKnown && expectedSize !== undefined && size !== expectedSize) {
    throw new LzmaError(`header says ${size} bytes, expected ${expectedSize}`);
  }
  const capacity = sizeKnown ? size : expectedSize;
  if (capacity === undefined || !Number.isSafeInteger(capacity)) {
    throw new LzmaError('the uncompressed size is unknown');
  }
  const out = new Uint8Array(capacity);
  let pos = 0;

  const rc = new RangeDecoder(data, 13);
  const literal = probs(0x300 << (lc + lp));
  const isMatch = probs(STATES << POS_BITS_MAX);
  const isRep = probs(STATES);
  const isRepG0 = probs(STATES);
  const isRepG1 = probs(STATES);
  const isRepG2 = probs(STATES);
  const isRep0Long = probs(STATES << POS_BITS_MAX);
  const posSlot = probs(4 << 6);
  const posDecoders = probs(1 + FULL_DISTANCES - END_POS_MODEL_INDEX);
  const align = probs(1 << ALIGN_BITS);
  const lengths = new LengthDecoder();
  const repLengths = new LengthDecoder();
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;

  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;

  for (;;) {
    if (pos === capacity && sizeKnown) {
      // An end marker may still follow a stream of known size; otherwise the coder must be done.
      if (rc.code === 0) break;
    }
    const posState = pos & pbMask;
    if (rc.tree(isMatch, (state << POS_BITS_MAX) + posState - 1, 2) === 0) {
      if (pos >= capacity) throw new LzmaError('more data than expected');
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      out[pos] = rc.tree(literal, base, 0x100, state < 7 ? -1 : out[pos - rep0 - 1]);
      pos += 1;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (rc.tree(isRep, state - 1, 2) !== 0) {
      if (pos === 0) throw new LzmaError('corrupt data');
      if (rc.tree(isRepG0, state - 1, 2) === 0) {
        if (rc.tree(isRep0Long, (state << POS_BITS_MAX) + posState - 1, 2) === 0) {
          if (pos >= capacity) throw new LzmaError('more data than expected');
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos += 1;
          continue;
        }
      } else {
        let dist;
        if (rc.tree(isRepG1, state - 1, 2) === 0) {
          dist = rep1;
        } else {
          if (rc.tree(isRepG2, state - 1, 2) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = repLengths.decode(rc, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = lengths.decode(rc, posState);
      state = state < 7 ? 7 : 10;
      // The distance: its slot, then its low bits (an int32: the end marker's all ones is -1).
      const slot = rc.tree(posSlot, (len < 3 ? len : 3) << 6, 64);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const directBits = (slot >>> 1) - 1;
        rep0 = (2 | (slot & 1)) << directBits;
        if (slot < END_POS_MODEL_INDEX) {
          rep0 |= rc.reverse(posDecoders, rep0 - slot, directBits);
        } else {
          rep0 |= (rc.direct(directBits - ALIGN_BITS) << ALIGN_BITS) | rc.reverse(align, 0, ALIGN_BITS);
          if (rep0 === -1) {
            if (rc.code !== 0) throw new LzmaError('corrupt data');
            break; // end marker
          }
        }
      }
      if (rep0 < 0 || rep0 >= dictSize || rep0 >= pos) throw new LzmaError('corrupt data');
    }
    len += MATCH_MIN_LEN;
    if (pos + len > capacity) throw new LzmaError('more data than expected');
    for (let i = 0; i < len; i += 1, pos += 1) out[pos] = out[pos - rep0 - 1];
  }
  if (rc.pos > data.length) throw new LzmaError('unexpected end of data');
  if (pos !== capacity) throw new LzmaError(`stream ended after ${pos} of ${capacity} bytes`);
  return out;
}

/** Bytes from base64 text: natively where the browser can (in one pass), else through atob. */
export function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

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

/** The range decoder over `data` from `offset`; range and code are unsigned 32-bit numbers. */
class RangeDecoder {
  constructor(data, offset) {
    this.data = data;
    this.pos = offset;
    if (this.byte() !== 0) throw new LzmaError('corrupt data');
    this.range = 0xffffffff;
    this.code = 0;
    for (let i = 0; i < 4; i += 1) this.code = ((this.code << 8) | this.byte()) >>> 0;
    if (this.code === this.range) throw new LzmaError('corrupt data');
  }

  byte() {
    if (this.pos >= this.data.length) throw new LzmaError('unexpected end of data');
    return this.data[this.pos++];
  }

  normalize() {
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.byte()) >>> 0;
    }
  }

  /** One bit coded with the adaptive probability p[i]. */
  bit(p, i) {
    const prob = p[i];
    const bound = (this.range >>> 11) * prob;
    let bit;
    if (this.code < bound) {
      p[i] = prob + ((2048 - prob) >>> 5);
      this.range = bound;
      bit = 0;
    } else {
      p[i] = prob - (prob >>> 5);
      this.code -= bound;
      this.range -= bound;
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  /** `count` bits with fixed probability one half, most significant first. */
  direct(count) {
    let result = 0;
    for (let i = 0; i < count; i += 1) {
      this.range >>>= 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result = ((result << 1) | bit) >>> 0;
      this.normalize();
    }
    return result;
  }

  /** A `bits`-bit symbol from the bit tree p[base + 1 ..], most significant bit first. */
  tree(p, base, bits) {
    let m = 1;
    for (let i = 0; i < bits; i += 1) m = (m << 1) | this.bit(p, base + m);
    return m - (1 << bits);
  }

  /** The same, least significant bit first (distances' low bits). */
  reverse(p, base, bits) {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i += 1) {
      const bit = this.bit(p, base + m);
      m = (m << 1) | bit;
      symbol |= bit << i;
    }
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
    if (rc.bit(this.choice, 0) === 0) return rc.tree(this.low, posState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + rc.tree(this.mid, posState << 3, 3);
    return 16 + rc.tree(this.high, 0, 8);
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

  const distance = (len) => {
    const lenState = len < 3 ? len : 3;
    const slot = rc.tree(posSlot, lenState << 6, 6);
    if (slot < 4) return slot;
    const directBits = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << directBits) >>> 0;
    if (slot < END_POS_MODEL_INDEX) return dist + rc.reverse(posDecoders, dist - slot, directBits);
    dist = (dist + rc.direct(directBits - ALIGN_BITS) * (1 << ALIGN_BITS)) >>> 0;
    return (dist + rc.reverse(align, 0, ALIGN_BITS)) >>> 0;
  };

  for (;;) {
    if (pos === capacity && sizeKnown) {
      // An end marker may still follow a stream of known size; otherwise the coder must be done.
      if (rc.code === 0) break;
    }
    const posState = pos & pbMask;
    if (rc.bit(isMatch, (state << POS_BITS_MAX) + posState) === 0) {
      if (pos >= capacity) throw new LzmaError('more data than expected');
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[pos - rep0 - 1];
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const bit = rc.bit(literal, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (matchBit !== bit) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(literal, base + symbol);
      out[pos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (rc.bit(isRep, state) !== 0) {
      if (pos === 0) throw new LzmaError('corrupt data');
      if (rc.bit(isRepG0, state) === 0) {
        if (rc.bit(isRep0Long, (state << POS_BITS_MAX) + posState) === 0) {
          if (pos >= capacity) throw new LzmaError('more data than expected');
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos += 1;
          continue;
        }
      } else {
        let dist;
        if (rc.bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (rc.bit(isRepG2, state) === 0) {
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
      rep0 = distance(len);
      if (rep0 === 0xffffffff) {
        if (rc.code !== 0) throw new LzmaError('corrupt data');
        break; // end marker
      }
      if (rep0 >= dictSize || rep0 >= pos) throw new LzmaError('corrupt data');
    }
    len += MATCH_MIN_LEN;
    if (pos + len > capacity) throw new LzmaError('more data than expected');
    for (let i = 0; i < len; i += 1, pos += 1) out[pos] = out[pos - rep0 - 1];
  }
  if (pos !== capacity) throw new LzmaError(`stream ended after ${pos} of ${capacity} bytes`);
  return out;
}

/** Bytes from base64 text (atob is in every browser and in Node). */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

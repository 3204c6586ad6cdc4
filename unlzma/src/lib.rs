//! The LZMA decoder of the single-file build (dist/bid-scorer.js), compiled to a WebAssembly
//! module of its own of under two kilobytes (www/src/engine/lzma.js runs it).
//!
//! The one file holds the text catalogue, the stylesheets and the engine's .wasm as one LZMA
//! stream, about a quarter smaller than gzip makes it, decoded on every page as the script runs.
//! Decoded in JavaScript, the browser also spent more time optimizing the decoder, on its other
//! threads, than running it, on a machine whose cores the page load already kept busy: compiled
//! code decodes the stream with nothing left to optimize.
//!
//! Reads the ".lzma" format that `xz --format=lzma` writes: one byte of properties (lc, lp, pb),
//! the dictionary size (4 bytes, little-endian), the uncompressed size (8 bytes, little-endian, all
//! ones when unknown and the stream ends with an end marker), then the range-coded data. The
//! structure follows the LZMA specification's reference decoder (lzma-specification.txt in the
//! LZMA SDK): a range decoder, probability-adaptive bit trees, literal coding against the byte at
//! the last match distance, a 12-state machine and four repeated distances.
#![cfg_attr(target_arch = "wasm32", no_std)]

/// lc + lp at most 4 (the build uses lc=4, lp=0): the literal coder's probabilities fit in PROBS.
const LITERAL_CONTEXT_BITS_MAX: u32 = 4;
const STATES: usize = 12;
const POS_BITS_MAX: usize = 4;
const END_POS_MODEL_INDEX: u32 = 14;
const FULL_DISTANCES: usize = 128;
const ALIGN_BITS: u32 = 4;
const MATCH_MIN_LEN: usize = 2;

// Every adaptive probability of a stream, in one array (the module has no allocator, and a
// static of zeros costs it no bytes): where each kind starts.
const IS_MATCH: usize = 0;
const IS_REP: usize = IS_MATCH + (STATES << POS_BITS_MAX);
const IS_REP_G0: usize = IS_REP + STATES;
const IS_REP_G1: usize = IS_REP_G0 + STATES;
const IS_REP_G2: usize = IS_REP_G1 + STATES;
const IS_REP0_LONG: usize = IS_REP_G2 + STATES;
const POS_SLOT: usize = IS_REP0_LONG + (STATES << POS_BITS_MAX);
const POS_DECODERS: usize = POS_SLOT + (4 << 6);
const ALIGN: usize = POS_DECODERS + 1 + FULL_DISTANCES - END_POS_MODEL_INDEX as usize;
// A length coder: two choice bits, 3-bit trees per position state (low, mid), an 8-bit tree (high).
const LENGTH_LOW: usize = 2;
const LENGTH_MID: usize = LENGTH_LOW + (8 << POS_BITS_MAX);
const LENGTH_HIGH: usize = LENGTH_MID + (8 << POS_BITS_MAX);
const LENGTH_SIZE: usize = LENGTH_HIGH + 256;
const LENGTHS: usize = ALIGN + (1 << ALIGN_BITS);
const REP_LENGTHS: usize = LENGTHS + LENGTH_SIZE;
const LITERAL: usize = REP_LENGTHS + LENGTH_SIZE;
/// How many probabilities a stream needs at most: the length of `decode`'s working space.
pub const PROBS: usize = LITERAL + (0x300 << LITERAL_CONTEXT_BITS_MAX);

/// Why a stream was refused; the number is what the WebAssembly function returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Error {
    /// Shorter than the 13-byte header.
    Header = 1,
    /// A properties byte out of range, or literal settings (lc + lp over 4) this decoder does not
    /// hold.
    Properties = 2,
    /// The header's size is not the size of the output.
    Size = 3,
    /// Corrupt data: a bad start, an impossible distance or a bad end.
    Corrupt = 4,
    /// More data than the output holds.
    TooLong = 5,
    /// The stream ended before filling the output, or the data ran out.
    Truncated = 6,
}

/// The range decoder over the compressed bytes, with the stream's probabilities. Reading past
/// the end reads zeros; `decode` checks once, at the end, that it did not.
struct Range<'a> {
    data: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
    probs: &'a mut [u16],
}

impl Range<'_> {
    /// One bit with the adaptive probability `probs[i]` (11 bits: 1024 is one half).
    fn bit(&mut self, i: usize) -> u32 {
        let p = &mut self.probs[i];
        let bound = (self.range >> 11) * u32::from(*p);
        let bit = if self.code < bound {
            *p += (2048 - *p) >> 5;
            self.range = bound;
            0
        } else {
            *p -= *p >> 5;
            self.code -= bound;
            self.range -= bound;
            1
        };
        self.normalize();
        bit
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.data.get(self.pos).copied().unwrap_or(0));
            self.pos += 1;
        }
    }

    /// `bits` bits from the bit tree at `probs[base + 1..]`, most significant first.
    fn tree(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(base + m as usize);
        }
        m - (1 << bits)
    }

    /// The same, least significant bit first (a distance's low bits).
    fn reverse(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(base + m as usize);
            m = (m << 1) | bit;
            symbol |= bit << i;
        }
        symbol
    }

    /// `bits` bits of probability one half, most significant first.
    fn direct(&mut self, bits: u32) -> u32 {
        let mut result = 0;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            self.code -= self.range & bit.wrapping_neg();
            result = (result << 1) | bit;
            self.normalize();
        }
        result
    }

    /// A match length less two (0–271) from the length coder at `base`: 0–7 from the low tree of
    /// the position state, 8–15 from its mid tree, 16–271 from the high tree.
    fn length(&mut self, base: usize, pos_state: usize) -> usize {
        (if self.bit(base) == 0 {
            self.tree(base + LENGTH_LOW + (pos_state << 3), 3)
        } else if self.bit(base + 1) == 0 {
            8 + self.tree(base + LENGTH_MID + (pos_state << 3), 3)
        } else {
            16 + self.tree(base + LENGTH_HIGH, 8)
        }) as usize
    }
}

/// Decodes the ".lzma" stream `data` into `out`, which must be exactly as long as the data
/// decodes to (which says how long where the header does not). `probs` is the decoder's working
/// space: what it held before does not matter.
///
/// # Panics
/// If `probs` is shorter than [`PROBS`].
pub fn decode(data: &[u8], out: &mut [u8], probs: &mut [u16]) -> Result<(), Error> {
    let header = data.get(..13).ok_or(Error::Header)?;
    let mut d = u32::from(header[0]);
    if d >= 9 * 5 * 5 {
        return Err(Error::Properties);
    }
    let lc = d % 9;
    d /= 9;
    let lp = d % 5;
    let pb = d / 5;
    if lc + lp > LITERAL_CONTEXT_BITS_MAX {
        return Err(Error::Properties);
    }
    let dict_size =
        u32::from_le_bytes([header[1], header[2], header[3], header[4]]).max(4096) as usize;
    let size = u64::from_le_bytes([
        header[5], header[6], header[7], header[8], header[9], header[10], header[11], header[12],
    ]);
    let size_known = size != u64::MAX;
    if size_known && size != out.len() as u64 {
        return Err(Error::Size);
    }
    // The coder starts with five bytes: a zero, then its code.
    let code = match data.get(13..18) {
        Some(&[0, a, b, c, d]) => u32::from_be_bytes([a, b, c, d]),
        _ => return Err(Error::Corrupt),
    };
    if code == u32::MAX {
        return Err(Error::Corrupt);
    }
    let probs = &mut probs[..PROBS];
    probs.fill(1024);
    let mut rc = Range {
        data,
        pos: 18,
        range: u32::MAX,
        code,
        probs,
    };
    let pb_mask = (1 << pb) - 1;
    let lp_mask = (1 << lp) - 1;
    let capacity = out.len();
    let mut pos = 0usize;
    let mut state = 0usize;
    // The last four distances, most recent first.
    let (mut rep0, mut rep1, mut rep2, mut rep3) = (0usize, 0usize, 0usize, 0usize);

    loop {
        if pos == capacity && size_known && rc.code == 0 {
            // An end marker may still follow a stream of known size; otherwise the coder is done.
            break;
        }
        let pos_state = pos & pb_mask;
        if rc.bit(IS_MATCH + (state << POS_BITS_MAX) + pos_state) == 0 {
            let prev = if pos > 0 { out[pos - 1] } else { 0 };
            let base =
                LITERAL + 0x300 * (((pos & lp_mask) << lc) + (usize::from(prev) >> (8 - lc)));
            let byte = if state < 7 {
                rc.tree(base, 8)
            } else {
                // After a match: coded against the byte at the last distance until a bit differs
                // from it, with probabilities of their own while the bits agree (0x100 in offset).
                let mut matched = u32::from(out[pos.checked_sub(rep0 + 1).ok_or(Error::Corrupt)?]);
                let mut m = 1;
                let mut offset = 0x100;
                while m < 0x100 {
                    matched <<= 1;
                    let agreed = offset;
                    offset &= matched;
                    let bit = rc.bit(base + (offset + agreed + m) as usize);
                    m = (m << 1) | bit;
                    if bit == 0 {
                        offset ^= agreed;
                    }
                }
                m - 0x100
            };
            *out.get_mut(pos).ok_or(Error::TooLong)? = byte as u8;
            pos += 1;
            state = if state < 4 {
                0
            } else if state < 10 {
                state - 3
            } else {
                state - 6
            };
            continue;
        }
        let len;
        if rc.bit(IS_REP + state) != 0 {
            if pos == 0 {
                return Err(Error::Corrupt);
            }
            if rc.bit(IS_REP_G0 + state) == 0 {
                if rc.bit(IS_REP0_LONG + (state << POS_BITS_MAX) + pos_state) == 0 {
                    // One byte from the last distance.
                    state = if state < 7 { 9 } else { 11 };
                    let byte = out[pos.checked_sub(rep0 + 1).ok_or(Error::Corrupt)?];
                    *out.get_mut(pos).ok_or(Error::TooLong)? = byte;
                    pos += 1;
                    continue;
                }
            } else {
                let distance;
                if rc.bit(IS_REP_G1 + state) == 0 {
                    distance = rep1;
                } else {
                    if rc.bit(IS_REP_G2 + state) == 0 {
                        distance = rep2;
                    } else {
                        distance = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = distance;
            }
            len = rc.length(REP_LENGTHS, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            len = rc.length(LENGTHS, pos_state);
            state = if state < 7 { 7 } else { 10 };
            // The distance: its slot, then its low bits.
            let slot = rc.tree(POS_SLOT + (len.min(3) << 6), 6);
            let distance = if slot < 4 {
                slot
            } else {
                let direct_bits = (slot >> 1) - 1;
                let base = (2 | (slot & 1)) << direct_bits;
                if slot < END_POS_MODEL_INDEX {
                    base + rc.reverse(POS_DECODERS + (base - slot) as usize, direct_bits)
                } else {
                    let high = rc.direct(direct_bits - ALIGN_BITS) << ALIGN_BITS;
                    let distance = base
                        .wrapping_add(high)
                        .wrapping_add(rc.reverse(ALIGN, ALIGN_BITS));
                    if distance == u32::MAX {
                        // The end marker.
                        if rc.code != 0 {
                            return Err(Error::Corrupt);
                        }
                        break;
                    }
                    distance
                }
            } as usize;
            if distance >= dict_size || distance >= pos {
                return Err(Error::Corrupt);
            }
            rep0 = distance;
        }
        let len = len + MATCH_MIN_LEN;
        if pos + len > capacity {
            return Err(Error::TooLong);
        }
        // Byte by byte: the match may overlap what it writes (a run).
        let from = pos - rep0 - 1;
        for i in 0..len {
            out[pos + i] = out[from + i];
        }
        pos += len;
    }
    if rc.pos > data.len() || pos != capacity {
        return Err(Error::Truncated);
    }
    Ok(())
}

/// The WebAssembly module's one function: decodes the `data_len` bytes at `data` into the
/// `out_len` bytes at `out`; 0 when done, else an [`Error`]'s number. Both regions are past the
/// module's own memory (its stack and working space, which fill less than its first 64 KiB
/// page), where the caller grows the memory to hold them.
///
/// # Safety
/// The two regions are in the module's memory, past its own use of it, and do not overlap.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn unpack(
    data: *const u8,
    data_len: usize,
    out: *mut u8,
    out_len: usize,
) -> u32 {
    static mut WORK: [u16; PROBS] = [0; PROBS];
    // SAFETY: the regions are as the caller promises, and the module runs one call at a time (it
    // has one thread), so WORK has one user.
    let (data, out, probs) = unsafe {
        (
            core::slice::from_raw_parts(data, data_len),
            core::slice::from_raw_parts_mut(out, out_len),
            &mut *core::ptr::addr_of_mut!(WORK),
        )
    };
    match decode(data, out, probs) {
        Ok(()) => 0,
        Err(error) => error as u32,
    }
}

/// A slice index out of range (only corrupt data can cause one) traps: the caller reports the
/// data as corrupt.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

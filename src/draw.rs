//! The recorded draw (spec §16): the last tie-break rule. Bids still equal after every other rule
//! are put in order by a number each one draws from the seed the buyer recorded in the file
//! (`tieDrawSeed`); the lower number ranks higher.
//!
//! A bid's number depends only on the seed and its own id, never on the other bids or the order of
//! the file, so anyone can repeat the draw from the published rule:
//! 1. FNV-1a (64 bits: offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the seed's length
//!    in bytes as 8 bytes little-endian, then the seed's UTF-8 bytes, then the bid id's UTF-8 bytes
//!    (the length keeps seed "ab" with id "c" apart from seed "a" with id "bc");
//! 2. the SplitMix64 finaliser ([`mix`]) of that, the same mixer that seeds the analysis's random
//!    generator.
//!
//! Two bids drawing the same number (about one chance in 10^19) are put in id order, so the draw
//! always separates distinct bids.

use std::cmp::Ordering;

/// The SplitMix64 finaliser: spreads every bit of `z` over the whole result.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The number bid `id` draws with `seed`; lower ranks higher.
///
/// ```
/// // The same seed and id always draw the same number; another seed, another number.
/// let a = bidscore::draw::number("council meeting 3 March 2026", "b1");
/// assert_eq!(a, bidscore::draw::number("council meeting 3 March 2026", "b1"));
/// assert_ne!(a, bidscore::draw::number("council meeting 4 March 2026", "b1"));
/// ```
pub fn number(seed: &str, id: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let len = (seed.len() as u64).to_le_bytes();
    for &b in len.iter().chain(seed.as_bytes()).chain(id.as_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    mix(h)
}

/// The order the draw gives two bids: `Less` when `a` ranks above `b`.
pub fn order(seed: &str, a: &str, b: &str) -> Ordering {
    number(seed, a).cmp(&number(seed, b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draw_is_a_strict_order_that_depends_on_the_seed() {
        let ids = ["a", "b", "c", "d", "e"];
        let mut first: Vec<&str> = ids.to_vec();
        first.sort_by(|a, b| order("seed one", a, b));
        // Deterministic: the same seed sorts the same way whatever the starting order.
        let mut again: Vec<&str> = ids.iter().rev().copied().collect();
        again.sort_by(|a, b| order("seed one", a, b));
        assert_eq!(first, again);
        // Distinct bids are never equal.
        for a in ids {
            for b in ids {
                assert_eq!(order("seed one", a, b) == Ordering::Equal, a == b);
            }
        }
        // Some other seed gives another order.
        let differs = (0..100).any(|n| {
            let mut other: Vec<&str> = ids.to_vec();
            let seed = format!("seed {n}");
            other.sort_by(|a, b| order(&seed, a, b));
            other != first
        });
        assert!(differs);
        // The seed's length is part of the text hashed.
        assert_ne!(number("ab", "c"), number("a", "bc"));
    }
}

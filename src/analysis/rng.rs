//! The seeded random generator the rank acceptability analysis samples with.

/// xorshift64* seeded per sample, so any range of samples can be drawn on its own and the result
/// never depends on how the work was split.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn for_sample(seed: u64, sample: u64) -> Rng {
        // The SplitMix64 finaliser, shared with the tie-break draw.
        Rng(crate::draw::mix(seed ^ sample.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }

    // Always inlined: a sample takes a number for every four cells it draws, and a call for each
    // costs more than the number.
    #[inline(always)]
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1). Always inlined too: a sample takes one for every criterion's weight.
    #[inline(always)]
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

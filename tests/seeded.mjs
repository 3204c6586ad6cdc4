// Draws from a fixed seed for the tests that edit in a random order: the same seed gives the same
// edits, so a failure names a sequence that repeats.

/** A linear congruential generator: `next()` in [0, 1), `pick(list)` one of its items. */
export function draws(seed) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

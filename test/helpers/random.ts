// Deterministic pseudo-random numbers for property tests, so that a failure can be reproduced.

/** A generator of integers in [0, n) from the seed (a linear congruential generator's high bits). */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return n => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
}

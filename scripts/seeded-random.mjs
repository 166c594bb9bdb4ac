/**
 * mulberry32: a small pseudo-random generator with a seed, so seeded data (the demo's month of
 * decisions, the tests' random mixes) comes out the same every time and a failing mix can be run again.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

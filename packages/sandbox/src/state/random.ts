/**
 * Seeded randomness for the sandbox itself (ids of new records, fault draws). Separate from the world
 * generator's PRNG on purpose: writes and faults must not shift the generated data.
 */

/** mulberry32: tiny, fast, good enough for test doubles; returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic UUID v4 strings from a seeded generator, so reruns of a test produce the same ids. */
export function createUuidFactory(seed: number): () => string {
  const rng = createRng(seed);
  return () => {
    const hex: string[] = [];
    for (let i = 0; i < 32; i++) hex.push(Math.floor(rng() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

/**
 * Seeded pseudo-random numbers for the world generator: sfc32 (small, fast, good statistical quality),
 * plus the handful of distributions the generator draws from.
 *
 * Streams are derived from (seed, labels…) rather than split off a shared stream, so adding a draw in one
 * part of the generator never shifts the numbers another part sees: creator #17 of a project gets the
 * same parameters whatever happened before it.
 */

/** FNV-1a over the UTF-16 code units of `s`. Only used to turn labels into seed material. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3 fmix32): spreads every input bit over the output. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Seed material for a stream: the seed and every label folded into one 32-bit value. */
export function streamKey(seed: number, parts: ReadonlyArray<string | number>): number {
  // Seeds may be any finite number; fold the fractional/large parts in so 42 and 42.5 differ.
  let h = mix32((Math.trunc(seed) >>> 0) ^ mix32(Math.trunc(seed / 4294967296) >>> 0));
  h = mix32(h ^ hashString(String(seed)));
  for (const p of parts) {
    h = mix32(h ^ (typeof p === "number" ? mix32(p >>> 0) + 0x9e3779b9 : hashString(p)));
    h = (h + 0x6d2b79f5) >>> 0;
  }
  return h;
}

/** A cheap, stateless hash of (key, i) mapped to [-1, 1): per-day jitter without storing anything. */
export function signedNoise(key: number, i: number): number {
  return mix32(key ^ mix32(i + 0x27d4eb2d)) / 2147483648 - 1;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream determined entirely by `seed` and the labels. */
  static derive(seed: number, ...parts: Array<string | number>): Rng {
    return new Rng(streamKey(seed, parts));
  }

  constructor(key: number) {
    // splitmix32 expands one word into the four state words; sfc32 then needs a short warm-up.
    let s = key >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream easy to reason about). */
  normal(): number {
    const u = 1 - this.float(); // (0, 1], so the log is finite
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Standard normal clamped to [-limit, limit]: noise with a hard bound the planted signals can clear. */
  boundedNormal(limit: number): number {
    const z = this.normal();
    return Math.min(limit, Math.max(-limit, z));
  }

  /** Log-normal with the given median and log-space sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Rounds `x` up or down at random so that the expectation is `x`. */
  stochasticRound(x: number): number {
    const f = Math.floor(x);
    return f + (this.float() < x - f ? 1 : 0);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** `k` distinct elements in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = tmp;
    }
    copy.length = n;
    return copy;
  }
}

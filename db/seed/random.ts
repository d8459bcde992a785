/**
 * Seeded pseudo-random numbers for the demo data. Nothing in db/seed may use Math.random: the same
 * seed must give the same rows on every run and every engine.
 *
 * The generator is a Weyl sequence (a 32-bit counter stepped by the golden-ratio constant) fed
 * through an avalanche mix, in the spirit of SplitMix. Streams are cheap to create, so every
 * customer gets its own stream derived from (seed, workspace, customer index): changing how much
 * one customer produces never shifts the data of the next one.
 */

const GOLDEN = 0x9e3779b9;

/** Avalanche a 32-bit integer: each input bit flips about half of the output bits. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Combine integers (taken modulo 2^32) into one well-mixed 32-bit stream seed. */
export function deriveSeed(...parts: number[]): number {
  let h = 0x2545f491;
  for (const part of parts) {
    h = mix32((h ^ mix32(part >>> 0)) + GOLDEN);
  }
  return h;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + GOLDEN) >>> 0;
    return mix32(this.state) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick() from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * Approximately standard-normal: the sum of four uniforms, centred and scaled to variance 1
   * (Irwin–Hall). Bounded to ±3.46, which suits demo data better than rare wild outliers.
   */
  normal(mean = 0, sd = 1): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * Math.sqrt(3) * sd;
  }

  /** Log-normal around `median` with spread `sigma` (on the log scale). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
}

/** Create the stream for a labelled sub-sequence, e.g. `streamFor(seed, ws, KIND, i)`. */
export function streamFor(...parts: number[]): Rng {
  return new Rng(deriveSeed(...parts));
}

/** A fixed weighted choice, with the cumulative table built once and sampled many times. */
export class WeightedTable<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0)) throw new Error(`Weight must be ≥ 0 (got ${weight})`);
      if (weight === 0) continue;
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error("A weighted table needs at least one positive weight");
    this.total = sum;
  }

  static fromRecord<K extends string>(weights: Partial<Record<K, number>>): WeightedTable<K> {
    return new WeightedTable(Object.entries(weights) as Array<[K, number]>);
  }

  sample(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

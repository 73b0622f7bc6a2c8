/**
 * A counter per label that holds at most `maxLabels` labels: once full, requests under a label it has
 * not seen are counted under `OTHER_LABEL` instead, so its size never depends on what clients send.
 * Labels already present keep counting exactly.
 */

export const OTHER_LABEL = "(other)";

export class BoundedCounts {
  readonly #counts = new Map<string, number>();

  constructor(private readonly maxLabels: number) {}

  add(label: string): void {
    const current = this.#counts.get(label);
    if (current !== undefined) this.#counts.set(label, current + 1);
    // One slot is kept for the overflow label itself.
    else if (this.#counts.size < this.maxLabels - 1) this.#counts.set(label, 1);
    else this.#counts.set(OTHER_LABEL, (this.#counts.get(OTHER_LABEL) ?? 0) + 1);
  }

  get size(): number {
    return this.#counts.size;
  }

  toObject(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  clear(): void {
    this.#counts.clear();
  }
}

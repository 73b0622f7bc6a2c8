/**
 * The sandbox clock. The world is generated "as of" an instant; the sandbox then lets time flow from
 * there at wall-clock speed, so "today" for stats is the world's last snapshot day, while rate-limit
 * windows and Retry-After values still behave like real time.
 */
export class SandboxClock {
  readonly #asOf: number;
  readonly #startedAt: number;
  #lastStamp = 0;

  constructor(
    asOf: string | Date,
    private readonly wall: () => number = Date.now,
  ) {
    this.#asOf = new Date(asOf).getTime();
    this.#startedAt = wall();
  }

  /** Milliseconds since the epoch on the sandbox's timeline. */
  nowMs(): number {
    return this.#asOf + (this.wall() - this.#startedAt);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /**
   * A strictly increasing ISO timestamp for `created_at` / `updated_at` of writes: two records created in
   * the same millisecond still sort in creation order, which keeps cursor pagination stable.
   */
  stamp(): string {
    const ms = Math.max(this.nowMs(), this.#lastStamp + 1);
    this.#lastStamp = ms;
    return new Date(ms).toISOString();
  }

  /** The current UTC day, `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** Whole seconds until the next 00:00 UTC (at least 1), for daily-quota Retry-After values. */
  secondsToUtcMidnight(): number {
    const now = this.nowMs();
    const next = new Date(now);
    next.setUTCHours(24, 0, 0, 0);
    return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
  }
}

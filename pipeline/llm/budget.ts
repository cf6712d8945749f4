/**
 * The spending limit of one client (`--max-cost`). Every call reserves its worst-case cost
 * (prompt estimate plus the full completion cap) before it is sent and holds it until it
 * answers, so calls in flight together can never overshoot the limit. Synchronous calls and
 * Batch API submissions reserve the same way.
 */

export class Budget {
  /** Worst-case cost of calls in flight (or batches submitted), held until they settle. */
  private reserved = 0;

  constructor(
    /** USD, or null for no limit. */
    readonly maxCost: number | null,
    /** What has been spent so far (read from the client's usage accounting). */
    private readonly spent: () => number,
  ) {}

  /** Hold `cost` against the limit; false (nothing held) when it could exceed it. */
  tryReserve(cost: number): boolean {
    if (this.maxCost !== null && this.spent() + this.reserved + cost > this.maxCost) return false;
    this.reserved += cost;
    return true;
  }

  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  describe(): string {
    return `--max-cost ${this.maxCost} USD (spent ${this.spent().toFixed(4)}, ${this.reserved.toFixed(4)} held for calls in flight)`;
  }
}

/**
 * A sliding-window counter per key, in memory: enough for one server process, and it forgets
 * everything on restart, which is what a rate limit may do.
 */
export class Begrenzer {
  readonly #treffers = new Map<string, number[]>();

  constructor(private readonly maximum: number, private readonly vensterMs: number) {}

  /** Seconds until the key may try again, or 0 when it is within its limit. */
  wachttijd(sleutel: string, nuMs: number): number {
    const lijst = this.#actueel(sleutel, nuMs);
    if (lijst.length < this.maximum) return 0;
    return Math.max(1, Math.ceil((lijst[0]! + this.vensterMs - nuMs) / 1000));
  }

  tel(sleutel: string, nuMs: number): void {
    const lijst = this.#actueel(sleutel, nuMs);
    lijst.push(nuMs);
    this.#treffers.set(sleutel, lijst);
    if (this.#treffers.size > 10_000) this.#ruimOp(nuMs);
  }

  wis(sleutel: string): void {
    this.#treffers.delete(sleutel);
  }

  #actueel(sleutel: string, nuMs: number): number[] {
    return (this.#treffers.get(sleutel) ?? []).filter((t) => t > nuMs - this.vensterMs);
  }

  #ruimOp(nuMs: number): void {
    for (const [sleutel] of this.#treffers) {
      if (this.#actueel(sleutel, nuMs).length === 0) this.#treffers.delete(sleutel);
    }
  }
}

/**
 * Counters per source (`bron`: a session's token hash or a client address), in memory: enough for
 * one server process, and they forget everything on restart, which is what a rate limit may do.
 * Both kinds hold at most `maxBronnen` sources (a flood of new ones pushes out the oldest, it does
 * not grow the map) and sweep expired ones on a timer,
 * never while answering a request (issue 12, finding 3). `stop()` ends the timer.
 */
abstract class Tellers<T> {
  protected readonly tellers = new Map<string, T>();
  readonly #timer: NodeJS.Timeout;

  constructor(protected readonly vensterMs: number, private readonly maxBronnen: number, private readonly klok: () => number) {
    this.#timer = setInterval(() => this.veeg(this.klok()), Math.min(vensterMs, 60_000));
    this.#timer.unref();
  }

  get aantalBronnen(): number {
    return this.tellers.size;
  }

  protected zet(bron: string, waarde: T): void {
    // Re-inserting moves the key to the back: the front of the map is the longest untouched.
    this.tellers.delete(bron);
    this.tellers.set(bron, waarde);
    if (this.tellers.size > this.maxBronnen) this.tellers.delete(this.tellers.keys().next().value!);
  }

  wis(bron: string): void {
    this.tellers.delete(bron);
  }

  /** Drops every key whose counts have all expired. */
  veeg(nuMs: number): void {
    for (const [bron, waarde] of this.tellers) if (this.verlopen(waarde, nuMs)) this.tellers.delete(bron);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  protected abstract verlopen(waarde: T, nuMs: number): boolean;
}

/** A sliding window: at most `maximum` counts per key in `vensterMs`. */
export class Begrenzer extends Tellers<number[]> {
  constructor(private readonly maximum: number, vensterMs: number, opties: { maxBronnen?: number; klok?: () => number } = {}) {
    super(vensterMs, opties.maxBronnen ?? 50_000, opties.klok ?? Date.now);
  }

  /** Seconds until the key may try again, or 0 when it is within its limit. */
  wachttijd(bron: string, nuMs: number): number {
    const lijst = this.#actueel(bron, nuMs);
    if (lijst.length < this.maximum) return 0;
    return Math.max(1, Math.ceil((lijst[0]! + this.vensterMs - nuMs) / 1000));
  }

  tel(bron: string, nuMs: number): void {
    const lijst = this.#actueel(bron, nuMs);
    lijst.push(nuMs);
    // A key over its limit keeps only the newest counts: its list never outgrows the limit.
    this.zet(bron, lijst.length > this.maximum ? lijst.slice(-this.maximum) : lijst);
  }

  #actueel(bron: string, nuMs: number): number[] {
    return (this.tellers.get(bron) ?? []).filter((t) => t > nuMs - this.vensterMs);
  }

  protected verlopen(lijst: number[], nuMs: number): boolean {
    return lijst.every((t) => t <= nuMs - this.vensterMs);
  }
}

interface Fouten {
  aantal: number;
  laatste: number;
}

/**
 * Growing delays instead of a hard block (issue 12, finding 5): after `vrij` failures a key
 * waits 1 s after its last failure, and each further failure doubles that, up to `maxWachtMs`.
 * A key without failures for `vensterMs` starts again from zero.
 */
export class Vertrager extends Tellers<Fouten> {
  constructor(private readonly vrij: number, private readonly maxWachtMs: number, vensterMs: number, opties: { maxBronnen?: number; klok?: () => number } = {}) {
    super(vensterMs, opties.maxBronnen ?? 50_000, opties.klok ?? Date.now);
  }

  /** The delay that `aantal` failures earn. */
  vertraging(aantal: number): number {
    if (aantal < this.vrij) return 0;
    return Math.min(this.maxWachtMs, 1000 * 2 ** Math.min(30, aantal - this.vrij));
  }

  /** Seconds until the key may try again, or 0. */
  wachttijd(bron: string, nuMs: number): number {
    const f = this.#actueel(bron, nuMs);
    if (!f) return 0;
    const tot = f.laatste + this.vertraging(f.aantal);
    return tot > nuMs ? Math.max(1, Math.ceil((tot - nuMs) / 1000)) : 0;
  }

  /** Counts a failure; returns the delay it earned, in seconds. */
  tel(bron: string, nuMs: number): number {
    const aantal = (this.#actueel(bron, nuMs)?.aantal ?? 0) + 1;
    this.zet(bron, { aantal, laatste: nuMs });
    return Math.ceil(this.vertraging(aantal) / 1000);
  }

  #actueel(bron: string, nuMs: number): Fouten | undefined {
    const f = this.tellers.get(bron);
    return f && !this.verlopen(f, nuMs) ? f : undefined;
  }

  protected verlopen(f: Fouten, nuMs: number): boolean {
    return f.laatste <= nuMs - this.vensterMs;
  }
}

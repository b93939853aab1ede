/**
 * The decrypted sort fields of records, per open cache. BSN breaks every tie of ISI's order, and
 * names and birth dates are sort columns, yet none of them can be an index (they are encrypted), so
 * a search sorts in memory on these. A record rewritten loses its entry; `wis()` drops them all.
 *
 * A fill decrypts asynchronously, so a record may be rewritten while its old fields are being
 * decrypted. Each fill therefore takes a stamp when it starts reading, and an entry invalidated
 * after that stamp is not filled from that read.
 */
export class Sorteermemo<T> {
  private readonly waarden = new Map<string, T>();
  /** Only while fills run: when each key was last invalidated. */
  private readonly vervallen = new Map<string, number>();
  private teller = 0;
  private lopend = 0;

  get(sleutel: string): T | undefined {
    return this.waarden.get(sleutel);
  }

  vervalt(sleutels: Iterable<string>): void {
    for (const s of sleutels) {
      this.waarden.delete(s);
      if (this.lopend > 0) this.vervallen.set(s, ++this.teller);
    }
  }

  /** Start of a fill, before it reads the records: its stamp. Pair with `klaar()`. */
  begin(): number {
    this.lopend++;
    return this.teller;
  }

  zet(sleutel: string, waarde: T, stempel: number): void {
    if ((this.vervallen.get(sleutel) ?? -1) > stempel) return;
    this.waarden.set(sleutel, waarde);
  }

  klaar(): void {
    if (--this.lopend === 0) this.vervallen.clear();
  }

  wis(): void {
    this.waarden.clear();
    this.vervallen.clear();
  }
}

/**
 * The machinery under the memory model's searches (geheugen.ts): every record has a small slot
 * number, the kept orders are arrays of slots, and the fields a search checks live in typed
 * columns by slot. A search walks its order reading a few megabytes of columns instead of a hundred
 * thousand objects scattered over the heap: measured in Node on 100,000 persons, one criterion in
 * the order of a name column took 25–50 ms over the records and their field objects.
 */

/** Records by slot. A freed slot is taken again by the next record, so the columns stay dense. */
export class Plaatsen<R> {
  readonly records: (R | undefined)[] = [];
  private readonly vrij: number[] = [];

  neem(r: R): number {
    const n = this.vrij.pop() ?? this.records.length;
    this.records[n] = r;
    return n;
  }

  geefVrij(n: number): void {
    this.records[n] = undefined;
    this.vrij.push(n);
  }

  get(n: number): R {
    return this.records[n]!;
  }
}

/** One field of every record, by slot, as a number; grows with the slots. */
export class Kolom<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>> {
  constructor(public waarden: A) {}

  zet(n: number, waarde: number): void {
    if (n >= this.waarden.length) {
      const groter = new (this.waarden.constructor as new (lengte: number) => A)(Math.max(n + 1, this.waarden.length * 2));
      groter.set(this.waarden);
      this.waarden = groter;
    }
    this.waarden[n] = waarde;
  }
}

export const getalKolom = (): Kolom<Int32Array<ArrayBuffer>> => new Kolom(new Int32Array(1024));
export const datumKolom = (): Kolom<Float64Array<ArrayBuffer>> => new Kolom(new Float64Array(1024));

/**
 * Text values as numbers for equality: the same text has the same code. Null and '' are 0; a
 * criterion the records never had is -1, so it matches nothing, as in ISI.
 */
export class Woordenboek {
  private readonly codes = new Map<string, number>();

  code(waarde: string | null | undefined): number {
    if (!waarde) return 0;
    let c = this.codes.get(waarde);
    if (c === undefined) this.codes.set(waarde, (c = this.codes.size + 1));
    return c;
  }

  zoek(waarde: string): number {
    return this.codes.get(waarde) ?? -1;
  }
}

const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A JJJJ-MM-DD date as the number JJJJMMDD, which sorts as the text does (fixed width digits); null
 * and anything else NaN, which no comparison lets through: a date that is null is in no range (as
 * SQL's comparisons with NULL), and a malformed bound, which ISI refuses (400), finds nothing.
 */
export function datumGetal(datum: string | null | undefined): number {
  const m = datum ? DATUM.exec(datum) : null;
  return m ? Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]) : Number.NaN;
}

/** A range on a date column as a check by slot, or null when neither bound is given. */
export function binnen(kolom: Float64Array, van: string | undefined, tot: string | undefined): ((n: number) => boolean) | null {
  if (!van && !tot) return null;
  const v = van ? datumGetal(van) : Number.NEGATIVE_INFINITY;
  const t = tot ? datumGetal(tot) : Number.POSITIVE_INFINITY;
  return (n) => {
    const d = kolom[n]!;
    return d >= v && d <= t;
  };
}

/** Equality on a coded column as a check by slot, or null when the criterion is not given. */
export function gelijk(kolom: Int32Array, woordenboek: Woordenboek, waarde: string | undefined): ((n: number) => boolean) | null {
  if (!waarde) return null;
  const c = woordenboek.zoek(waarde);
  return (n) => kolom[n] === c;
}

/** The checks given, as one: null when none is given (every record passes). */
export function alle(toetsen: (((n: number) => boolean) | null)[]): ((n: number) => boolean) | null {
  const t = toetsen.filter((x): x is (n: number) => boolean => x !== null);
  if (t.length === 0) return null;
  if (t.length === 1) return t[0]!;
  return (n) => {
    for (let i = 0; i < t.length; i++) if (!t[i]!(n)) return false;
    return true;
  };
}

/** A search's hits: slots in ISI's order. */
export type Treffers = Int32Array | readonly number[];

/**
 * The slots of `orde` that pass `toets`, in order, in a typed array: pushing 80,000 numbers onto a
 * JS array took about 10 ms in a heap the size of the worker's (measured in Node at 100,000
 * persons), this under 3.
 */
export function zeef(orde: readonly number[], toets: (n: number) => boolean): Int32Array {
  const uit = new Int32Array(orde.length);
  let k = 0;
  for (let i = 0; i < orde.length; i++) {
    const n = orde[i]!;
    if (toets(n)) uit[k++] = n;
  }
  return uit.slice(0, k);
}

/** Records a step of `sorteerInStappen` sorts or merges. */
const STAP = 4096;

/**
 * A stable sort (as Array.prototype.sort) in steps, for the worker's free moments: runs of 4,096
 * records sorted one a step, then merged pairwise, a step every 4,096 records merged (on a tie the
 * left run's record first, so the order equals one sort of the whole). A whole sort of 100,000
 * persons took up to 300 ms in one piece; a search that comes in now waits for one step.
 */
export function* sorteerInStappen<T>(rij: T[], vergelijk: (a: T, b: T) => number): Generator<void, T[], void> {
  const n = rij.length;
  for (let i = 0; i < n; i += STAP) {
    const deel = rij.slice(i, i + STAP).sort(vergelijk);
    for (let k = 0; k < deel.length; k++) rij[i + k] = deel[k]!;
    yield;
  }
  let bron = rij;
  let doel = new Array<T>(n);
  for (let breedte = STAP; breedte < n; breedte *= 2) {
    let gedaan = 0;
    for (let lo = 0; lo < n; lo += 2 * breedte) {
      const midden = Math.min(lo + breedte, n);
      const hoog = Math.min(lo + 2 * breedte, n);
      let i = lo;
      let j = midden;
      let k = lo;
      while (i < midden || j < hoog) {
        doel[k++] = j >= hoog || (i < midden && vergelijk(bron[i]!, bron[j]!) <= 0) ? bron[i++]! : bron[j++]!;
        if (++gedaan === STAP) {
          gedaan = 0;
          yield;
        }
      }
    }
    [bron, doel] = [doel, bron];
  }
  return bron;
}

/** Runs a generator's steps until it is done; its result. */
export function afmaken<T>(stappen: Generator<void, T, void>): T {
  for (;;) {
    const r = stappen.next();
    if (r.done) return r.value;
  }
}

/** A small seeded generator (mulberry32): the demo data is the same for the same seed. */
export class Willekeur {
  #staat: number;

  constructor(zaad: number) {
    this.#staat = zaad >>> 0;
  }

  getal(): number {
    this.#staat = (this.#staat + 0x6d2b79f5) >>> 0;
    let t = this.#staat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  tussen(min: number, max: number): number {
    return min + Math.floor(this.getal() * (max - min + 1));
  }

  kans(p: number): boolean {
    return this.getal() < p;
  }

  kies<T>(lijst: readonly T[]): T {
    return lijst[Math.floor(this.getal() * lijst.length)]!;
  }

  /** A version-4-shaped UUID from the stream, so ids are reproducible too. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.getal() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

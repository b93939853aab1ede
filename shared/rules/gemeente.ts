import { weigering, type Weigering } from './weigering';

export interface Gemeente {
  code: string;
  naam: string;
}

export function isGemeentecode(code: string): boolean {
  return /^\d{4}$/.test(code);
}

/** R-GEM-1: every read and write is scoped to a gemeente the user is authorised for. */
export function weigerGemeente(geautoriseerd: readonly Gemeente[] | readonly string[], gemeentecode: string): Weigering | null {
  const codes = geautoriseerd.map((g) => (typeof g === 'string' ? g : g.code));
  return codes.includes(gemeentecode)
    ? null
    : weigering('R-GEM-1', 403, `U bent niet geautoriseerd voor gemeente ${gemeentecode}. Kies bij 'Gekozen gemeente' een gemeente waarvoor u bent geautoriseerd.`);
}

/**
 * R-GEM-1: the gemeente to show as "Gekozen gemeente": the wished one when authorised, else the
 * first authorised one (sorted by name, as a drop-down reads), else null.
 */
export function kiesGemeente(geautoriseerd: readonly Gemeente[], gewenst?: string | null): Gemeente | null {
  const gevonden = geautoriseerd.find((g) => g.code === gewenst);
  if (gevonden) return gevonden;
  return [...geautoriseerd].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))[0] ?? null;
}

import { weigering, type Weigering } from './weigering';

/** R-ROL-1: the account roles of the Portal Inburgering; one account may hold several laws. */
export const ROLLEN = ['WI2007', 'WI2013', 'WI2013MUT', 'WI2021', 'WI2021MUT'] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_NAMEN: Record<Rol, string> = {
  WI2007: 'Raadplegen gegevens 2007',
  WI2013: 'Raadplegen gegevens 2013',
  WI2013MUT: 'Raadplegen en muteren gegevens 2013',
  WI2021: 'Raadplegen gegevens 2021',
  WI2021MUT: 'Raadplegen en muteren gegevens 2021',
};

export const WETTEN = ['WI2007', 'WI2013', 'WI2021'] as const;
export type Wet = (typeof WETTEN)[number];

/** R-ROL-1: a role to consult data of a law; the MUT role of that law includes consulting. */
export function magWetRaadplegen(rollen: readonly Rol[], wet: Wet): boolean {
  switch (wet) {
    case 'WI2007':
      return rollen.includes('WI2007');
    case 'WI2013':
      return rollen.includes('WI2013') || rollen.includes('WI2013MUT');
    case 'WI2021':
      return rollen.includes('WI2021') || rollen.includes('WI2021MUT');
  }
}

/** R-ROL-1: any role of the Portal Inburgering at all. */
export function heeftInburgeringsrol(rollen: readonly Rol[]): boolean {
  return rollen.some((r) => (ROLLEN as readonly string[]).includes(r));
}

export interface MenuItem {
  nummer: string;
  titel: string;
  /** The screen in this application; null where the item is not available here (ELIP). */
  scherm: 'wet' | 'personen' | 'signalen' | 'bestanden' | 'waardepapieren' | null;
  beschikbaar: boolean;
  toelichting?: string;
}

const ELIP_TOELICHTING = 'ELIP heeft een eigen handleiding en is niet beschikbaar in deze applicatie. Gebruik hiervoor het portal van DUO.';

/** R-ROL-2: the Wi2013 items of the start screen "Inburgering" for these roles, in number order. */
export function menuItems(rollen: readonly Rol[]): MenuItem[] {
  const items = new Map<string, MenuItem>();
  const add = (item: MenuItem) => items.set(item.nummer, item);
  const muteren = rollen.includes('WI2013MUT');
  const raadplegen = rollen.includes('WI2013');
  if (raadplegen || muteren) {
    add({ nummer: '01', titel: 'Onder welke wet valt een persoon', scherm: 'wet', beschikbaar: true });
    add({ nummer: '17', titel: 'Downloaden bestanden', scherm: 'bestanden', beschikbaar: true });
  }
  if (raadplegen) {
    add({ nummer: '08', titel: 'Raadplegen persoon 2013', scherm: 'personen', beschikbaar: true });
    add({ nummer: '10', titel: 'Raadplegen signalen 2013', scherm: 'signalen', beschikbaar: true });
    add({ nummer: '12', titel: 'Raadplegen ELIP personen', scherm: null, beschikbaar: false, toelichting: ELIP_TOELICHTING });
  }
  if (muteren) {
    add({ nummer: '09', titel: 'Raadplegen en muteren persoon 2013', scherm: 'personen', beschikbaar: true });
    add({ nummer: '11', titel: 'Raadplegen en muteren signalen 2013', scherm: 'signalen', beschikbaar: true });
    add({ nummer: '13', titel: 'Raadplegen en muteren ELIP signalen', scherm: null, beschikbaar: false, toelichting: ELIP_TOELICHTING });
    add({ nummer: '18', titel: 'Waardepapieren bestellen', scherm: 'waardepapieren', beschikbaar: true });
  }
  return [...items.values()].sort((a, b) => a.nummer.localeCompare(b.nummer));
}

/** R-ROL-2: reading the Wi2013 screens needs one of the two Wi2013 roles. */
export function weigerZonderLeesrol(rollen: readonly Rol[]): Weigering | null {
  return magWetRaadplegen(rollen, 'WI2013')
    ? null
    : weigering('R-ROL-2', 403, "U hebt geen rol voor de Wet inburgering 2013. Vraag uw Mijn DUO-beheerder om de rol 'Raadplegen gegevens 2013'.");
}

export const MELDING_ALLEEN_RAADPLEGEN =
  "U hebt de rol 'Raadplegen gegevens 2013'. Voor wijzigen is de rol 'Raadplegen en muteren gegevens 2013' nodig; vraag die aan bij uw Mijn DUO-beheerder.";

/** R-ROL-3: entering PVT data, invoices, signal status and orders need WI2013MUT. */
export function magMuteren(rollen: readonly Rol[]): boolean {
  return rollen.includes('WI2013MUT');
}

export function weigerZonderMutatierol(rollen: readonly Rol[]): Weigering | null {
  return magMuteren(rollen) ? null : weigering('R-ROL-3', 403, MELDING_ALLEEN_RAADPLEGEN);
}

import { describe, expect, it } from 'vitest';
import { weigerFactuurMuteren } from '../../../shared/rules/factuur';
import { weigerPvtWijzigen, type PvtPersoon } from '../../../shared/rules/pvt';
import {
  heeftInburgeringsrol, magMuteren, magWetRaadplegen, MELDING_ALLEEN_RAADPLEGEN, menuItems, ROL_NAMEN, ROLLEN,
  weigerZonderLeesrol, weigerZonderMutatierol, type Rol, type Wet,
} from '../../../shared/rules/rollen';
import { weigerSignaalStatuswijziging } from '../../../shared/rules/signalen';

describe('R-ROL-1 roles', () => {
  it.each([
    ['WI2007', 'Raadplegen gegevens 2007'],
    ['WI2013', 'Raadplegen gegevens 2013'],
    ['WI2013MUT', 'Raadplegen en muteren gegevens 2013'],
    ['WI2021', 'Raadplegen gegevens 2021'],
    ['WI2021MUT', 'Raadplegen en muteren gegevens 2021'],
  ] as [Rol, string][])('R-ROL-1: %s is "%s" (§2.1 Accountrollen)', (rol, naam) => {
    expect(ROLLEN).toContain(rol);
    expect(ROL_NAMEN[rol]).toBe(naam);
  });

  it('R-ROL-1: exactly the five roles of §2.1, in the handbook order', () => {
    expect([...ROLLEN]).toEqual(['WI2007', 'WI2013', 'WI2013MUT', 'WI2021', 'WI2021MUT']);
  });

  const raadplegen: [string, Rol[], Wet, boolean][] = [
    ['WI2013 leest 2013', ['WI2013'], 'WI2013', true],
    ['WI2013MUT alleen leest ook 2013', ['WI2013MUT'], 'WI2013', true],
    ['WI2013 leest geen 2007', ['WI2013'], 'WI2007', false],
    ['WI2013 leest geen 2021', ['WI2013'], 'WI2021', false],
    ['WI2007 leest 2007', ['WI2007'], 'WI2007', true],
    ['WI2021MUT leest 2021', ['WI2021MUT'], 'WI2021', true],
    ['WI2021 leest 2021', ['WI2021'], 'WI2021', true],
    ['WI2021MUT leest geen 2013', ['WI2021MUT'], 'WI2013', false],
    ['één account met rollen voor drie wetten leest 2007', ['WI2007', 'WI2013MUT', 'WI2021'], 'WI2007', true],
    ['één account met rollen voor drie wetten leest 2021', ['WI2007', 'WI2013MUT', 'WI2021'], 'WI2021', true],
    ['geen rollen leest niets', [], 'WI2013', false],
  ];
  it.each(raadplegen)('R-ROL-1: magWetRaadplegen: %s', (_naam, rollen, wet, verwacht) => {
    expect(magWetRaadplegen(rollen, wet)).toBe(verwacht);
  });

  it.each([
    [[], false],
    [['WI2007'], true],
    [['WI2021MUT'], true],
    [['WI2013', 'WI2021'], true],
  ] as [Rol[], boolean][])('R-ROL-1: heeftInburgeringsrol(%j) is %s', (rollen, verwacht) => {
    expect(heeftInburgeringsrol(rollen)).toBe(verwacht);
  });
});

describe('R-ROL-2 menu items of §3.1 per role', () => {
  const nummers: [string, Rol[], string[]][] = [
    ["rol 'Raadplegen gegevens 2013'", ['WI2013'], ['01', '08', '10', '12', '17']],
    ["rol 'Raadplegen en muteren gegevens 2013'", ['WI2013MUT'], ['01', '09', '11', '13', '17', '18']],
    ['beide rollen: elk nummer één keer', ['WI2013', 'WI2013MUT'], ['01', '08', '09', '10', '11', '12', '13', '17', '18']],
    ['alleen een rol voor 2021', ['WI2021', 'WI2021MUT'], []],
    ['alleen een rol voor 2007', ['WI2007'], []],
    ['geen rol', [], []],
  ];
  it.each(nummers)('R-ROL-2: %s', (_naam, rollen, verwacht) => {
    expect(menuItems(rollen).map((i) => i.nummer)).toEqual(verwacht);
  });

  const titels: [string, string, string | null, boolean][] = [
    ['01', 'Onder welke wet valt een persoon', 'wet', true],
    ['08', 'Raadplegen persoon 2013', 'personen', true],
    ['09', 'Raadplegen en muteren persoon 2013', 'personen', true],
    ['10', 'Raadplegen signalen 2013', 'signalen', true],
    ['11', 'Raadplegen en muteren signalen 2013', 'signalen', true],
    ['12', 'Raadplegen ELIP personen', null, false],
    ['13', 'Raadplegen en muteren ELIP signalen', null, false],
    ['17', 'Downloaden bestanden', 'bestanden', true],
    ['18', 'Waardepapieren bestellen', 'waardepapieren', true],
  ];
  it.each(titels)('R-ROL-2: %s. %s (scherm %s, beschikbaar %s)', (nummer, titel, scherm, beschikbaar) => {
    const item = menuItems(['WI2013', 'WI2013MUT']).find((i) => i.nummer === nummer);
    expect(item).toMatchObject({ nummer, titel, scherm, beschikbaar });
  });

  it.each(['12', '13'])('R-ROL-2: ELIP item %s says why it is not available here', (nummer) => {
    const item = menuItems(['WI2013', 'WI2013MUT']).find((i) => i.nummer === nummer);
    expect(item?.toelichting).toBe('ELIP heeft een eigen handleiding en is niet beschikbaar in deze applicatie. Gebruik hiervoor het portal van DUO.');
  });

  it.each([
    [['WI2013'], null],
    [['WI2013MUT'], null],
    [['WI2021'], 'R-ROL-2'],
    [[], 'R-ROL-2'],
  ] as [Rol[], string | null][])('R-ROL-2: weigerZonderLeesrol(%j) → %s', (rollen, regel) => {
    const w = weigerZonderLeesrol(rollen);
    if (regel === null) expect(w).toBeNull();
    else expect(w).toEqual({ regel, status: 403, melding: "U hebt geen rol voor de Wet inburgering 2013. Vraag uw Mijn DUO-beheerder om de rol 'Raadplegen gegevens 2013'." });
  });
});

describe('R-ROL-3 what needs WI2013MUT', () => {
  const pvtPersoon: PvtPersoon = {
    wet: 'WI2013', pvtPlichtig: 'J', datumEindePvtPlicht: '2020-06-30', verblijf: 'WOONACHTIG', registratieDefinitief: false,
    datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null,
  };
  // The four actions §3.1 lists as closed to 'raadplegen gegevens', each through its own shared check.
  const acties: [string, (rollen: Rol[]) => unknown][] = [
    ['Invoeren of wijzigen gegevens PVT', (rollen) => weigerPvtWijzigen(pvtPersoon, rollen)],
    ['Invoeren of wijzigen factuur', (rollen) => weigerFactuurMuteren({ verblijf: 'WOONACHTIG' }, rollen)],
    ['Wijzigen signalen', (rollen) => weigerSignaalStatuswijziging(rollen, ['3f6f1c1e-1d2b-4c59-9a51-0a6f0d1e2c3b'])],
    ['Waardepapieren bestellen', (rollen) => weigerZonderMutatierol(rollen)],
  ];
  const weigering = { regel: 'R-ROL-3', status: 403, melding: MELDING_ALLEEN_RAADPLEGEN };

  it.each(acties)('R-ROL-3: %s is refused with only WI2013', (_actie, check) => {
    expect(check(['WI2013'])).toEqual(weigering);
  });

  it.each(acties)('R-ROL-3: %s is refused with WI2021MUT (a MUT role of another law)', (_actie, check) => {
    expect(check(['WI2013', 'WI2021MUT'])).toEqual(weigering);
  });

  it.each(acties)('R-ROL-3: %s is allowed with WI2013MUT', (_actie, check) => {
    expect(check(['WI2013MUT'])).toBeNull();
  });

  it.each([
    [['WI2013MUT'], true],
    [['WI2013', 'WI2013MUT'], true],
    [['WI2013'], false],
    [['WI2021MUT'], false],
    [[], false],
  ] as [Rol[], boolean][])('R-ROL-3: magMuteren(%j) is %s', (rollen, verwacht) => {
    expect(magMuteren(rollen)).toBe(verwacht);
  });

  it('R-ROL-3: the message names both roles so the user knows what to ask the beheerder', () => {
    expect(MELDING_ALLEEN_RAADPLEGEN).toBe(
      "U hebt de rol 'Raadplegen gegevens 2013'. Voor wijzigen is de rol 'Raadplegen en muteren gegevens 2013' nodig; vraag die aan bij uw Mijn DUO-beheerder.",
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ActivatieAanvraag, Contactbericht, NieuweGebruiker, PersonenZoekvraag, PvtWijziging, SessieAanvraag, SessieMetWachtwoord, SimulatiePersoon,
  Waardepapierbestelling,
} from '../../../shared/schemas/api';
import { VELD_LABELS, vertaalFouten } from '../../../shared/schemas/fouten';

type Fout = { veld: string; code: string; melding: string };

// Parsed exactly as the server's boundary does (plain safeParse), so the messages are the ones users see.
function fouten(schema: z.ZodType, body: unknown): Fout[] {
  const uitkomst = schema.safeParse(body);
  if (uitkomst.success) throw new Error('expected the body to be refused');
  return vertaalFouten(uitkomst.error, body);
}

const PVT_LEEG = { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null };

describe('field errors in Dutch, all at once (API.md "fouten")', () => {
  const gevallen: [string, z.ZodType, unknown, Fout[]][] = [
    ['R-PVT-6: an impossible date', PvtWijziging, { ...PVT_LEEG, datumStartDeelname: '2025-02-30' }, [
      { veld: 'datumStartDeelname', code: 'ONGELDIGE_DATUM', melding: "'Datum start deelname PV-traject' is geen geldige datum (gebruik jjjj-mm-dd)." },
    ]],
    ['R-PVT-4: an unknown reason', PvtWijziging, { ...PVT_LEEG, redenNietVoldaan: 'VERHUISD' }, [
      { veld: 'redenNietVoldaan', code: 'ONBEKENDE_WAARDE', melding: "Het veld 'Reden niet voldaan aan PVT-plicht' heeft een onbekende waarde. Toegestaan: WEIGERT_DEELNAME, WEIGERT_ONDERTEKENING, REAGEERT_NIET, NIET_VERSCHENEN, GEEN_AANBOD, ZIEKTE, DETENTIE, OVERMACHT." },
    ]],
    ['R-PVT-2: a field the gemeente does not own', PvtWijziging, { ...PVT_LEEG, datumEindePvtPlicht: '2021-06-30' }, [
      { veld: 'datumEindePvtPlicht', code: 'ONBEKEND_VELD', melding: 'Onbekend veld in het verzoek: datumEindePvtPlicht.' },
    ]],
    ['R-PVT-2: a date field left out', PvtWijziging, { datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null }, [
      { veld: 'datumStartDeelname', code: 'VERPLICHT', melding: "Het veld 'Datum start deelname PV-traject' is verplicht." },
    ]],
    ['R-PVT-2: the reason left out is "verplicht", not "onbekend"', PvtWijziging, { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null }, [
      { veld: 'redenNietVoldaan', code: 'VERPLICHT', melding: "Het veld 'Reden niet voldaan aan PVT-plicht' is verplicht." },
    ]],
    ['R-PVT-2: a number where a date belongs is filled in, so not "verplicht"', PvtWijziging, { ...PVT_LEEG, datumEindeDeelname: 20200518 }, [
      { veld: 'datumEindeDeelname', code: 'ONGELDIG_TYPE', melding: "Het veld 'Datum einde deelname PV-traject' heeft een ongeldige waarde." },
    ]],
    ['R-ZP-2: J/N only, and an unknown sort column', PersonenZoekvraag, { pvtPlichtig: 'Ja', sorteer: 'postcode' }, [
      { veld: 'pvtPlichtig', code: 'ONBEKENDE_WAARDE', melding: "Het veld 'PVT-plichtig' heeft een onbekende waarde. Toegestaan: J, N." },
      { veld: 'sorteer', code: 'ONBEKENDE_SORTERING', melding: "'Sortering' noemt een kolom waarop niet gesorteerd kan worden." },
    ]],
    ['R-AUTH-1: a verification code of 5 digits', SessieMetWachtwoord, { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '12345' }, [
      { veld: 'totp', code: 'ONGELDIG_FORMAAT', melding: 'De verificatiecode bestaat uit 6 cijfers.' },
    ]],
    ['R-AUTH-1: neither way of logging in', SessieAanvraag, {}, [
      { veld: '', code: 'ONGELDIGE_COMBINATIE', melding: 'Het verzoek heeft niet de verwachte vorm.' },
    ]],
    ['R-AUTH-2: an empty activation code', ActivatieAanvraag, { gebruikersnaam: 'nieuw', activatiecode: '', wachtwoord: 'geheim123' }, [
      { veld: 'activatiecode', code: 'VERPLICHT', melding: "Het veld 'Activatiecode' is verplicht." },
    ]],
    ['R-AUTH-2: a user name too short', NieuweGebruiker, { gebruikersnaam: 'ab', naam: 'A. Bakker', email: 'a.bakker@groningen.nl', rollen: ['WI2013'], gemeenten: ['0014'] }, [
      { veld: 'gebruikersnaam', code: 'TE_KLEIN', melding: "Het veld 'Gebruikersnaam' moet minimaal 3 tekens bevatten." },
    ]],
    ['R-AUTH-2: a user name with capitals', NieuweGebruiker, { gebruikersnaam: 'ABakker', naam: 'A. Bakker', email: 'a.bakker@groningen.nl', rollen: ['WI2013'], gemeenten: ['0014'] }, [
      { veld: 'gebruikersnaam', code: 'ONGELDIG_FORMAAT', melding: 'Een gebruikersnaam bestaat uit kleine letters, cijfers, punten, streepjes en liggende streepjes.' },
    ]],
    ['R-WP-1: an absurd number of sets and no e-mail address', Waardepapierbestelling, { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2_000_000, contactpersoon: 'J. de Vries', email: 'groningen' }, [
      { veld: 'aantalSets', code: 'TE_GROOT', melding: "Het veld 'Aantal sets' mag maximaal 1000000 zijn." },
      { veld: 'email', code: 'ONGELDIG_FORMAAT', melding: "Vul bij 'E-mail' een geldig e-mailadres in." },
    ]],
    ['R-CON-1: a name of 201 characters', Contactbericht, { naam: 'x'.repeat(201), email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'Vraag' }, [
      { veld: 'naam', code: 'TE_GROOT', melding: "Het veld 'Naam' mag maximaal 200 tekens bevatten." },
    ]],
    ['R-FAC-2: a nested field is named by its own label', SimulatiePersoon, { gemeentecode: '0014', factuur: { factuurnummer: 'ABCDEF12345678901', factuurdatum: '2019-11-04' } }, [
      { veld: 'factuur.factuurnummer', code: 'TE_GROOT', melding: "Het veld 'Factuurnummer' mag maximaal 16 tekens bevatten." },
    ]],
  ];
  it.each(gevallen)('%s', (_naam, schema, body, verwacht) => {
    expect(fouten(schema, body)).toEqual(verwacht);
  });

  it.each([
    ['datumVoldaan', 'Datum voldaan aan PVT-plicht'],
    ['redenNietVoldaan', 'Reden niet voldaan aan PVT-plicht'],
    ['factuurnummer', 'Factuurnummer'],
    ['debiteurnummer', 'Debiteurnummer'],
    ['telefoonnummer', 'Telefoonnummer'],
    ['bsn', 'Burgerservicenummer'],
    ['aantalSets', 'Aantal sets'],
  ])('the field %s is called "%s" as on the portal screens', (veld, label) => {
    expect(VELD_LABELS[veld]).toBe(label);
  });
});

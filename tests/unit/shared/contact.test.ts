import { describe, expect, it } from 'vitest';
import { MELDING_ONBEKEND_ADRES, ONDERWERPEN, SERVICECENTRUM, weigerContactbericht, type Contactbericht } from '../../../shared/rules/contact';

const goed: Contactbericht = {
  naam: 'J. de Vries',
  email: 'inburgering@groningen.nl',
  magBellen: false,
  telefoonnummer: null,
  onderwerp: 'Signalen',
  bericht: 'Wij zien signaal SS604 bij een persoon met een geregistreerde reden.',
};

describe('R-CON-1 Servicecentrum Inburgering and the contact form', () => {
  type Fout = { veld: string; code: string; melding: string };
  const gevallen: [string, Partial<Contactbericht>, Fout[]][] = [
    ['everything filled in', {}, []],
    ['DUO mag mij bellen, with a phone number', { magBellen: true, telefoonnummer: '050 599 9191' }, []],
    ['a phone number with +31', { magBellen: true, telefoonnummer: '+31 50 599 9191' }, []],
    ['a phone number without DUO calling', { telefoonnummer: '0505999191' }, []],
    ['Naam empty', { naam: '' }, [{ veld: 'naam', code: 'VERPLICHT', melding: "Het veld 'Naam' is verplicht" }]],
    ['Naam only spaces', { naam: '   ' }, [{ veld: 'naam', code: 'VERPLICHT', melding: "Het veld 'Naam' is verplicht" }]],
    ['E-mail empty', { email: '' }, [{ veld: 'email', code: 'VERPLICHT', melding: "Het veld 'E-mail' is verplicht" }]],
    ['E-mail without @', { email: 'inburgering.groningen.nl' }, [{ veld: 'email', code: 'ONGELDIG_FORMAAT', melding: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.' }]],
    ['DUO mag mij bellen (Ja), no phone number', { magBellen: true, telefoonnummer: null }, [{ veld: 'telefoonnummer', code: 'VERPLICHT', melding: "Het veld 'Telefoonnummer' is verplicht" }]],
    ['DUO mag mij bellen (Ja), phone number only spaces', { magBellen: true, telefoonnummer: '  ' }, [{ veld: 'telefoonnummer', code: 'VERPLICHT', melding: "Het veld 'Telefoonnummer' is verplicht" }]],
    ['a phone number too short', { magBellen: true, telefoonnummer: '12345' }, [{ veld: 'telefoonnummer', code: 'ONGELDIG_FORMAAT', melding: 'Vul een geldig telefoonnummer in, bijvoorbeeld 050 123 4567.' }]],
    ['an unknown onderwerp', { onderwerp: 'Anders' }, [{ veld: 'onderwerp', code: 'ONBEKENDE_WAARDE', melding: 'Kies een onderwerp uit de lijst: Klachten, Storing, LBT (leerbaarheidstoets), Signalen, Vrijstellingen/ontheffing, PVT, Leerroutes/examen, Overig.' }]],
    ['no message', { bericht: '' }, [{ veld: 'bericht', code: 'VERPLICHT', melding: "Het veld 'Bericht' is verplicht" }]],
    ['the screenshot of §3.14: Naam, E-mail and Telefoonnummer empty with Ja', { naam: '', email: '', magBellen: true, telefoonnummer: '' }, [
      { veld: 'naam', code: 'VERPLICHT', melding: "Het veld 'Naam' is verplicht" },
      { veld: 'email', code: 'VERPLICHT', melding: "Het veld 'E-mail' is verplicht" },
      { veld: 'telefoonnummer', code: 'VERPLICHT', melding: "Het veld 'Telefoonnummer' is verplicht" },
    ]],
  ];
  it.each(gevallen)('R-CON-1: %s', (_naam, afwijking, fouten) => {
    const w = weigerContactbericht({ ...goed, ...afwijking });
    if (fouten.length === 0) expect(w).toBeNull();
    else expect(w).toEqual({ regel: 'R-CON-1', status: 400, melding: 'Niet alle velden zijn goed ingevuld.', fouten });
  });

  it.each(ONDERWERPEN.map((o) => [o]))('R-CON-1: onderwerp %s is accepted', (onderwerp) => {
    expect(weigerContactbericht({ ...goed, onderwerp })).toBeNull();
  });

  it('R-CON-1: the eight subjects of §3.14, in order', () => {
    expect([...ONDERWERPEN]).toEqual(['Klachten', 'Storing', 'LBT (leerbaarheidstoets)', 'Signalen', 'Vrijstellingen/ontheffing', 'PVT', 'Leerroutes/examen', 'Overig']);
  });

  it.each([
    ['telefoon', '050 599 9191'],
    ['bereikbaar', 'werkdagen tussen 9.00 uur en 17.00 uur'],
    ['email', 'sci@duo.nl'],
    ['naam', 'Servicecentrum Inburgering'],
  ] as [keyof typeof SERVICECENTRUM, string][])('R-CON-1: Servicecentrum %s is %s', (sleutel, waarde) => {
    expect(SERVICECENTRUM[sleutel]).toBe(waarde);
  });

  it('R-CON-1: the notice about unknown addresses', () => {
    expect(MELDING_ONBEKEND_ADRES).toBe('Let op: als u een e-mailadres en/of telefoonnummer invult dat niet bij DUO bekend is, dan krijgt u geen (inhoudelijk) antwoord.');
  });
});

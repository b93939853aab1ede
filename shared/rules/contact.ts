import { veldfouten, type Veldfout, type Weigering } from './weigering';

/** R-CON-1: the Servicecentrum Inburgering and its contact form. */
export const SERVICECENTRUM = {
  naam: 'Servicecentrum Inburgering',
  telefoon: '050 599 9191',
  bereikbaar: 'werkdagen tussen 9.00 uur en 17.00 uur',
  email: 'sci@duo.nl',
} as const;

export const ONDERWERPEN = [
  'Klachten', 'Storing', 'LBT (leerbaarheidstoets)', 'Signalen', 'Vrijstellingen/ontheffing', 'PVT', 'Leerroutes/examen', 'Overig',
] as const;
export type Onderwerp = (typeof ONDERWERPEN)[number];

export const MELDING_ONBEKEND_ADRES =
  'Let op: als u een e-mailadres en/of telefoonnummer invult dat niet bij DUO bekend is, dan krijgt u geen (inhoudelijk) antwoord.';

export interface Contactbericht {
  naam: string;
  email: string;
  magBellen: boolean;
  telefoonnummer?: string | null;
  onderwerp: string;
  bericht: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEFOON = /^\+?[0-9 ()-]{10,20}$/;

/** R-CON-1: Naam and E-mail required, Telefoonnummer when DUO may call, a known subject, a message. */
export function weigerContactbericht(b: Contactbericht): Weigering | null {
  const fouten: Veldfout[] = [];
  const verplicht = (veld: string, label: string) => fouten.push({ veld, code: 'VERPLICHT', melding: `Het veld '${label}' is verplicht` });
  if (b.naam.trim() === '') verplicht('naam', 'Naam');
  if (b.email.trim() === '') verplicht('email', 'E-mail');
  else if (!EMAIL.test(b.email.trim())) fouten.push({ veld: 'email', code: 'ONGELDIG_FORMAAT', melding: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.' });
  const telefoon = b.telefoonnummer?.trim() ?? '';
  if (b.magBellen && telefoon === '') verplicht('telefoonnummer', 'Telefoonnummer');
  else if (telefoon !== '' && !TELEFOON.test(telefoon)) fouten.push({ veld: 'telefoonnummer', code: 'ONGELDIG_FORMAAT', melding: 'Vul een geldig telefoonnummer in, bijvoorbeeld 050 123 4567.' });
  if (!(ONDERWERPEN as readonly string[]).includes(b.onderwerp)) fouten.push({ veld: 'onderwerp', code: 'ONBEKENDE_WAARDE', melding: `Kies een onderwerp uit de lijst: ${ONDERWERPEN.join(', ')}.` });
  if (b.bericht.trim() === '') verplicht('bericht', 'Bericht');
  return veldfouten('R-CON-1', fouten);
}

import type { z } from 'zod';
import { PVT_VELD_LABELS } from '../rules/pvt';
import type { Veldfout } from '../rules/weigering';
import { ZOEKCRITERIA_LABELS } from '../rules/zoeken';

/** The Dutch names of the fields of the contract, for messages a user can act on. */
export const VELD_LABELS: Record<string, string> = {
  bsn: 'Burgerservicenummer',
  gebruikersnaam: 'Gebruikersnaam',
  wachtwoord: 'Wachtwoord',
  totp: 'Verificatiecode',
  applicatiesleutel: 'Applicatiesleutel',
  activatiecode: 'Activatiecode',
  naam: 'Naam',
  email: 'E-mail',
  rollen: 'Rollen',
  gemeenten: 'Gemeenten',
  ...ZOEKCRITERIA_LABELS,
  sorteer: 'Sortering',
  pagina: 'Pagina',
  paginaGrootte: 'Aantal per pagina',
  ...PVT_VELD_LABELS,
  factuurnummer: 'Factuurnummer',
  factuurdatum: 'Factuurdatum',
  debiteurnummer: 'Debiteurnummer',
  code: 'Code signaal',
  datumVan: 'Datum vanaf',
  datumTot: 'Datum tot en met',
  status: 'Status signaal',
  ids: 'Geselecteerde signalen',
  soort: 'Soort waardepapier',
  aantalSets: 'Aantal sets',
  contactpersoon: 'Contactpersoon',
  bevestigdBovenVerwachting: 'Bevestiging aantal',
  magBellen: 'DUO mag mij bellen',
  telefoonnummer: 'Telefoonnummer',
  onderwerp: 'Onderwerp',
  bericht: 'Bericht',
  vandaag: 'Datum vandaag',
  type: 'Soort gebeurtenis',
  gemeentecode: 'Gemeentecode',
  naarGemeentecode: 'Nieuwe gemeente',
  rekeningnummer: 'Rekeningnummer',
};

function label(pad: readonly PropertyKey[]): string {
  const veld = [...pad].reverse().find((p) => typeof p === 'string');
  return typeof veld === 'string' ? (VELD_LABELS[veld] ?? veld) : 'Het verzoek';
}

/** The value at `pad` in what was sent; undefined when the field was left out. */
function waardeOp(invoer: unknown, pad: readonly PropertyKey[]): unknown {
  let waarde = invoer;
  for (const stap of pad) {
    if (waarde === null || typeof waarde !== 'object') return undefined;
    waarde = (waarde as Record<PropertyKey, unknown>)[stap];
  }
  return waarde;
}

function melding(issue: z.core.$ZodIssue, invoer: unknown): { code: string; melding: string } {
  const naam = label(issue.path);
  const ontbreekt = issue.path.length > 0 && waardeOp(invoer, issue.path) === undefined;
  if (ontbreekt && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return { code: 'VERPLICHT', melding: `Het veld '${naam}' is verplicht.` };
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.path.length === 0
        ? { code: 'GEEN_OBJECT', melding: 'Het verzoek moet een JSON-object met velden bevatten.' }
        : { code: 'ONGELDIG_TYPE', melding: `Het veld '${naam}' heeft een ongeldige waarde.` };
    case 'too_big':

      return { code: 'TE_GROOT', melding: issue.origin === 'string' ? `Het veld '${naam}' mag maximaal ${String(issue.maximum)} tekens bevatten.` : `Het veld '${naam}' mag maximaal ${String(issue.maximum)} zijn.` };
    case 'too_small':
      if (issue.origin === 'array') return { code: 'TE_WEINIG', melding: `Kies bij '${naam}' minimaal ${String(issue.minimum)}.` };
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { code: 'VERPLICHT', melding: `Het veld '${naam}' is verplicht.` }
        : { code: 'TE_KLEIN', melding: issue.origin === 'string' ? `Het veld '${naam}' moet minimaal ${String(issue.minimum)} tekens bevatten.` : `Het veld '${naam}' moet minimaal ${String(issue.minimum)} zijn.` };
    case 'invalid_value':
      return { code: 'ONBEKENDE_WAARDE', melding: `Het veld '${naam}' heeft een onbekende waarde. Toegestaan: ${issue.values.map(String).join(', ')}.` };
    case 'unrecognized_keys':
      return { code: 'ONBEKEND_VELD', melding: `Onbekend veld in het verzoek: ${issue.keys.join(', ')}.` };
    case 'invalid_format':
      return issue.format === 'email'
        ? { code: 'ONGELDIG_FORMAAT', melding: `Vul bij '${naam}' een geldig e-mailadres in.` }
        : { code: 'ONGELDIG_FORMAAT', melding: formaatMelding(naam, issue.message) };
    case 'custom':
      return { code: issue.message, melding: formaatMelding(naam, issue.message) };
    case 'invalid_union':
      return { code: 'ONGELDIGE_COMBINATIE', melding: `${naam === 'Het verzoek' ? 'Het verzoek' : `Het veld '${naam}'`} heeft niet de verwachte vorm.` };
    default:
      return { code: 'ONGELDIGE_WAARDE', melding: `Het veld '${naam}' heeft een ongeldige waarde.` };
  }
}

function formaatMelding(naam: string, code: string): string {
  switch (code) {
    case 'ONGELDIGE_DATUM':
      return `'${naam}' is geen geldige datum (gebruik jjjj-mm-dd).`;
    case 'BSN_FORMAAT':
      return 'Een burgerservicenummer bestaat uit 9 cijfers.';
    case 'TOTP_FORMAAT':
      return 'De verificatiecode bestaat uit 6 cijfers.';
    case 'ONBEKENDE_SORTERING':
      return `'${naam}' noemt een kolom waarop niet gesorteerd kan worden.`;
    case 'GEBRUIKERSNAAM_FORMAAT':
      return 'Een gebruikersnaam bestaat uit kleine letters, cijfers, punten, streepjes en liggende streepjes.';
    default:
      return `Het veld '${naam}' heeft een ongeldige waarde.`;
  }
}

/**
 * Every problem of a failed parse as Dutch field errors, all at once (API.md: `fouten`). The value
 * that was parsed tells a field left out ("verplicht") from one with a wrong value.
 */
export function vertaalFouten(error: z.ZodError, invoer: unknown): Veldfout[] {
  return error.issues.map((issue) => {
    const veld = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '');
    return { veld, ...melding(issue, invoer) };
  });
}

/** Parses with a schema of the contract: the value, or the Dutch field errors. */
export function leesInvoer<T extends z.ZodType>(schema: T, invoer: unknown): { ok: true; waarde: z.infer<T> } | { ok: false; fouten: Veldfout[] } {
  const uitkomst = schema.safeParse(invoer);
  return uitkomst.success ? { ok: true, waarde: uitkomst.data } : { ok: false, fouten: vertaalFouten(uitkomst.error, invoer) };
}

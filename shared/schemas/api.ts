import { z } from 'zod';
import { isGeldigeDatum } from '../datum';
import { ROLLEN, WETTEN } from '../rules/rollen';
import { REDEN_CODES } from '../rules/pvt';
import { SIGNAAL_CODES, SIGNAAL_STATUSSEN, NIEUWE_SIGNAAL_STATUSSEN, GEBEURTENIS_TYPES, type SignaalCode as SignaalCodeType } from '../rules/signalen';
import { WAARDEPAPIER_SOORTEN } from '../rules/waardepapieren';
import { ISI_GROOTSTE_PAGINA } from '../rules/zoeken';

/**
 * The one schema source for every request and response of the ISI contract (API.md). The server
 * validates with these, the app's IPC and forms validate with these, and the OpenAPI document is
 * generated from these.
 */

export const Datum = z.string().max(10).refine(isGeldigeDatum, { message: 'ONGELDIGE_DATUM' }).meta({ format: 'date', description: 'Datum als JJJJ-MM-DD' });
export const DatumOfNull = Datum.nullable();
export const Bsn = z.string().max(9).regex(/^\d{9}$/, { message: 'BSN_FORMAAT' }).meta({ description: 'Burgerservicenummer: 9 cijfers (tekst, voorloopnullen blijven)' });
export const Gemeentecode = z.string().regex(/^\d{4}$/);
export const JN = z.enum(['J', 'N']);
export const Verblijf = z.enum(['WOONACHTIG', 'VOORMALIG']);
export const Rol = z.enum(ROLLEN);
export const Wet = z.enum(WETTEN);
export const RedenCode = z.enum(REDEN_CODES);
export const SignaalCode = z.enum(SIGNAAL_CODES as [SignaalCodeType, ...SignaalCodeType[]]);
export const SignaalStatus = z.enum(SIGNAAL_STATUSSEN);
export const Id = z.string().uuid();
const Tekst = (max: number) => z.string().max(max);
const Pagina = z.number().int().min(1).max(1_000_000);

export const GemeenteRef = z.object({ code: Gemeentecode, naam: z.string() });

export const Probleem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  regel: z.string().optional(),
  fouten: z.array(z.object({ veld: z.string(), code: z.string(), melding: z.string() })).optional(),
}).meta({ id: 'Probleem' });

// Sessions (R-AUTH-1, R-AUTH-2)
export const SessieMetWachtwoord = z.strictObject({ gebruikersnaam: Tekst(100).min(1), wachtwoord: Tekst(200).min(1), totp: z.string().regex(/^\d{6}$/, { message: 'TOTP_FORMAAT' }) });
export const SessieMetSleutel = z.strictObject({ applicatiesleutel: Tekst(100).min(1), wachtwoord: Tekst(200).min(1) });
export const SessieAanvraag = z.union([SessieMetSleutel, SessieMetWachtwoord]).meta({ id: 'SessieAanvraag' });
export const Gebruiker = z.object({
  gebruikersnaam: z.string(),
  naam: z.string(),
  rollen: z.array(Rol),
  // R-FAC-3: whether DUO knows the gemeente's bank account, so the invoice form can say so when it
  // opens; left out by an ISI that does not tell, and then only its refusal on sending says it.
  gemeenten: z.array(GemeenteRef.extend({ rekeningnummerBekend: z.boolean().optional() })),
  beheerderVan: z.array(GemeenteRef).optional(),
}).meta({ id: 'Gebruiker' });
export const Sessie = z.object({ token: z.string(), verlooptOp: z.string(), gebruiker: Gebruiker }).meta({ id: 'Sessie' });

export const NieuweGebruiker = z.strictObject({
  gebruikersnaam: z.string().min(3).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'GEBRUIKERSNAAM_FORMAAT' }),
  naam: Tekst(200).min(1),
  email: z.string().max(254).email(),
  rollen: z.array(Rol).min(1).max(ROLLEN.length),
  gemeenten: z.array(Gemeentecode).min(1).max(50),
}).meta({ id: 'NieuweGebruiker' });
export const Activatiecode = z.object({ activatiecode: z.string(), geldigTot: z.string() }).meta({ id: 'Activatiecode' });
export const ActivatieAanvraag = z.strictObject({ gebruikersnaam: Tekst(64).min(1), activatiecode: Tekst(64).min(1), wachtwoord: Tekst(200).min(1) }).meta({ id: 'ActivatieAanvraag' });
export const Activatie = z.object({ totpGeheim: z.string() }).meta({ id: 'Activatie' });

// Persons (R-ZP-*, R-PER-*)
export const PersoonSorteerkolom = z.enum(['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'pvtPlichtig', 'voldaan', 'rechtOpMb', 'factuurAanwezig', 'signaalAanwezig']);
const Sorteer = <T extends z.ZodEnum>(kolommen: T) =>
  z.string().max(40).refine((s) => (kolommen.options as string[]).includes(s.replace(/^-/, '')), { message: 'ONBEKENDE_SORTERING' });

export const PersonenZoekvraag = z.strictObject({
  bsn: z.string().max(20).optional(),
  pvtPlichtig: JN.optional(),
  startPvtPlichtVan: Datum.optional(),
  startPvtPlichtTot: Datum.optional(),
  eindePvtPlichtVan: Datum.optional(),
  eindePvtPlichtTot: Datum.optional(),
  startDeelnameVan: Datum.optional(),
  startDeelnameTot: Datum.optional(),
  eindeDeelnameVan: Datum.optional(),
  eindeDeelnameTot: Datum.optional(),
  voldaan: JN.optional(),
  rechtOpMb: JN.optional(),
  verblijf: Verblijf.optional(),
  factuurAanwezig: JN.optional(),
  sorteer: Sorteer(PersoonSorteerkolom).optional(),
  pagina: Pagina.optional(),
  paginaGrootte: z.number().int().min(1).max(ISI_GROOTSTE_PAGINA).optional(),
}).meta({ id: 'PersonenZoekvraag' });

export const PersoonInLijst = z.object({
  id: Id,
  bsn: z.string(),
  voornaam: z.string(),
  achternaam: z.string(),
  geboortedatum: Datum,
  pvtPlichtig: JN.nullable(),
  voldaan: JN,
  rechtOpMb: JN.nullable(),
  factuurAanwezig: z.enum(['NVT', 'J', 'N']),
  signaalAanwezig: JN,
}).meta({ id: 'PersoonInLijst' });
const Lijst = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), totaal: z.number().int(), pagina: z.number().int(), paginaGrootte: z.number().int() }).meta({ id });
export const PersonenLijst = Lijst(PersoonInLijst, 'PersonenLijst');

export const FactuurStatusCode = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
export const Factuur = z.object({
  factuurnummer: z.string(),
  factuurdatum: Datum,
  debiteurnummer: z.string().nullable(),
  bedrag: z.number().int(),
  status: FactuurStatusCode.nullable(),
  geaccepteerd: z.boolean(),
}).meta({ id: 'Factuur' });

export const SignaalTellingen = z.object({ totaal: z.number().int(), nieuw: z.number().int(), inBehandeling: z.number().int(), afgehandeld: z.number().int() });

export const Persoon = z.object({
  id: Id,
  bsn: z.string(),
  voornamen: z.string(),
  voorvoegsels: z.string().nullable(),
  achternaam: z.string(),
  geslacht: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  geboortedatum: Datum,
  wet: Wet,
  inburgeringsplichtig: z.boolean(),
  gemeentecode: Gemeentecode,
  verblijf: Verblijf,
  overleden: z.boolean(),
  lening: z.boolean(),
  gemeenteEersteVestiging: GemeenteRef.nullable(),
  gemeenteEindePvt: GemeenteRef.nullable(),
  pvtPlichtig: JN.nullable(),
  datumStartPvtPlicht: DatumOfNull,
  datumEindePvtPlicht: DatumOfNull,
  datumStartDeelname: DatumOfNull,
  datumEindeDeelname: DatumOfNull,
  datumVoldaan: DatumOfNull,
  redenNietVoldaan: RedenCode.nullable(),
  registratieDefinitief: z.boolean(),
  registratieDefinitiefOp: DatumOfNull,
  rechtOpMb: JN.nullable(),
  datumMbGemeldBijBzk: DatumOfNull,
  factuurAanwezig: z.enum(['NVT', 'J', 'N']),
  factuur: Factuur.nullable(),
  signalen: SignaalTellingen,
  magWijzigen: z.boolean(),
  alleenLezenReden: z.string().nullable(),
  versie: z.number().int(),
}).meta({ id: 'Persoon' });

export const PvtWijziging = z.strictObject({
  datumStartDeelname: DatumOfNull,
  datumEindeDeelname: DatumOfNull,
  datumVoldaan: DatumOfNull,
  redenNietVoldaan: RedenCode.nullable(),
}).meta({ id: 'PvtWijziging' });

// Invoice (R-FAC-*): the amount is DUO's, so a `bedrag` in the body is accepted and ignored.
export const FactuurInvoer = z.strictObject({
  factuurnummer: z.string().max(100),
  factuurdatum: z.string().max(10),
  debiteurnummer: z.string().max(100).nullable().optional(),
  bedrag: z.unknown().optional(),
}).meta({ id: 'FactuurInvoer' });

// Signals (R-SIG-*)
export const SignalenZoekvraag = z.strictObject({
  bsn: z.string().max(20).optional(),
  code: SignaalCode.optional(),
  datumVan: Datum.optional(),
  datumTot: Datum.optional(),
  status: SignaalStatus.optional(),
  sorteer: Sorteer(z.enum(['status', 'bsn', 'achternaam', 'code', 'omschrijving', 'datum'])).optional(),
  pagina: Pagina.optional(),
  paginaGrootte: z.number().int().min(1).max(ISI_GROOTSTE_PAGINA).optional(),
}).meta({ id: 'SignalenZoekvraag' });
export const SignaalInLijst = z.object({
  id: Id,
  persoonId: Id,
  status: SignaalStatus,
  bsn: z.string(),
  achternaam: z.string(),
  code: SignaalCode,
  omschrijving: z.string(),
  datum: Datum,
}).meta({ id: 'SignaalInLijst' });
export const SignalenLijst = Lijst(SignaalInLijst, 'SignalenLijst');
export const Openstaand = z.object({ aantal: z.number().int() }).meta({ id: 'Openstaand' });
export const Statuswijziging = z.strictObject({ ids: z.array(Id).min(1).max(5000), status: z.enum(NIEUWE_SIGNAAL_STATUSSEN) }).meta({ id: 'Statuswijziging' });
export const StatuswijzigingResultaat = z.object({ bijgewerkt: z.number().int() });

// Files (R-DL-*)
export const Bestand = z.object({ omschrijving: z.string(), datum: Datum, bestandsnaam: z.string() }).meta({ id: 'Bestand' });
export const Bestanden = z.array(Bestand);

// Other
export const BsnVraag = z.strictObject({ bsn: z.string().max(20) }).meta({ id: 'BsnVraag' });
export const Wetbepaling = z.object({
  wet: Wet,
  overleden: z.boolean(),
  woonachtigInGemeente: z.boolean(),
  magGegevensInzien: z.boolean(),
  persoonId: Id.optional(),
  melding: z.string(),
  meldingen: z.array(z.string()),
}).meta({ id: 'Wetbepaling' });
export const Waardepapierbestelling = z.strictObject({
  soort: z.enum(Object.keys(WAARDEPAPIER_SOORTEN) as [keyof typeof WAARDEPAPIER_SOORTEN]),
  aantalSets: z.number().int().min(-1_000_000).max(1_000_000),
  contactpersoon: Tekst(200).min(1),
  email: z.string().max(254).email(),
  bevestigdBovenVerwachting: z.boolean().optional(),
}).meta({ id: 'Waardepapierbestelling' });
export const Bestelbevestiging = z.object({ bestelnummer: z.string(), aantalVellen: z.number().int() }).meta({ id: 'Bestelbevestiging' });
export const Contactbericht = z.strictObject({
  naam: Tekst(200),
  email: Tekst(254),
  magBellen: z.boolean(),
  telefoonnummer: Tekst(30).nullable().optional(),
  onderwerp: Tekst(100),
  bericht: Tekst(5000),
}).meta({ id: 'Contactbericht' });
export const Contactontvangst = z.object({ id: z.string(), ontvangenOp: z.string() });
export const Status = z.object({
  status: z.literal('ok'), vandaag: Datum, versie: z.string(),
  /** How many days ISI remembers an Idempotency-Key: a client never resends a change older than this (issue 12, finding 4). */
  idempotentieBewaarDagen: z.number().int().min(1).optional(),
}).meta({ id: 'Status' });

// Sync
export const SignaalVolledig = SignaalInLijst.extend({ gemeentecode: Gemeentecode, statusGewijzigdOp: DatumOfNull }).meta({ id: 'Signaal' });
export const Wijzigingen = z.object({
  personen: z.array(Persoon),
  signalen: z.array(SignaalVolledig),
  verwijderd: z.object({ personen: z.array(Id), signalen: z.array(Id) }),
  cursor: z.string(),
  meer: z.boolean(),
  /** Only on the first page of a full sync (no `vanaf`): persons plus signals to come, for a progress bar. */
  totaal: z.number().int().optional(),
}).meta({ id: 'Wijzigingen' });
/** A page of `Wijzigingen` repeats its `cursor` and `meer` in these headers. */
export const KOP_CURSOR = 'ISI-Cursor';
export const KOP_MEER = 'ISI-Meer';

// Simulation (demo mode only)
const GemeenteInvoer = z.union([Gemeentecode, z.object({ code: Gemeentecode, naam: z.string().optional() })]);
export const SimulatiePersoon = z.strictObject({
  gemeentecode: Gemeentecode,
  bsn: z.string().max(20).optional(),
  voornamen: Tekst(200).optional(),
  voorvoegsels: Tekst(50).nullable().optional(),
  achternaam: Tekst(200).optional(),
  geslacht: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  geboortedatum: Datum.optional(),
  wet: Wet.optional(),
  inburgeringsplichtig: z.boolean().optional(),
  verblijf: Verblijf.optional(),
  overleden: z.boolean().optional(),
  uitgeschreven: z.boolean().optional(),
  lening: z.boolean().optional(),
  gemeenteEersteVestiging: GemeenteInvoer.nullable().optional(),
  gemeenteEindePvt: GemeenteInvoer.nullable().optional(),
  vorigeGemeenten: z.array(Gemeentecode).max(10).optional(),
  pvtPlichtig: JN.nullable().optional(),
  datumStartPvtPlicht: DatumOfNull.optional(),
  datumEindePvtPlicht: DatumOfNull.optional(),
  datumStartDeelname: DatumOfNull.optional(),
  datumEindeDeelname: DatumOfNull.optional(),
  datumVoldaan: DatumOfNull.optional(),
  redenNietVoldaan: RedenCode.nullable().optional(),
  registratieDefinitief: z.boolean().optional(),
  datumRegistratie: DatumOfNull.optional(),
  rechtOpMb: JN.nullable().optional(),
  datumMbGemeldBijBzk: DatumOfNull.optional(),
  factuur: z.strictObject({
    factuurnummer: Tekst(16),
    factuurdatum: Datum,
    debiteurnummer: Tekst(10).nullable().optional(),
    status: FactuurStatusCode.nullable().optional(),
    geaccepteerd: z.boolean().optional(),
  }).nullable().optional(),
}).meta({ id: 'SimulatiePersoon' });
export const Klok = z.strictObject({ vandaag: Datum }).meta({ id: 'Klok' });
export const Gebeurtenis = z.strictObject({
  type: z.enum(GEBEURTENIS_TYPES),
  bsn: z.string().max(20),
  naarGemeentecode: Gemeentecode.optional(),
  pvtPlichtig: JN.nullable().optional(),
  inburgeringsplichtig: z.boolean().optional(),
  datumStartPvtPlicht: DatumOfNull.optional(),
  datumEindePvtPlicht: DatumOfNull.optional(),
  rechtOpMb: JN.nullable().optional(),
  datum: Datum.optional(),
}).meta({ id: 'Gebeurtenis' });
export const SimulatieGemeente = z.strictObject({ rekeningnummer: z.string().max(34).nullable() }).meta({ id: 'SimulatieGemeente' });
export const UitgaandeMail = z.object({ id: z.string(), aan: z.string(), onderwerp: z.string(), inhoud: z.string(), verzondenOp: z.string() });

export type Persoon = z.infer<typeof Persoon>;
export type PersoonInLijst = z.infer<typeof PersoonInLijst>;
export type PersonenZoekvraag = z.infer<typeof PersonenZoekvraag>;
export type PvtWijziging = z.infer<typeof PvtWijziging>;
export type Factuur = z.infer<typeof Factuur>;
export type FactuurInvoer = z.infer<typeof FactuurInvoer>;
export type SignaalInLijst = z.infer<typeof SignaalInLijst>;
export type SignaalVolledig = z.infer<typeof SignaalVolledig>;
export type SignalenZoekvraag = z.infer<typeof SignalenZoekvraag>;
export type Gebruiker = z.infer<typeof Gebruiker>;
export type Sessie = z.infer<typeof Sessie>;
export type Probleem = z.infer<typeof Probleem>;
export type Wijzigingen = z.infer<typeof Wijzigingen>;
export type SimulatiePersoon = z.infer<typeof SimulatiePersoon>;
export type Gebeurtenis = z.infer<typeof Gebeurtenis>;

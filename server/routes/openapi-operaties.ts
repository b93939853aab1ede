import type { Eigenkop } from '../http/koppen';

/**
 * What the OpenAPI document says of each route beyond its spec: the operationId, a Dutch
 * description naming the rules it enforces, the headers particular to it, and examples with the
 * handbook's example persons. Keyed by `METHODE pad` as the route is registered; the server
 * refuses to start with a route that has no entry here (see `openapiRoutes`).
 */

export interface Operatiebeschrijving {
  operationId: string;
  beschrijving: string;
  /** Per status: the headers this operation adds to that answer. */
  koppen?: Partial<Record<number, readonly Eigenkop[]>>;
  voorbeeldVerzoek?: unknown;
  voorbeeldAntwoord?: unknown;
}

// The handbook's example persons (§3.4, §3.6, §3.12) as the demo data holds them.
const PERSOON_ID = '3f0c5b8e-2d4a-4c61-9b7e-5a1d2c3e4f50';
const BSN_PVT = '994002026';
const BSN_FACTUUR = '604269602';
const BSN_OVERLEDEN = '569026040';
const ETAG_PERSOON = { 200: ['ETag'], 412: ['ETag'] } as const;

const persoonVoorbeeld = {
  id: PERSOON_ID, bsn: BSN_PVT, voornamen: 'Test', voorvoegsels: null, achternaam: 'Ycobtgabfcotttbbfgassbgusb', geslacht: 1, geboortedatum: '1985-05-17',
  wet: 'WI2013', inburgeringsplichtig: true, gemeentecode: '0014', verblijf: 'WOONACHTIG', overleden: false, lening: false,
  gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' }, gemeenteEindePvt: null, pvtPlichtig: 'J', datumStartPvtPlicht: '2019-07-01', datumEindePvtPlicht: '2020-06-30',
  datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null, registratieDefinitief: false, registratieDefinitiefOp: null,
  rechtOpMb: 'N', datumMbGemeldBijBzk: null, factuurAanwezig: 'NVT', factuur: null, signalen: { totaal: 3, nieuw: 3, inBehandeling: 0, afgehandeld: 0 },
  magWijzigen: true, alleenLezenReden: null, versie: 1,
};
const factuurVoorbeeld = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15000, status: 2, geaccepteerd: false };

export const OPERATIES: Record<string, Operatiebeschrijving> = {
  'POST /api/v1/sessies': {
    operationId: 'maakSessie',
    beschrijving: 'Inloggen (R-AUTH-1): een gebruiker met gebruikersnaam, wachtwoord en TOTP-code (eHerkenning EH3), of een cliëntvolgsysteem met applicatiesleutel en wachtwoord. Geeft een Bearer-token en wanneer de sessie verloopt. Na te veel mislukte pogingen per account of adres volgt 429 met Retry-After.',
    voorbeeldVerzoek: { gebruikersnaam: 'demo-muteren', wachtwoord: 'geheim-wachtwoord', totp: '123456' },
    voorbeeldAntwoord: {
      token: 'q3Vh0d9Jx8mQ2rT5yW7zA1bC4eF6gH8j', verlooptOp: '2025-03-01T10:15:00.000Z',
      gebruiker: { gebruikersnaam: 'demo-muteren', naam: 'Demo Muteren', rollen: ['WI2013', 'WI2013MUT', 'WI2021'], gemeenten: [{ code: '0014', naam: 'Groningen' }, { code: '0034', naam: 'Almere' }] },
    },
  },
  'DELETE /api/v1/sessies/huidig': {
    operationId: 'beeindigSessie',
    beschrijving: 'Uitloggen: het token van dit verzoek vervalt meteen (R-AUTH-1).',
  },
  'POST /api/v1/activaties': {
    operationId: 'activeerAccount',
    beschrijving: 'Account activeren (R-AUTH-2) met de gebruikersnaam en de activatiecode (24 uur geldig) die de Mijn DUO-beheerder stuurde, en een eigen wachtwoord van minstens 8 tekens. Geeft het TOTP-geheim voor de authenticator-app.',
    voorbeeldVerzoek: { gebruikersnaam: 'j.jansen', activatiecode: 'ABCD-EFGH-JKLM', wachtwoord: 'een-lang-wachtwoord' },
    voorbeeldAntwoord: { totpGeheim: 'JBSWY3DPEHPK3PXP' },
  },
  'POST /api/v1/beheer/gebruikers': {
    operationId: 'maakGebruiker',
    beschrijving: 'De Mijn DUO-beheerder maakt een gebruikersaccount en koppelt rollen (R-ROL-1) en gemeenten waarvan hij beheerder is (R-AUTH-2). Location wijst naar het nieuwe account.',
    koppen: { 201: ['Location'] },
    voorbeeldVerzoek: { gebruikersnaam: 'j.jansen', naam: 'J. Jansen', email: 'j.jansen@groningen.nl', rollen: ['WI2013', 'WI2013MUT'], gemeenten: ['0014'] },
    voorbeeldAntwoord: { gebruikersnaam: 'j.jansen', naam: 'J. Jansen', email: 'j.jansen@groningen.nl', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: '0014', naam: 'Groningen' }] },
  },
  'POST /api/v1/beheer/gebruikers/:gebruikersnaam/activatiecodes': {
    operationId: 'maakActivatiecode',
    beschrijving: 'De Mijn DUO-beheerder maakt een nieuwe activatiecode (24 uur geldig) voor een gebruiker van zijn gemeente(n) en mailt die (R-AUTH-2); eerdere codes vervallen.',
    voorbeeldAntwoord: { activatiecode: 'ABCD-EFGH-JKLM', geldigTot: '2025-03-02T09:00:00.000Z' },
  },
  'POST /api/v1/gemeenten/:gc/personen/_zoek': {
    operationId: 'zoekPersonen',
    beschrijving: 'Zoeken personen (R-ZP-1 … R-ZP-6) in de gekozen gemeente (R-GEM-1): met een BSN (R-BSN-1, elfproef) of met overige velden, met sortering en paginering. De BSN staat in de body, nooit in de URL (/core/transport/no-sensitive-uris).',
    voorbeeldVerzoek: { bsn: BSN_PVT },
    voorbeeldAntwoord: {
      items: [{ id: PERSOON_ID, bsn: BSN_PVT, voornaam: 'Test', achternaam: 'Ycobtgabfcotttbbfgassbgusb', geboortedatum: '1985-05-17', pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: 'N', factuurAanwezig: 'NVT', signaalAanwezig: 'J' }],
      totaal: 1, pagina: 1, paginaGrootte: 50,
    },
  },
  'GET /api/v1/gemeenten/:gc/personen/:id': {
    operationId: 'leesPersoon',
    beschrijving: 'Het scherm van de persoon (R-PER-1, R-PER-2, R-MB-1) met de PVT gegevens, de factuur en de tellingen van signalen. Een persoon onder een andere wet zonder passende rol geeft 403 (R-ROL-1). ETag is de versie, voor If-Match bij wijzigen.',
    koppen: { 200: ['ETag'] },
    voorbeeldAntwoord: persoonVoorbeeld,
  },
  'PUT /api/v1/gemeenten/:gc/personen/:id/pvt': {
    operationId: 'wijzigPvt',
    beschrijving: 'PVT gegevens wijzigen (R-PVT-1 … R-PVT-6): de vier velden van de gemeente, alleen met WI2013MUT (R-ROL-3) en alleen in de gemeente waar de persoon woont (R-SIG-9). Met If-Match: een verouderde versie geeft 412 met de huidige ETag.',
    koppen: ETAG_PERSOON,
    voorbeeldVerzoek: { datumStartDeelname: '2019-09-02', datumEindeDeelname: '2019-09-10', datumVoldaan: '2019-09-12', redenNietVoldaan: null },
    voorbeeldAntwoord: { ...persoonVoorbeeld, datumStartDeelname: '2019-09-02', datumEindeDeelname: '2019-09-10', datumVoldaan: '2019-09-12', versie: 2 },
  },
  'GET /api/v1/gemeenten/:gc/personen/:id/factuur': {
    operationId: 'leesFactuur',
    beschrijving: 'De factuur van de persoon (R-FAC-1, R-FAC-5), of 404 "Geen factuur gevonden.". ETag is de versie van de persoon.',
    koppen: { 200: ['ETag'] },
    voorbeeldAntwoord: factuurVoorbeeld,
  },
  'POST /api/v1/gemeenten/:gc/personen/:id/factuur': {
    operationId: 'voegFactuurToe',
    beschrijving: `Factuur toevoegen (R-FAC-1, R-FAC-2, R-FAC-3) voor een persoon met een lening die voldaan heeft, zoals BSN ${BSN_FACTUUR} in de handleiding; het bedrag bepaalt DUO. Alleen met WI2013MUT (R-ROL-3), in de woongemeente (R-SIG-9) en met een rekeningnummer van de gemeente bij DUO (R-FAC-3).`,
    koppen: { 201: ['ETag'], 412: ['ETag'] },
    voorbeeldVerzoek: { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null },
    voorbeeldAntwoord: factuurVoorbeeld,
  },
  'PUT /api/v1/gemeenten/:gc/personen/:id/factuur': {
    operationId: 'wijzigFactuur',
    beschrijving: 'Factuur wijzigen zolang de persoon haar niet heeft geaccepteerd (R-FAC-4), met de regels van toevoegen (R-FAC-2, R-FAC-3, R-ROL-3, R-SIG-9) en If-Match.',
    koppen: ETAG_PERSOON,
    voorbeeldVerzoek: { factuurnummer: '155442', factuurdatum: '2019-11-05', debiteurnummer: 'D12345' },
    voorbeeldAntwoord: { ...factuurVoorbeeld, factuurnummer: '155442', factuurdatum: '2019-11-05', debiteurnummer: 'D12345' },
  },
  'DELETE /api/v1/gemeenten/:gc/personen/:id/factuur': {
    operationId: 'verwijderFactuur',
    beschrijving: 'Factuur verwijderen zolang de persoon haar niet heeft geaccepteerd (R-FAC-4); alleen met WI2013MUT (R-ROL-3), in de woongemeente (R-SIG-9) en met If-Match.',
    koppen: { 412: ['ETag'] },
  },
  'POST /api/v1/gemeenten/:gc/signalen/_zoek': {
    operationId: 'zoekSignalen',
    beschrijving: 'Zoeken signalen (R-SIG-4) op BSN, code, datum en status, 10 per pagina tenzij anders gevraagd (R-SIG-5), met de omschrijving van de code (R-SIG-8).',
    voorbeeldVerzoek: { bsn: BSN_PVT, status: 'NIEUW' },
    voorbeeldAntwoord: {
      items: [{ id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', persoonId: PERSOON_ID, status: 'NIEUW', bsn: BSN_PVT, achternaam: 'Ycobtgabfcotttbbfgassbgusb', code: 'SS601', omschrijving: 'Persoon is PVT-plichtig', datum: '2025-02-26' }],
      totaal: 1, pagina: 1, paginaGrootte: 10,
    },
  },
  'GET /api/v1/gemeenten/:gc/signalen/openstaand': {
    operationId: 'telOpenstaandeSignalen',
    beschrijving: 'Het aantal signalen van de gemeente dat nog niet is afgehandeld (R-SIG-3).',
    voorbeeldAntwoord: { aantal: 3 },
  },
  'POST /api/v1/gemeenten/:gc/signalen/statuswijzigingen': {
    operationId: 'wijzigSignaalstatus',
    beschrijving: 'De status van geselecteerde signalen wijzigen naar In behandeling of Afgehandeld (R-SIG-1, R-SIG-6); alleen met WI2013MUT (R-ROL-3).',
    voorbeeldVerzoek: { ids: ['7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'], status: 'IN_BEHANDELING' },
    voorbeeldAntwoord: { bijgewerkt: 1 },
  },
  'GET /api/v1/gemeenten/:gc/signalen/export': {
    operationId: 'exporteerSignalen',
    beschrijving: 'Download alle signalen van de gemeente als CSV (puntkomma, UTF-8 met BOM), ongeacht status of filters (R-SIG-7). Content-Disposition geeft de bestandsnaam met de gemeentecode en de datum.',
    koppen: { 200: ['Content-Disposition'] },
  },
  'GET /api/v1/gemeenten/:gc/bestanden': {
    operationId: 'lijstBestanden',
    beschrijving: 'Downloaden bestanden: de lijst van bestanden die DUO voor de gemeente klaarzette (R-DL-1), nieuwste eerst.',
    voorbeeldAntwoord: [{ omschrijving: 'PVT extract in csv formaat', datum: '2025-03-01', bestandsnaam: 'isi_pvt.zip' }],
  },
  'GET /api/v1/gemeenten/:gc/bestanden/:bestandsnaam': {
    operationId: 'downloadBestand',
    beschrijving: 'Eén bestand als zip: een CSV met de gemeentecode in de naam, met legenda en disclaimer (R-DL-1 … R-DL-4).',
    koppen: { 200: ['Content-Disposition'] },
  },
  'GET /api/v1/status': {
    operationId: 'leesStatus',
    beschrijving: 'Of de server werkt, zijn datum van vandaag en de versie van de API. Zonder sessie.',
    voorbeeldAntwoord: { status: 'ok', vandaag: '2025-03-01', versie: '1.0.0' },
  },
  'POST /api/v1/gemeenten/:gc/wetbepalingen': {
    operationId: 'bepaalWet',
    beschrijving: 'Onder welke wet valt een persoon (R-WET-1): met een BSN (R-BSN-1) in de body. Zegt ook of de persoon overleden is, in de gemeente woont en of de gebruiker de gegevens mag inzien (R-ROL-1).',
    voorbeeldVerzoek: { bsn: BSN_OVERLEDEN },
    voorbeeldAntwoord: {
      wet: 'WI2021', overleden: true, woonachtigInGemeente: true, magGegevensInzien: true, persoonId: PERSOON_ID,
      melding: 'Persoon is overleden. Deze persoon valt onder de Wet inburgering 2021.', meldingen: ['Persoon is overleden.', 'Deze persoon valt onder de Wet inburgering 2021.'],
    },
  },
  'POST /api/v1/gemeenten/:gc/waardepapierbestellingen': {
    operationId: 'bestelWaardepapieren',
    beschrijving: 'PVT waardepapieren bestellen (R-WP-1) in sets van 25 vel, 1 tot 40 sets; boven 4 sets alleen met bevestigdBovenVerwachting. Alleen met WI2013MUT (R-ROL-3). DUO mailt een bevestiging.',
    voorbeeldVerzoek: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'J. Jansen', email: 'j.jansen@groningen.nl' },
    voorbeeldAntwoord: { bestelnummer: 'WP-2025-000001', aantalVellen: 50 },
  },
  'POST /api/v1/gemeenten/:gc/contactberichten': {
    operationId: 'verstuurContactbericht',
    beschrijving: 'Het contactformulier van het Servicecentrum Inburgering (R-CON-1): naam, e-mailadres, of er gebeld mag worden (dan met telefoonnummer), onderwerp en bericht.',
    voorbeeldVerzoek: { naam: 'J. Jansen', email: 'j.jansen@groningen.nl', magBellen: true, telefoonnummer: '050-1234567', onderwerp: 'PVT', bericht: `Vraag over de PVT gegevens van BSN ${BSN_PVT}.` },
    voorbeeldAntwoord: { id: '0b7e6c1a-5d4f-4e3a-9c2b-1a0f9e8d7c6b', ontvangenOp: '2025-03-01T09:30:00.000Z' },
  },
  'GET /api/v1/gemeenten/:gc/wijzigingen': {
    operationId: 'leesWijzigingen',
    koppen: { 200: ['ISI-Cursor', 'ISI-Meer'] },
    beschrijving: 'Wijzigingen sinds een cursor, per pagina, met de verwijderde personen en signalen: voor de offline cache van de app. Een cursor van een andere gemeente of een verlopen cursor geeft 410; begin dan opnieuw zonder vanaf. Alleen personen onder een wet waarvoor de gebruiker een rol heeft (R-ROL-1). De kopregels ISI-Cursor en ISI-Meer herhalen cursor en meer van de pagina, zodat een client de volgende pagina kan vragen zonder deze eerst te lezen.',
  },
  'POST /api/v1/simulatie/personen': {
    operationId: 'simuleerPersoon',
    beschrijving: 'Alleen in demomodus: een persoon met willekeurige gegevens aanmaken, ook de velden van DUO; zonder BSN een vrije test-BSN (R-BSN-1). Wordt de persoon PVT-plichtig, dan volgt signaal SS601 (R-SIG-10).',
    voorbeeldVerzoek: { gemeentecode: '0014', achternaam: 'Ycobtgabfcotttbbfgassbgusb', datumStartPvtPlicht: '2019-07-01', datumEindePvtPlicht: '2020-06-30' },
  },
  'POST /api/v1/simulatie/klok': {
    operationId: 'zetKlokVooruit',
    beschrijving: 'Alleen in demomodus: de serverdatum vooruitzetten (hoogstens 3660 dagen per keer) en het dagwerk van DUO doen voor elke verstreken dag: signalen (R-SIG-10), definitieve registraties (R-PVT-3) en opschonen (R-SIG-2).',
    voorbeeldVerzoek: { vandaag: '2025-03-15' },
  },
  'POST /api/v1/simulatie/tijd': {
    operationId: 'zetEchteTijdVooruit',
    beschrijving: 'Alleen in demomodus: de echte tijd van de server vooruitzetten (hoogstens een uur per keer), voor TOTP-stappen (R-AUTH-1: een code geldt eenmaal) en het verlopen van inactieve sessies; zo kan een test een gebruiker binnen 30 seconden opnieuw laten inloggen.',
    voorbeeldVerzoek: { vooruitSeconden: 30 },
  },
  'POST /api/v1/simulatie/gebeurtenissen': {
    operationId: 'simuleerGebeurtenis',
    beschrijving: 'Alleen in demomodus: een gebeurtenis bij DUO op een persoon (verhuizing, PVT-plicht, overlijden, …); maakt de signalen die de regel noemt (R-SIG-9, R-SIG-10).',
    voorbeeldVerzoek: { type: 'VERHUISD', bsn: BSN_PVT, naarGemeentecode: '0034' },
  },
  'PUT /api/v1/simulatie/gemeenten/:gemeentecode': {
    operationId: 'zetRekeningnummer',
    beschrijving: 'Alleen in demomodus: het rekeningnummer van een gemeente bij DUO zetten of wissen; zonder rekeningnummer kan de gemeente geen factuur toevoegen (R-FAC-3).',
    voorbeeldVerzoek: { rekeningnummer: 'NL91ABNA0417164300' },
  },
  'GET /api/v1/simulatie/uitgaande-mail': {
    operationId: 'leesUitgaandeMail',
    beschrijving: 'Alleen in demomodus: de e-mails die de server "verstuurde" (activatiecodes, bevestigingen van bestellingen), nieuwste eerst.',
  },
  'GET /api/v1/openapi.json': {
    operationId: 'leesOpenapi',
    beschrijving: 'Dit OpenAPI 3.1-document, gemaakt uit dezelfde schema\'s waarmee de server verzoeken controleert (/core/doc-openapi, /core/publish-openapi). Zonder sessie en voor elke herkomst leesbaar (Access-Control-Allow-Origin: *).',
    koppen: { 200: ['Access-Control-Allow-Origin'] },
  },
};

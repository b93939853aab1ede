import type { Locator, Page } from '@playwright/test';
import { volgendeTotpCode } from '../helpers/totp';
import { isiKlok } from './isi-klok';
import { toonDatum } from '../../shared/datum';
import { datumDefinitief, MELDING_DEFINITIEF, MELDING_VERHUISD, MUTATIEFORMULIER_URL, REDENEN } from '../../shared/rules/pvt';
import { controleerToegankelijkheid, expect, schermafdruk, test, VANDAAG } from './omgeving';

/** The reference server itself, as a test's second user: demo simulation and direct changes. */
async function isi(isiUrl: string) {
  const sessie = await fetch(`${isiUrl}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await volgendeTotpCode('JBSWY3DPEHPK3PXP', `${isiUrl}|demo-muteren`, isiKlok(isiUrl)) }),
  });
  const { token } = (await sessie.json()) as { token: string };
  return async (methode: string, pad: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${isiUrl}${pad}`, {
      method: methode,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as any };
  };
}

/** A PVT-plichtig person in Groningen whose term has passed: every reason is allowed by date. */
async function maakPersoon(isiUrl: string, extra: Record<string, unknown> = {}): Promise<{ id: string; bsn: string; versie: number }> {
  const vraag = await isi(isiUrl);
  const r = await vraag('POST', '/api/v1/simulatie/personen', { gemeentecode: '0014', geslacht: 2, datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31', ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function kiesGemeente(page: Page, naam: string): Promise<void> {
  await page.getByTestId('gekozen-gemeente').click();
  await page.getByRole('option', { name: naam }).click();
  await expect(page.getByTestId('gekozen-gemeente')).toContainText(naam);
}

async function openPersoon(page: Page, bsn: string, gemeente = 'Groningen'): Promise<void> {
  await kiesGemeente(page, gemeente);
  await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByTestId('zoek-bsn').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

async function openPvtFormulier(page: Page, bsn: string): Promise<void> {
  await openPersoon(page, bsn);
  await page.getByTestId('pvt-wijzigen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
}

const veld = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function kiesReden(page: Page, tekst: string): Promise<void> {
  await page.getByTestId('reden').click();
  await page.getByRole('option', { name: tekst, exact: true }).click();
  await expect(page.getByTestId('reden')).toContainText(tekst);
}

/** Presses Tab until `doel` (or an element inside it) has the focus: the keyboard's way there. */
async function tabNaar(page: Page, doel: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await doel.evaluate((el) => el.matches(':focus-within'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Na ${max} keer Tab nog geen focus op ${String(doel)}`);
}

const gegeven = (page: Page, sleutel: string) => page.getByTestId('persoonsgegevens').getByTestId(`gegeven-${sleutel}`).getByTestId('waarde');

// Handbook §3.5 "Invoeren of wijzigen gegevens PVT", with the button "Wijzigen" of §3.4.
test.describe('PVT gegevens wijzigen', () => {
  test('R-PVT-2: een wijziging wordt opgeslagen en staat er na herladen nog (R-PVT-3 definitief-datum)', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Opslaan' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    // R-PVT-2: the form opens with the values as registered now (nothing yet).
    for (const label of ['Datum start deelname PV-traject', 'Datum einde deelname PV-traject', 'Datum voldaan aan PVT-plicht']) {
      await expect(veld(page, label)).toHaveValue('');
    }
    await expect(page.getByTestId('definitief-uitleg')).toContainText('worden pas na twee weken definitief vastgelegd');
    await controleerToegankelijkheid(page, 'PVT gegevens wijzigen');
    await schermafdruk(page, '13-pvt-wijzigen');

    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
    await veld(page, 'Datum einde deelname PV-traject').fill('14-02-2025');
    await veld(page, 'Datum voldaan aan PVT-plicht').fill('14-02-2025');
    await page.getByTestId('pvt-opslaan').click();

    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    const op = toonDatum(datumDefinitief(VANDAAG));
    await expect(page.getByTestId('melding')).toHaveText(`De PVT gegevens zijn opgeslagen. De registratie wordt definitief op ${op}. Tot dat moment kunt u deze nog wijzigen.`);
    // A fresh load of the app (main keeps the session) and the person read again from ISI. The app
    // is reloaded at its root: the built index.html loads its assets relative to the page.
    await page.goto(new URL('/', page.url()).href);
    await expect(page.getByRole('heading', { level: 1, name: 'Inburgering' })).toBeVisible();
    await openPersoon(page, p.bsn);
    await expect(gegeven(page, 'datum-start-deelname-pv-traject')).toHaveText('03-02-2025');
    await expect(gegeven(page, 'datum-einde-deelname-pv-traject')).toHaveText('14-02-2025');
    await expect(gegeven(page, 'datum-voldaan-aan-pvt-plicht')).toHaveText('14-02-2025');
    await expect(gegeven(page, 'gemeente-ondertekening-participatieverklaring')).toHaveText('Groningen');
    await expect(page.getByTestId('wordt-definitief')).toContainText(`wordt definitief op ${op}`);

    // R-PVT-2 again: the form now opens with what was saved.
    await page.getByTestId('pvt-wijzigen').click();
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toHaveValue('14-02-2025');
    await expect(page.getByTestId('huidig-definitief-op')).toContainText(op);
  });

  test('R-PVT-4: de gekozen reden zet de datums live open of dicht; wat u typte komt terug', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Redenen' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
    await veld(page, 'Datum start deelname PV-traject').press('Tab');

    await kiesReden(page, REDENEN.WEIGERT_DEELNAME.tekst);
    await expect(veld(page, 'Datum start deelname PV-traject')).toBeDisabled();
    await expect(veld(page, 'Datum einde deelname PV-traject')).toBeDisabled();
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toBeDisabled();
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('');

    await kiesReden(page, REDENEN.NIET_VERSCHENEN.tekst);
    await expect(veld(page, 'Datum start deelname PV-traject')).toBeEnabled();
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('03-02-2025');
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toBeDisabled();

    await kiesReden(page, REDENEN.WEIGERT_ONDERTEKENING.tekst);
    await expect(page.getByTestId('reden-let-op')).toHaveText("Let op: 'Datum start deelname PV-traject' en 'Datum einde deelname PV-traject' moeten gevuld zijn, 'Datum voldaan aan PVT-plicht' moet leeg zijn.");
    // Pre-check with the server's own rule: both deelname dates must be filled.
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('foutenoverzicht')).toContainText("Bij de reden 'Persoon heeft wel deelgenomen maar weigert de verklaring te ondertekenen' moet 'Datum einde deelname PV-traject' gevuld zijn.");
    await expect(page.getByTestId('datumEindeDeelname')).toContainText("moet 'Datum einde deelname PV-traject' gevuld zijn.");

    await kiesReden(page, 'Geen reden');
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toBeEnabled();
  });

  test('R-PVT-5: een reden voor zijn datum wordt geweigerd op het scherm; de ingevulde waarden blijven staan', async ({ page, inloggen, omgeving }) => {
    // The term ends after the server's today: a culpable reason is not allowed yet.
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Tevroeg', datumStartPvtPlicht: '2025-01-01', datumEindePvtPlicht: '2025-12-31' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
    await kiesReden(page, REDENEN.NIET_VERSCHENEN.tekst);
    // Said before sending: from which date this reason may be registered.
    await expect(page.getByTestId('reden-timing')).toContainText('Een verwijtbare reden of overmacht kan pas worden geregistreerd nadat de PVT-termijn is overschreden.');
    await expect(page.getByTestId('reden-timing')).toContainText('De gekozen reden kan worden geregistreerd vanaf 01-01-2026.');
    await page.getByTestId('pvt-opslaan').click();

    await expect(page.getByTestId('foutenoverzicht')).toContainText("De reden 'Persoon is zonder reden niet op komen dagen' kan vanaf 01-01-2026 worden geregistreerd.");
    await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('03-02-2025');
    await expect(page.getByTestId('reden')).toContainText(REDENEN.NIET_VERSCHENEN.tekst);
    await controleerToegankelijkheid(page, 'PVT gegevens wijzigen, geweigerd');
    await schermafdruk(page, '13-pvt-wijzigen-geweigerd');
  });

  test('R-PVT-6: de server is de rechter: een datum na de datum van ISI wordt geweigerd, de waarden blijven staan', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Toekomst' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    // ISI's today is 01-03-2025; a later date is in ISI's future, whatever this computer's clock says.
    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
    await veld(page, 'Datum einde deelname PV-traject').fill('02-03-2025');
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('datumEindeDeelname')).toContainText("'Datum einde deelname PV-traject' mag niet in de toekomst liggen.");
    await expect(veld(page, 'Datum einde deelname PV-traject')).toHaveValue('02-03-2025');
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('03-02-2025');
  });

  test('R-PVT-7: bij Ziekte staan de randvoorwaarden er en is bevestiging van het bewijs nodig voor het versturen', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Ziekte' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    await kiesReden(page, REDENEN.ZIEKTE.tekst);
    await expect(page.getByTestId('randvoorwaarden')).toContainText('minimaal 3 maanden aaneengesloten ziek');
    await expect(page.getByTestId('randvoorwaarden')).toContainText('Het bewijs moet in het bezit zijn van de gemeente en opvraagbaar zijn door DUO.');
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('bewijs-bevestigd')).toContainText('Bevestig dat de gemeente het bewijs voor deze reden in bezit heeft.');
    await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
    await controleerToegankelijkheid(page, 'PVT gegevens wijzigen, randvoorwaarden');
    await schermafdruk(page, '13-pvt-wijzigen-randvoorwaarden');

    await page.getByLabel('Ik bevestig dat de gemeente het bewijs voor deze reden in bezit heeft en dat DUO het kan opvragen.').check();
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('melding')).toContainText('De PVT gegevens zijn opgeslagen.');
    await expect(gegeven(page, 'reden-niet-voldaan-aan-pvt-plicht')).toHaveText(REDENEN.ZIEKTE.tekst);
  });

  test('R-PVT-2: intussen gewijzigd (412): niets opgeslagen, de gegevens van DUO overnemen', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Gelijktijdig' });
    await inloggen('demo-muteren');
    await openPvtFormulier(page, p.bsn);
    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');

    // Meanwhile a colleague registers datum voldaan.
    const vraag = await isi(omgeving.isiUrl);
    const ander = await vraag('PUT', `/api/v1/gemeenten/0014/personen/${p.id}/pvt`,
      { datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', datumVoldaan: '2025-01-20', redenNietVoldaan: null },
      { 'if-match': `"${p.versie}"`, 'idempotency-key': crypto.randomUUID() });
    expect(ander.status).toBe(200);

    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('versieconflict')).toContainText('Deze persoon is intussen bij DUO gewijzigd');
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('03-02-2025');
    await page.getByTestId('neem-duo').click();
    await expect(page.getByTestId('versieconflict')).toHaveCount(0);
    await expect(veld(page, 'Datum start deelname PV-traject')).toHaveValue('06-01-2025');
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toHaveValue('20-01-2025');
  });

  test('R-PVT-3: een definitieve registratie is alleen te lezen en wijst naar het mutatieformulier', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, {
      achternaam: 'Definitief', datumStartDeelname: '2024-03-01', datumEindeDeelname: '2024-03-15', datumVoldaan: '2024-03-15',
      datumRegistratie: '2024-03-15', registratieDefinitief: true, gemeenteEindePvt: '0014',
    });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await expect(page.getByTestId('pvt-wijzigen')).toHaveCount(0);
    await expect(page.getByTestId('alleen-lezen')).toContainText(MELDING_DEFINITIEF);
    await expect(page.getByTestId('mutatieformulier')).toHaveAttribute('href', MUTATIEFORMULIER_URL);
  });

  test('R-SIG-9: een verhuisde persoon is voor de oude gemeente alleen te lezen', async ({ page, inloggen, omgeving }) => {
    const p = await maakPersoon(omgeving.isiUrl, { achternaam: 'Verhuisd', verblijf: 'VOORMALIG' });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await expect(page.getByTestId('pvt-wijzigen')).toHaveCount(0);
    await expect(page.getByTestId('alleen-lezen')).toHaveText(MELDING_VERHUISD);
  });

  test('toetsenbord: zoeken met BSN, de persoon openen en de PVT gegevens wijzigen zonder muis (R-ZP-1, R-PVT-2, R-PVT-4)', async ({ page, inloggen, omgeving }) => {
    // Almere is demo-muteren's first gemeente by name, so no gemeente needs choosing.
    const vraag = await isi(omgeving.isiUrl);
    const r = await vraag('POST', '/api/v1/simulatie/personen', { gemeentecode: '0034', achternaam: 'Toetsenbord', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    const bsn = (r.body as { bsn: string }).bsn;
    await inloggen('demo-muteren');
    await expect(page.getByTestId('gekozen-gemeente')).toContainText('Almere');

    await tabNaar(page, page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken personen WI2013' })).toBeVisible();
    // The BSN field has the focus when the screen opens.
    await expect(page.getByLabel('Burgerservicenummer')).toBeFocused();
    await page.keyboard.type(bsn);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    const wijzigen = page.getByTestId('pvt-wijzigen');
    await tabNaar(page, wijzigen);
    // The focus is visible (WCAG 2.4.7).
    await expect(wijzigen).not.toHaveCSS('outline-style', 'none');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
    await tabNaar(page, veld(page, 'Datum start deelname PV-traject'));
    await page.keyboard.type('06-01-2025');
    await tabNaar(page, veld(page, 'Datum einde deelname PV-traject'));
    await page.keyboard.type('20-01-2025');
    await tabNaar(page, page.getByTestId('reden'));
    await page.keyboard.press('Enter');
    const optie = page.getByRole('option', { name: REDENEN.NIET_VERSCHENEN.tekst, exact: true });
    await expect(optie).toBeVisible();
    for (let i = 0; i < 12 && !(await optie.evaluate((el) => el.matches(':focus-within'))); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reden')).toContainText(REDENEN.NIET_VERSCHENEN.tekst);
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toBeDisabled();
    await tabNaar(page, page.getByTestId('pvt-opslaan'));
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('melding')).toContainText('De PVT gegevens zijn opgeslagen.');
    await expect(gegeven(page, 'datum-start-deelname-pv-traject')).toHaveText('06-01-2025');
    await expect(gegeven(page, 'datum-einde-deelname-pv-traject')).toHaveText('20-01-2025');
    await expect(gegeven(page, 'reden-niet-voldaan-aan-pvt-plicht')).toHaveText(REDENEN.NIET_VERSCHENEN.tekst);
  });
});

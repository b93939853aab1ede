import type { Page } from '@playwright/test';
import { BSN_MELDING_ELFPROEF } from '../../shared/rules/bsn';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { HANDBOEK_URL, MELDING_HANDMATIG_VERGRENDELD, NIET_HERSTELBAAR, WISSEN_UITLEG } from '../../renderer/teksten';
import { volgendeTotpCode } from '../helpers/totp';
import { isi, isiSessie, kiesGemeente, openOnderdeel, simulatiePersoon } from './isi-direct';
import { isiKlok } from './isi-klok';
import { expect as offlineExpect, test as offlineTest } from './offline-omgeving';
import { controleerToegankelijkheid, expect, logIn, logUit, schermafdruk, test, VANDAAG } from './omgeving';

// Issue 13, part B: the counter tried as a new user would, each point along the user's own path.

/** Unlocking on the login screen the lock led to (no new page load): the name is there, password and code are typed. */
async function ontgrendel(page: Page, isiUrl: string, gebruiker: 'demo-muteren' | 'demo-raadplegen'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await expect(page.getByLabel('Gebruikersnaam')).toHaveValue(gebruiker);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByLabel('Verificatiecode').fill(await volgendeTotpCode('JBSWY3DPEHPK3PXP', `${isiUrl}|${gebruiker}`, isiKlok(isiUrl)));
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function naarZoekenSignalen(page: Page, gemeente: string, onderdeel = '11. Raadplegen en muteren signalen 2013'): Promise<void> {
  await kiesGemeente(page, gemeente);
  await page.getByRole('link', { name: 'Portal Inburgering' }).click();
  await openOnderdeel(page, onderdeel);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken signalen WI2013' })).toBeVisible();
}

/** `n` persons of our own in Almere, each with three new signals dated today, made past the app. */
async function signalenInAlmere(isiUrl: string, n: number): Promise<void> {
  const token = await isiSessie(isiUrl);
  for (let i = 0; i < n; i++) {
    const p = await isi<{ bsn: string }>(isiUrl, token, 'POST', '/api/v1/simulatie/personen', { gemeentecode: '0034', achternaam: `Allesselectie${i}` });
    expect(p.status, p.tekst).toBe(201);
    for (const type of ['INBURGERINGSPLICHT_GEWIJZIGD', 'MB_RECHT_GEWIJZIGD']) {
      const g = await isi(isiUrl, token, 'POST', '/api/v1/simulatie/gebeurtenissen', { type, bsn: p.body.bsn });
      expect(g.status, g.tekst).toBe(201);
    }
  }
}

const NIEUW_VANDAAG = { status: 'NIEUW', datumVan: VANDAAG, datumTot: VANDAAG };

async function aantalBijIsi(isiUrl: string, gc: string, vraag: Record<string, unknown>): Promise<number> {
  const r = await isi<{ totaal: number }>(isiUrl, await isiSessie(isiUrl), 'POST', `/api/v1/gemeenten/${gc}/signalen/_zoek`, vraag);
  expect(r.status, r.tekst).toBe(200);
  return r.body.totaal;
}

test.describe('loket (issue 13, deel B)', () => {
  test('4: alle signalen van de zoekopdracht selecteren, niet alleen de pagina; de status van allemaal gewijzigd met een telling', async ({ page, inloggen, omgeving }) => {
    test.setTimeout(180_000);
    // More than one block of STATUS_BLOK (100), so the change runs in parts with progress.
    await signalenInAlmere(omgeving.isiUrl, 35);
    const totaal = await aantalBijIsi(omgeving.isiUrl, '0034', NIEUW_VANDAAG);
    expect(totaal).toBeGreaterThan(100);
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    await page.getByLabel('Datum vanaf', { exact: true }).fill('01-03-2025');
    await page.getByLabel('Datum tot en met', { exact: true }).fill('01-03-2025');
    await page.getByTestId('status').click();
    await page.getByRole('option', { name: 'Nieuw' }).click();
    await page.getByTestId('zoeken').click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText(`Er zijn ${totaal} signalen gevonden.`);

    // The header box: the page, and it says so; then Gmail's offer for the whole search.
    await page.getByTestId('selecteer-pagina').check();
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er zijn 10 signalen geselecteerd.');
    await expect(page.getByTestId('alles-selecteren-balk')).toContainText('De 10 signalen op deze pagina zijn geselecteerd.');
    await page.getByRole('button', { name: `Alle ${totaal} signalen van deze zoekopdracht selecteren` }).click();
    await expect(page.getByTestId('alles-geselecteerd')).toHaveText(`Alle ${totaal} signalen van deze zoekopdracht zijn geselecteerd.`);
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText(`Er zijn ${totaal} signalen geselecteerd.`);
    // Another page: its boxes are ticked too.
    await page.getByRole('button', { name: 'Ga naar pagina 2' }).click();
    for (const vakje of await page.getByTestId('selecteer-signaal').all()) await expect(vakje).toBeChecked();
    await controleerToegankelijkheid(page, 'alle signalen geselecteerd');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, 'b13-alle-signalen-geselecteerd');

    // "Selectie opheffen" and again, then the change for all of them.
    await page.getByTestId('selectie-opheffen').click();
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er zijn 0 signalen geselecteerd.');
    await page.getByTestId('selecteer-pagina').check();
    await page.getByTestId('alles-selecteren').click();
    await expect(page.getByTestId('alles-geselecteerd')).toBeVisible();
    const voortgang: string[] = [];
    await page.exposeFunction('meldVoortgang', (t: string) => voortgang.push(t));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const v = document.querySelector('[data-test=status-voortgang]');
        if (v) (window as unknown as { meldVoortgang: (t: string) => void }).meldVoortgang(v.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('zet-afgehandeld').click();
    await expect(page.getByTestId('status-gewijzigd')).toHaveText(`De status van ${totaal} signalen is gewijzigd in 'Afgehandeld'.`, { timeout: 60_000 });
    expect(voortgang.some((t) => /Status wijzigen: \d+ van \d+ signalen verwerkt/.test(t))).toBe(true);
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er zijn 0 signalen gevonden.');
    expect(await aantalBijIsi(omgeving.isiUrl, '0034', NIEUW_VANDAAG)).toBe(0);
  });

  test('11: de rol raadplegen ziet geen vinkjes en geen acties bij signalen, en leest waarom', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    await naarZoekenSignalen(page, 'Groningen', '10. Raadplegen signalen 2013');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken signalen WI2013 – raadplegen');
    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    await expect(page.getByTestId('signaal-rij')).toHaveCount(10);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Afgehandeld' })).toHaveCount(0);
    await expect(page.getByTestId('alleen-raadplegen')).toContainText('Daarom zijn er geen vinkjes');
    await expect(page.getByTestId('alleen-raadplegen')).toContainText(MELDING_ALLEEN_RAADPLEGEN);
    await controleerToegankelijkheid(page, 'signalen alleen raadplegen');
  });

  test('9: de hele kolomkop sorteert, niet alleen de tekst onderaan, met aria-sort', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Groningen');
    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    const kop = page.getByTestId('kop-datum');
    await expect(kop).not.toHaveAttribute('aria-sort');
    // A click in the cell's top right corner, far from the text and the button.
    const vak = (await kop.boundingBox())!;
    await kop.click({ position: { x: vak.width - 3, y: 3 } });
    await expect(kop).toHaveAttribute('aria-sort', 'ascending');
    await kop.click({ position: { x: vak.width - 3, y: 3 } });
    await expect(kop).toHaveAttribute('aria-sort', 'descending');
    // The keyboard reaches the button inside: Enter sorts, once.
    await page.getByTestId('sorteer-code').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('kop-code')).toHaveAttribute('aria-sort', 'ascending');

    // Gevonden personen: the same.
    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
    await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
    await page.getByTestId('criterium-pvtPlichtig').getByLabel('Ja').check();
    await page.getByTestId('zoek-overig').click();
    const achternaam = page.getByTestId('kolom-achternaam');
    const cel = (await achternaam.boundingBox())!;
    await achternaam.click({ position: { x: cel.width - 3, y: 3 } });
    await expect(achternaam).toHaveAttribute('aria-sort', 'ascending');
  });

  test('8 en 14: "Gekozen gemeente" in de pagina en een link naar de handleiding op elk scherm', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    const schermen: [string, string, string][] = [
      ['11. Raadplegen en muteren signalen 2013', 'Zoeken signalen WI2013', 'Handleiding §3.7 Zoeken signalen'],
      ['17. Downloaden bestanden', 'Downloaden', 'Handleiding §3.10 Downloaden bestand'],
      ['01. Onder welke wet valt een persoon', 'Zoeken wet inburgering', 'Handleiding §3.12 Onder welke wet valt een persoon'],
      ['18. Waardepapieren bestellen', 'Waardepapieren bestellen', 'Handleiding §3.13 Waardepapieren bestellen'],
    ];
    for (const [onderdeel, titel, handleiding] of schermen) {
      await page.getByRole('link', { name: 'Portal Inburgering' }).click();
      await openOnderdeel(page, onderdeel);
      await expect(page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
      await expect(page.getByTestId('gekozen-gemeente-naam')).toHaveText('Gekozen gemeente: Groningen');
      const link = page.getByTestId('handboek-link');
      await expect(link).toHaveText(handleiding);
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('href', HANDBOEK_URL);
    }
    await controleerToegankelijkheid(page, 'waardepapieren met gekozen gemeente en handleiding');
    await page.getByRole('link', { name: 'Contactformulier' }).click();
    await expect(page.getByTestId('gekozen-gemeente-naam')).toHaveText('Gekozen gemeente: Groningen');
    await expect(page.getByTestId('handboek-link')).toHaveAccessibleName(/§3\.14 .*\(blz\. 32\)/);
    // Selecteren signalen (§3.8), reached through a search.
    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await openOnderdeel(page, '11. Raadplegen en muteren signalen 2013');
    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selecteren signalen WI2013 – raadplegen en muteren');
    await expect(page.getByTestId('gekozen-gemeente-naam')).toHaveText('Gekozen gemeente: Groningen');
    await expect(page.getByTestId('handboek-link')).toHaveAccessibleName(/§3\.8 .*\(blz\. 24\)/);
  });

  test('6: een andere gemeente wist de melding en het BSN van de vorige; de laatst gekozen gemeente blijft bij het volgende inloggen', async ({ page, inloggen, omgeving }) => {
    // Two logins: each waits for a TOTP code not used yet.
    test.setTimeout(150_000);
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
    // 491945449 lives in Almere: not found in Groningen.
    await page.getByLabel('Burgerservicenummer').fill('491945449');
    await page.getByTestId('zoek-bsn').click();
    await expect(page.getByTestId('geen-resultaten')).toContainText('niet gevonden in de gegevens van gemeente Groningen');
    await kiesGemeente(page, 'Almere');
    await expect(page.getByTestId('geen-resultaten')).toHaveCount(0);
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('');
    await expect(page.getByTestId('gekozen-gemeente-naam')).toHaveText('Gekozen gemeente: Almere');

    await logUit(page);
    await logIn(page, omgeving.appUrl, 'demo-muteren', omgeving.isiUrl);
    await expect(page.getByTestId('gekozen-gemeente')).toContainText('Almere');
  });

  test('7: vergrendelen met de knop of Ctrl+Shift+L; ontgrendelen brengt terug op het scherm, met wat er was ingevuld', async ({ page, inloggen, omgeving }) => {
    // Three logins: each waits for a TOTP code not used yet.
    test.setTimeout(150_000);
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Groningen');
    await page.getByLabel('Burgerservicenummer').fill('99400');
    await page.getByLabel('Datum vanaf', { exact: true }).fill('01-02-2025');
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByTestId('sessie-melding')).toHaveText(MELDING_HANDMATIG_VERGRENDELD);
    await expect(page.getByTestId('cachebalk')).toHaveCount(0);
    await expect(page.getByText('99400')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'vergrendeld');
    await ontgrendel(page, omgeving.isiUrl, 'demo-muteren');
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken signalen WI2013' })).toBeVisible();
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('99400');
    await expect(page.getByLabel('Datum vanaf', { exact: true })).toHaveValue('01-02-2025');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, 'b13-ontgrendeld-terug-op-scherm');

    // The button in the bar does the same; another user who logs in finds nothing of the first.
    await page.getByTestId('vergrendelen').click();
    await expect(page.getByTestId('sessie-melding')).toHaveText(MELDING_HANDMATIG_VERGRENDELD);
    await page.getByLabel('Gebruikersnaam').fill('demo-raadplegen');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByLabel('Verificatiecode').fill(await volgendeTotpCode('JBSWY3DPEHPK3PXP', `${omgeving.isiUrl}|demo-raadplegen`, isiKlok(omgeving.isiUrl)));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken signalen WI2013' })).toBeVisible();
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('');
  });

  test('7: ook een PVT-formulier en een contactbericht staan er na ontgrendelen weer zoals ze waren getypt', async ({ page, inloggen, omgeving }) => {
    test.setTimeout(150_000);
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Concept', geslacht: 2, datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
    await page.getByLabel('Burgerservicenummer').fill(p.bsn);
    await page.getByTestId('zoek-bsn').click();
    await page.getByTestId('pvt-wijzigen').click();
    const start = page.getByLabel('Datum start deelname PV-traject', { exact: true });
    await start.fill('03-02-2025');
    await start.blur();
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByTestId('sessie-melding')).toHaveText(MELDING_HANDMATIG_VERGRENDELD);
    await expect(page.getByText('03-02-2025')).toHaveCount(0);
    await ontgrendel(page, omgeving.isiUrl, 'demo-muteren');
    await expect(page.getByTestId('pvt-form')).toBeVisible();
    await expect(start).toHaveValue('03-02-2025');
    await schermafdruk(page, 'b13-pvt-formulier-na-ontgrendelen');

    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await page.getByRole('link', { name: 'Contactformulier' }).click();
    await page.getByLabel('Bericht', { exact: true }).fill('Een vraag over de PVT van een inburgeraar.');
    await page.getByTestId('vergrendelen').click();
    await expect(page.getByTestId('sessie-melding')).toHaveText(MELDING_HANDMATIG_VERGRENDELD);
    await ontgrendel(page, omgeving.isiUrl, 'demo-muteren');
    await expect(page.getByLabel('Bericht', { exact: true })).toHaveValue('Een vraag over de PVT van een inburgeraar.');
  });

  test('cosmetisch: één woord voor velden wissen, één Zoek-knop, een BSN-fout één keer, een voet die niet groeit', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    // The yellow footer keeps its own height on a short page.
    const voet = (await page.locator('.voet').boundingBox())!;
    expect(voet.height).toBeLessThan(80);

    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken personen WI2013 – raadplegen en muteren');
    await expect(page.getByTestId('veld-leegmaken')).toHaveText('wis velden');
    await page.getByLabel('Burgerservicenummer').fill('123456789');
    await page.getByTestId('zoek-bsn').click();
    await expect(page.getByText(BSN_MELDING_ELFPROEF)).toHaveCount(1);
    const blauw = await page.getByTestId('zoek-bsn').evaluate((b) => getComputedStyle(b).backgroundColor);

    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await expect(page.getByTestId('zelfde-scherm')).toBeVisible();
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    expect(await page.getByTestId('zoek').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(blauw);

    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await openOnderdeel(page, '11. Raadplegen en muteren signalen 2013');
    await expect(page.getByTestId('wis-velden')).toHaveText('wis velden');
    // The code list is as wide as its texts need, not the window.
    await page.getByTestId('code').click();
    const lijst = (await page.getByRole('listbox').boundingBox())!;
    expect(lijst.width).toBeLessThanOrEqual(640);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    // One "Openen in Excel" per thing it opens, each saying which.
    await expect(page.getByRole('button', { name: 'Gevonden signalen openen in Excel' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Alle signalen openen in Excel' })).toHaveCount(1);
    // "Terug naar zoeken" starts with its word, not with an underlined space.
    expect(await page.getByTestId('terug-naar-zoeken').evaluate((a) => a.textContent)).toMatch(/^Terug naar zoeken$/);

    await page.getByTestId('lokaal-wissen').click();
    await expect(page.getByRole('dialog')).toContainText(WISSEN_UITLEG);
    await page.getByRole('button', { name: 'Annuleren' }).click();
  });
});

/** A PVT-plichtig person in Groningen whose term has passed, made at ISI for this test. */
const nieuwePersoon = (isiUrl: string, achternaam: string) =>
  simulatiePersoon(isiUrl, { gemeentecode: '0014', achternaam, geslacht: 2, datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });

async function wachtOpSync(page: Page): Promise<void> {
  await offlineExpect(page.getByTestId('gegevens-van')).toContainText(/Gegevens van \d\d-\d\d-\d{4} \d\d:\d\d/, { timeout: 60_000 });
  await offlineExpect(page.getByTestId('cachebalk')).toHaveAttribute('data-sync-lopend', '0', { timeout: 60_000 });
}

async function openPersoon(page: Page, bsn: string): Promise<void> {
  await kiesGemeente(page, 'Groningen');
  await page.getByRole('link', { name: 'Portal Inburgering' }).click();
  await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByTestId('zoek-bsn').click();
  await offlineExpect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

async function wijzigVoldaan(page: Page, datum: string): Promise<void> {
  await page.getByTestId('pvt-wijzigen').click();
  await page.getByLabel('Datum start deelname PV-traject', { exact: true }).fill('03-02-2025');
  await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).fill(datum);
  await page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true }).fill(datum);
  await page.getByTestId('pvt-opslaan').click();
  await offlineExpect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

offlineTest.describe('wachtrij (issue 13, deel B)', () => {
  offlineTest('12 en 3: een wachtende wijziging toont wat er verstuurd wordt en kan worden tegengehouden; een weigering die niet te herstellen is, biedt geen "Opnieuw proberen"', async ({ page, werkplek }) => {
    offlineTest.setTimeout(180_000);
    const p = await nieuwePersoon(werkplek.isiUrl, 'Wachtrijinhoud');
    const token = await isiSessie(werkplek.isiUrl);
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);

    await werkplek.stopIsi();
    await openPersoon(page, p.bsn);
    await wijzigVoldaan(page, '14-02-2025');
    await offlineExpect(page.getByTestId('wachtrij-link')).toHaveText('Wachtrij: 1 wacht op verzending');
    await page.getByTestId('wachtrij-link').click();
    const entry = page.getByTestId('entry-wacht');
    await offlineExpect(entry).toContainText('Wachtrijinhoud');
    const voldaan = entry.getByTestId('inhoud-Datum voldaan aan PVT-plicht');
    await offlineExpect(voldaan.getByRole('cell').nth(0)).toHaveText('leeg');
    await offlineExpect(voldaan.getByRole('cell').nth(1)).toHaveText('14-02-2025');
    await offlineExpect(entry.getByTestId('opnieuw-proberen')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'wachtrij met wachtende wijziging');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, 'b13-wachtrij-wachtende-wijziging');

    // "Niet versturen": the change goes, the person is as DUO has it.
    await entry.getByTestId('niet-versturen').click();
    await page.getByTestId('niet-versturen-bevestigen').click();
    await offlineExpect(page.getByTestId('wachtrij-leeg')).toBeVisible();
    await offlineExpect(page.getByTestId('wachtrij-link')).toHaveCount(0);

    // Again, then the person moves to Almere at DUO while the app is locked: R-SIG-9 refuses it for good.
    await openPersoon(page, p.bsn);
    await wijzigVoldaan(page, '15-02-2025');
    await page.getByTestId('vergrendelen').click();
    await offlineExpect(page.getByTestId('sessie-melding')).toHaveText(MELDING_HANDMATIG_VERGRENDELD);
    await werkplek.startIsi();
    const verhuisd = await isi(werkplek.isiUrl, token, 'POST', '/api/v1/simulatie/gebeurtenissen', { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0034' });
    offlineExpect(verhuisd.status, verhuisd.tekst).toBe(201);
    await ontgrendel(page, werkplek.isiUrl, 'demo-muteren');
    // Back on the person screen the lock left.
    await offlineExpect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    await offlineExpect(page.getByTestId('wachtrij-link')).toHaveText('Wachtrij: 1 geweigerd', { timeout: 30_000 });
    await page.getByTestId('wachtrij-link').click();
    const geweigerd = page.getByTestId('entry-geweigerd');
    await offlineExpect(geweigerd.getByTestId('niet-herstelbaar')).toHaveText(NIET_HERSTELBAAR);
    await offlineExpect(geweigerd.getByTestId('opnieuw-proberen')).toHaveCount(0);
    await offlineExpect(geweigerd.getByTestId('verwerpen')).toBeVisible();
    await controleerToegankelijkheid(page, 'wachtrij met onherstelbare weigering');

    // Logging out: a refusal is no unsent change.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await offlineExpect(page.getByTestId('uitloggen-vraag')).toBeVisible();
    await offlineExpect(page.getByTestId('uitloggen-wachtrij')).toHaveCount(0);
    await page.getByTestId('uitloggen-bewaren').click();
  });
});

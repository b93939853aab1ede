import type { Page } from '@playwright/test';
import { toonDatum } from '../../shared/datum';
import { datumDefinitief } from '../../shared/rules/pvt';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { isiSessie, kiesGemeente, openOnderdeel, simulatiePersoon } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test, VANDAAG } from './omgeving';

// Issue 13 (the counter, tried as a new user would), part A: at the screen size of a counter.
test.use({ viewport: { width: 1366, height: 768 } });

async function openPersoon(page: Page, bsn: string, gemeente = 'Groningen'): Promise<void> {
  await kiesGemeente(page, gemeente);
  await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByTestId('zoek-bsn').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test.describe('loket: scrollen, status van de persoon, alleen raadplegen, afdrukken', () => {
  test('punt 1: elk scherm begint bovenaan; terug naar de lijst komt op dezelfde plek', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '09. Raadplegen en muteren persoon 2013');
    await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
    await page.getByTestId('criterium-pvtPlichtig').getByLabel('Ja').check();
    // The search button is at the bottom of a long form: the user has scrolled down to it.
    await page.getByTestId('zoek-overig').scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(0);
    await page.getByTestId('zoek-overig').click();

    await expect(page.getByRole('heading', { level: 1, name: 'Gevonden personen' })).toBeVisible();
    await expect.poll(() => scrollY(page)).toBe(0);
    await expect(page.getByTestId('aantal-gevonden')).toBeInViewport();
    await controleerToegankelijkheid(page, 'gevonden personen, bovenaan');
    await schermafdruk(page, 'loket-01-eerste-scherm-bovenaan');

    // Down the list to its last row, open that person: the person screen starts at its top.
    const laatste = page.getByTestId('bsn-link').last();
    await laatste.scrollIntoViewIfNeeded();
    const inDeLijst = await scrollY(page);
    expect(inDeLijst).toBeGreaterThan(100);
    await laatste.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    await expect.poll(() => scrollY(page)).toBe(0);

    // "Back" returns to the list where the user left it.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Gevonden personen' })).toBeVisible();
    await expect.poll(() => scrollY(page)).toBeGreaterThan(inDeLijst - 5);
    await expect(page.getByTestId('bsn-link').last()).toBeInViewport();
  });

  test('punt 1: na opslaan van de PVT staat de melding in beeld en wordt ze voorgelezen', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Inbeeld', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await page.getByTestId('pvt-wijzigen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
    await page.getByLabel('Datum start deelname PV-traject', { exact: true }).fill('03-02-2025');
    await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).fill('14-02-2025');
    await page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true }).fill('14-02-2025');
    // Saved from the bottom of the form.
    await page.getByTestId('pvt-opslaan').scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(0);
    await page.getByTestId('pvt-opslaan').click();

    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    const op = toonDatum(datumDefinitief(VANDAAG));
    const melding = page.getByTestId('melding');
    await expect(melding).toContainText(`definitief op ${op}`);
    await expect(melding).toBeInViewport();
    await expect(page.getByTestId('aankondiging')).toHaveText(/De PVT gegevens zijn opgeslagen\./);
    await expect(page.getByTestId('aankondiging')).toHaveAttribute('aria-live', 'polite');
    await controleerToegankelijkheid(page, 'persoon na opslaan PVT');
    await schermafdruk(page, 'loket-02-na-opslaan-pvt');
  });

  test('punt 2: 569026040 via "Onder welke wet valt een persoon": overleden en Wi2021 vooraan, geen lege PVT-velden', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    await page.getByLabel('Burgerservicenummer').fill('569026040');
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await expect(page.getByTestId('wet-bovenregel')).toHaveText('Persoon is overleden.');
    await page.getByRole('button', { name: 'Ga naar de gegevens van deze persoon' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    const toestand = page.getByTestId('persoon-toestand');
    await expect(toestand.getByTestId('toestand-wet')).toHaveText('Valt onder: Wet Inburgering 2021');
    await expect(toestand.getByTestId('toestand-overleden')).toHaveText('Overleden');
    await expect(toestand).toBeInViewport();
    await expect(page.getByTestId('andere-wet')).toContainText('Deze persoon valt onder de Wet Inburgering 2021.');
    // What belongs to the Wi2013 is not offered empty: no PVT fields, no invoice tab, no "Wijzigen".
    await expect(page.getByTestId('persoonsgegevens')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Factuur' })).toHaveCount(0);
    await expect(page.getByTestId('pvt-wijzigen')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'persoon overleden');
    await schermafdruk(page, 'loket-03-persoon-overleden');
  });

  test('punt 2: een persoon die uit de gemeente vertrok, zegt dat vooraan en biedt geen Wijzigen', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Vertrokken', verblijf: 'VOORMALIG', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await expect(page.getByTestId('toestand-wet')).toHaveText('Valt onder: Wet Inburgering 2013');
    await expect(page.getByTestId('toestand-vertrokken')).toContainText('Vertrokken uit uw gemeente');
    await expect(page.getByTestId('toestand-overleden')).toHaveCount(0);
    await expect(page.getByTestId('pvt-wijzigen')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'persoon vertrokken');
    await schermafdruk(page, 'loket-04-persoon-vertrokken');
  });

  test('punt 11: alleen raadplegen: geen "kunt u nog wijzigen", wel waarom er geen Wijzigen is', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, {
      gemeentecode: '0014', achternaam: 'Raadplegen', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31',
      datumStartDeelname: '2025-02-03', datumEindeDeelname: '2025-02-14', datumVoldaan: '2025-02-14', datumRegistratie: '2025-02-24', registratieDefinitief: false,
    });
    await inloggen('demo-raadplegen');
    await openOnderdeel(page, '08. Raadplegen persoon 2013');
    await page.getByLabel('Burgerservicenummer').fill(p.bsn);
    await page.getByTestId('zoek-bsn').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    await expect(page.getByTestId('wordt-definitief')).toHaveText(`De registratie van de datum voldaan of de reden niet voldaan wordt definitief op ${toonDatum(datumDefinitief('2025-02-24'))}.`);
    await expect(page.getByText('Tot dat moment kunt u deze nog wijzigen')).toHaveCount(0);
    await expect(page.getByTestId('alleen-lezen')).toContainText(MELDING_ALLEEN_RAADPLEGEN);
    await expect(page.getByTestId('pvt-wijzigen')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'persoon alleen raadplegen');
    await schermafdruk(page, 'loket-05-persoon-alleen-raadplegen');
  });

  test('punt 13: Afdrukken: het overzicht zonder balk en knoppen, met gemeente, datum en tijd', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await openPersoon(page, '994002026');
    // The browser's print dialog cannot be driven here; its call is counted instead.
    await page.evaluate(() => {
      const w = window as unknown as { print: () => void; afgedrukt: number };
      w.afgedrukt = 0;
      w.print = () => void (w.afgedrukt += 1);
    });
    await page.getByTestId('afdrukken').click();
    expect(await page.evaluate(() => (window as unknown as { afgedrukt: number }).afgedrukt)).toBe(1);
    // "Opslaan als PDF" is the desktop app's (main's printToPDF); a browser offers it in its print dialog.
    await expect(page.getByTestId('opslaan-pdf')).toHaveCount(0);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('afdruk-kop')).toBeVisible();
    await expect(page.getByTestId('afdruk-kop')).toHaveText(/^Gemeente Groningen · afgedrukt op \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    await expect(page.locator('.v-app-bar')).toBeHidden();
    await expect(page.getByTestId('cachebalk')).toBeHidden();
    await expect(page.getByTestId('signalen-raadplegen')).toBeHidden();
    await expect(page.getByTestId('afdrukken')).toBeHidden();
    await expect(page.getByTestId('pvt-wijzigen')).toBeHidden();
    await expect(page.getByTestId('terug')).toBeHidden();
    await expect(page.getByTestId('blok-persoon')).toBeVisible();
    await expect(page.getByTestId('persoonsgegevens')).toBeVisible();
    await schermafdruk(page, 'loket-06-afdrukvoorbeeld');
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('afdruk-kop')).toBeHidden();
  });

  test('punt 5: PVT: alle fouten tegelijk, naast het veld en in één overzicht dat bijwerkt', async ({ page, inloggen, omgeving }) => {
    // Many steps on a shared, busy machine: more time than one screen's test.
    test.slow();
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Foutenoverzicht', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await page.getByTestId('pvt-wijzigen').click();
    await page.getByLabel('Datum start deelname PV-traject', { exact: true }).fill('10-02-2025');
    await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).fill('03-02-2025');
    await page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true }).fill('03-03-2025');
    await page.getByTestId('pvt-opslaan').click();

    const overzicht = page.getByTestId('foutenoverzicht');
    await expect(overzicht.getByTestId('fout-link')).toHaveText([
      "'Datum voldaan aan PVT-plicht' mag niet in de toekomst liggen.",
      "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'.",
    ]);
    await expect(overzicht).toBeFocused();
    await expect(overzicht).toBeInViewport();
    await expect(page.getByTestId('datumVoldaan')).toContainText('mag niet in de toekomst liggen.');
    await expect(page.getByTestId('datumEindeDeelname')).toContainText("ligt voor 'Datum start deelname PV-traject'.");
    await controleerToegankelijkheid(page, 'PVT foutenoverzicht');
    await schermafdruk(page, 'loket-07-foutenoverzicht-pvt');

    // A link leads to its field; correcting it takes it out of the summary, and says how many are left.
    await overzicht.getByTestId('fout-link').first().click();
    await expect(page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true })).toBeFocused();
    await page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true }).fill('14-02-2025');
    await page.getByLabel('Datum voldaan aan PVT-plicht', { exact: true }).press('Tab');
    await expect(overzicht.getByTestId('fout-link')).toHaveText(["'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'."]);
    await expect(page.getByTestId('aankondiging')).toHaveText('Nog 1 fout te verbeteren.');
    await expect(page.getByTestId('datumVoldaan')).not.toContainText('mag niet in de toekomst liggen.');
    await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).fill('14-02-2025');
    await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).press('Tab');
    await expect(overzicht).toHaveCount(0);
    await expect(page.getByTestId('aankondiging')).toHaveText('Alle fouten zijn verbeterd.');
  });

  test('punt 5: factuur: een onmogelijke datum verbergt de andere fouten niet', async ({ page, inloggen, omgeving }) => {
    const f = await simulatiePersoon(omgeving.isiUrl, {
      gemeentecode: '0014', achternaam: 'Factuurfouten', lening: true, datumStartPvtPlicht: '2023-06-01', datumEindePvtPlicht: '2024-05-31',
      datumStartDeelname: '2023-09-04', datumEindeDeelname: '2023-09-18', datumVoldaan: '2023-09-18', datumRegistratie: '2023-09-18', registratieDefinitief: true,
    });
    await inloggen('demo-muteren');
    await openPersoon(page, f.bsn);
    await page.getByRole('tab', { name: 'Factuur' }).click();
    await page.getByTestId('factuur-toevoegen').click();
    await page.getByLabel('Factuurnummer').fill('ABC-1');
    await page.getByLabel('Factuurdatum', { exact: true }).fill('31-02-2025');
    await page.getByLabel('Debiteurnummer (optioneel)').fill('AB-12');
    await page.getByTestId('factuur-versturen').click();
    await expect(page.getByTestId('foutenoverzicht').getByTestId('fout-link')).toHaveText([
      "Vul bij 'Factuurdatum' een bestaande datum in als dd-mm-jjjj.",
      'Het factuurnummer mag maximaal 16 posities hebben en moet alfanumeriek zijn, bijvoorbeeld ABCDEF1234567890.',
      'Het debiteurnummer mag maximaal 10 posities hebben en moet alfanumeriek zijn.',
    ]);
    await controleerToegankelijkheid(page, 'factuur foutenoverzicht');
  });

  test('punt 5: contact: elk ontbrekend veld tegelijk; het overzicht volgt wat is ingevuld', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await page.getByRole('link', { name: 'Contactformulier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact met DUO' })).toBeVisible();
    await page.getByLabel('Naam', { exact: true }).fill('');
    await page.getByTestId('verstuur').click();
    const contact = page.getByTestId('foutenoverzicht');
    const aantal = await contact.getByTestId('fout-link').count();
    expect(aantal).toBeGreaterThanOrEqual(3);
    await expect(contact).toContainText("Het veld 'Naam' is verplicht");
    await page.getByLabel('Naam', { exact: true }).fill('Loket Medewerker');
    await page.getByLabel('Naam', { exact: true }).press('Tab');
    await expect(contact.getByTestId('fout-link')).toHaveCount(aantal - 1);
    await expect(contact).not.toContainText("Het veld 'Naam' is verplicht");
    await controleerToegankelijkheid(page, 'contact foutenoverzicht');
    await schermafdruk(page, 'loket-08-foutenoverzicht-contact');
  });

  test('punt 10: intussen bij DUO gewijzigd: één melding, DUO naast de invoer, en mijn invoer houden', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Conflict', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });
    await inloggen('demo-muteren');
    await openPersoon(page, p.bsn);
    await page.getByTestId('pvt-wijzigen').click();
    await page.getByLabel('Datum start deelname PV-traject', { exact: true }).fill('03-02-2025');
    await page.getByLabel('Datum einde deelname PV-traject', { exact: true }).fill('14-02-2025');

    // Meanwhile a colleague registers other dates at DUO.
    const ander = await fetch(`${omgeving.isiUrl}/api/v1/gemeenten/0014/personen/${p.id}/pvt`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json', authorization: `Bearer ${await isiSessie(omgeving.isiUrl)}`,
        'if-match': `"${p.versie}"`, 'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', datumVoldaan: null, redenNietVoldaan: null }),
    });
    expect(ander.status, await ander.text()).toBe(200);

    await page.getByTestId('pvt-opslaan').click();
    const conflict = page.getByTestId('versieconflict');
    await expect(conflict.getByRole('heading', { name: 'Deze persoon is intussen bij DUO gewijzigd' })).toBeVisible();
    // Said once: not also by the notice that a sync brought a newer state.
    await expect(page.getByText('intussen bij DUO gewijzigd')).toHaveCount(1);
    await expect(conflict.getByTestId('conflict-datumStartDeelname').getByTestId('mijn')).toHaveText('03-02-2025');
    await expect(conflict.getByTestId('conflict-datumStartDeelname').getByTestId('duo')).toHaveText('06-01-2025');
    await expect(conflict.getByTestId('conflict-datumEindeDeelname').getByTestId('duo')).toHaveText('20-01-2025');
    await expect(page.getByLabel('Datum start deelname PV-traject', { exact: true })).toHaveValue('03-02-2025');
    await controleerToegankelijkheid(page, 'PVT versieconflict');
    await schermafdruk(page, 'loket-09-versieconflict');

    // Keep mine: saved on DUO's new version.
    await page.getByTestId('houd-mijn').click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByLabel('Datum start deelname PV-traject', { exact: true })).toHaveValue('03-02-2025');
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByTestId('melding')).toContainText('De PVT gegevens zijn opgeslagen.');
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { DOWNLOAD_GELUKT, openstaandTekst, SIGNAAL_EXPORT_KOLOMMEN } from '../../shared/rules/signalen';
import { isi, isiSessie, kiesGemeente, openOnderdeel } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test, type Omgeving } from './omgeving';

type Signaal = { id: string; status: string; bsn: string; code: string; datum: string };
type Lijst = { items: Signaal[]; totaal: number };

/** The server's own answer to a signal search, to hold the screen against. */
async function zoekOpServer(omgeving: Omgeving, gc: string, vraag: Record<string, unknown>): Promise<Lijst> {
  const token = await isiSessie(omgeving.isiUrl);
  const r = await isi<Lijst>(omgeving.isiUrl, token, 'POST', `/api/v1/gemeenten/${gc}/signalen/_zoek`, vraag);
  expect(r.status).toBe(200);
  return r.body;
}

async function naarZoekenSignalen(page: Page, gemeente: string, onderdeel = '11. Raadplegen en muteren signalen 2013'): Promise<void> {
  await kiesGemeente(page, gemeente);
  await openOnderdeel(page, onderdeel);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken signalen WI2013' })).toBeVisible();
}

const rijIds = (page: Page) => page.getByTestId('signaal-rij').evaluateAll((rijen) => rijen.map((r) => r.getAttribute('data-id')));

/** A person of our own with three new signals (SS601, SS606, SS610), so status changes touch nothing else. */
async function persoonMetDrieSignalen(omgeving: Omgeving): Promise<{ bsn: string; ids: string[] }> {
  const token = await isiSessie(omgeving.isiUrl);
  const p = await isi<{ bsn: string }>(omgeving.isiUrl, token, 'POST', '/api/v1/simulatie/personen', { gemeentecode: '0014', achternaam: 'Signaaltest' });
  expect(p.status, p.tekst).toBe(201);
  for (const type of ['INBURGERINGSPLICHT_GEWIJZIGD', 'MB_RECHT_GEWIJZIGD']) {
    const g = await isi(omgeving.isiUrl, token, 'POST', '/api/v1/simulatie/gebeurtenissen', { type, bsn: p.body.bsn });
    expect(g.status, g.tekst).toBe(201);
  }
  const lijst = await zoekOpServer(omgeving, '0014', { bsn: p.body.bsn });
  expect(lijst.items.map((s) => s.status)).toEqual(['NIEUW', 'NIEUW', 'NIEUW']);
  return { bsn: p.body.bsn, ids: lijst.items.map((s) => s.id) };
}

// Handbook §3.7 (Zoeken signalen), §3.8 (Gevonden signalen), §3.9 (Wijzigen signalen).
test.describe('signalen', () => {
  test('R-SIG-3: the count of signals not yet handled is the server\'s; "Toon deze signalen" lists Nieuw and In behandeling', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    const token = await isiSessie(omgeving.isiUrl);
    const { body } = await isi<{ aantal: number }>(omgeving.isiUrl, token, 'GET', '/api/v1/gemeenten/0034/signalen/openstaand');
    await expect(page.getByTestId('openstaand-tekst')).toHaveText(openstaandTekst(body.aantal));
    await controleerToegankelijkheid(page, 'zoeken-signalen');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '20-zoeken-signalen');

    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Selecteren signalen WI2013' })).toBeVisible();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText(`Er zijn ${body.aantal} signalen gevonden.`);
    await expect(page.getByTestId('signaal-rij')).toHaveCount(10);
    for (const status of await page.getByTestId('kolom-status').allTextContents()) expect(['Nieuw', 'In behandeling']).toContain(status.trim());
    // The merged list is sorted on BSN like every other result.
    const bsns = (await page.getByTestId('kolom-bsn').allTextContents()).map((b) => b.trim());
    expect(bsns).toEqual([...bsns].sort());
  });

  test('R-SIG-4: BSN, code, dates and status filter as the server does; the criteria stay after "terug naar zoeken"', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    // The handbook's example (§3.8): 335297602, SS601 of 22-11-2017.
    await page.getByLabel('Burgerservicenummer').fill('335297602');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er is 1 signaal gevonden.');
    const server = await zoekOpServer(omgeving, '0034', { bsn: '335297602' });
    const rij = page.getByTestId('signaal-rij');
    await expect(rij.getByTestId('kolom-bsn')).toHaveText('335297602');
    await expect(rij.getByTestId('kolom-achternaam')).toHaveText('Ycobtgattcocotubgaumuffcotub');
    await expect(rij.getByTestId('kolom-code')).toHaveText('SS601');
    await expect(rij.getByTestId('kolom-omschrijving')).toHaveText('Persoon is PVT-plichtig');
    await expect(rij.getByTestId('kolom-datum')).toHaveText('22-11-2017');
    await expect(rij.getByTestId('kolom-status')).toHaveText(server.items[0]!.status === 'NIEUW' ? 'Nieuw' : server.items[0]!.status === 'IN_BEHANDELING' ? 'In behandeling' : 'Afgehandeld');

    await page.getByTestId('terug-naar-zoeken').click();
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('335297602');

    // Code, a period and a status together.
    await page.getByRole('button', { name: 'Wis velden' }).click();
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('');
    await page.getByTestId('code').click();
    await page.getByRole('option', { name: 'SS613 - Persoon is verhuisd naar uw gemeente.' }).click();
    await page.getByLabel('Datum vanaf', { exact: true }).fill('01-01-2025');
    await page.getByLabel('Datum tot en met', { exact: true }).fill('01-03-2025');
    await page.getByLabel('Datum tot en met', { exact: true }).press('Tab');
    await page.getByTestId('status').click();
    await page.getByRole('option', { name: 'Nieuw' }).click();
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const gefilterd = await zoekOpServer(omgeving, '0034', { code: 'SS613', datumVan: '2025-01-01', datumTot: '2025-03-01', status: 'NIEUW' });
    expect(gefilterd.totaal).toBeGreaterThan(0);
    await expect(page.getByTestId('aantal-gevonden')).toHaveText(`Er zijn ${gefilterd.totaal} signalen gevonden.`);
    expect(await rijIds(page)).toEqual(gefilterd.items.map((s) => s.id));
    for (const code of await page.getByTestId('kolom-code').allTextContents()) expect(code.trim()).toBe('SS613');
  });

  test('R-BSN-1, R-SIG-4: a wrong BSN or a period ending before it starts is refused in place; what was typed stays', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    await page.getByLabel('Burgerservicenummer').fill('335297603');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    // Said once, in the refusal the red field points to.
    await expect(page.getByText(/de elfproef klopt niet/)).toHaveCount(1);
    await expect(page.getByLabel('Burgerservicenummer')).toHaveAccessibleDescription(/de elfproef klopt niet/);
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('335297603');
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken signalen WI2013' })).toBeVisible();

    await page.getByLabel('Burgerservicenummer').fill('');
    await page.getByLabel('Datum vanaf', { exact: true }).fill('01-02-2025');
    await page.getByLabel('Datum tot en met', { exact: true }).fill('01-01-2025');
    await page.getByLabel('Datum tot en met', { exact: true }).press('Tab');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('datum-tot')).toContainText("'Datum tot en met' ligt voor 'Datum vanaf'.");
    await expect(page.getByLabel('Datum vanaf', { exact: true })).toHaveValue('01-02-2025');
    await controleerToegankelijkheid(page, 'zoeken-signalen-fouten');
  });

  test('R-SIG-5: 10 a page with paging, sorted on BSN; a header click sorts ascending, again descending', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Groningen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const pagina1 = await zoekOpServer(omgeving, '0014', {});
    await expect(page.getByTestId('aantal-gevonden')).toHaveText(`Er zijn ${pagina1.totaal} signalen gevonden.`);
    await expect(page.getByTestId('signaal-rij')).toHaveCount(10);
    expect(await rijIds(page)).toEqual(pagina1.items.map((s) => s.id));
    await expect(page.locator('th[aria-sort="ascending"]')).toHaveText('BSN');

    await page.getByRole('button', { name: 'Ga naar pagina 2' }).click();
    const pagina2 = await zoekOpServer(omgeving, '0014', { pagina: 2 });
    await expect.poll(() => rijIds(page)).toEqual(pagina2.items.map((s) => s.id));

    await page.getByRole('button', { name: 'Code signaal' }).click();
    const oplopend = await zoekOpServer(omgeving, '0014', { sorteer: 'code' });
    await expect.poll(() => rijIds(page)).toEqual(oplopend.items.map((s) => s.id));
    await expect(page.locator('th[aria-sort="ascending"]')).toHaveText('Code signaal');
    await page.getByRole('button', { name: 'Code signaal' }).click();
    const aflopend = await zoekOpServer(omgeving, '0014', { sorteer: '-code' });
    await expect.poll(() => rijIds(page)).toEqual(aflopend.items.map((s) => s.id));
    await expect(page.locator('th[aria-sort="descending"]')).toHaveText('Code signaal');
    expect(aflopend.items[0]!.code > oplopend.items[0]!.code).toBe(true);

    await page.getByRole('button', { name: 'Datum signaal' }).click();
    const opDatum = await zoekOpServer(omgeving, '0014', { sorteer: 'datum' });
    await expect.poll(() => rijIds(page)).toEqual(opDatum.items.map((s) => s.id));
    await controleerToegankelijkheid(page, 'selecteren-signalen');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '21-selecteren-signalen');
  });

  test('R-SIG-6: select one and set "Afgehandeld", then all with the header box and set "In behandeling"; the server agrees', async ({ page, inloggen, omgeving }) => {
    const { bsn, ids } = await persoonMetDrieSignalen(omgeving);
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Groningen');
    await page.getByLabel('Burgerservicenummer').fill(bsn);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er zijn 3 signalen gevonden.');
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er zijn 0 signalen geselecteerd.');

    const eerste = page.getByTestId('signaal-rij').first();
    const gekozenId = await eerste.getAttribute('data-id');
    await eerste.getByTestId('selecteer-signaal').check();
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er is 1 signaal geselecteerd.');
    await page.getByRole('button', { name: 'Afgehandeld' }).click();
    await expect(page.getByTestId('status-gewijzigd')).toHaveText("De status van 1 signaal is gewijzigd in 'Afgehandeld'.");
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er zijn 0 signalen geselecteerd.');
    await expect(page.locator(`[data-id="${gekozenId}"]`).getByTestId('kolom-status')).toHaveText('Afgehandeld');
    const naEen = await zoekOpServer(omgeving, '0014', { bsn });
    expect(Object.fromEntries(naEen.items.map((s) => [s.id, s.status]))).toEqual(Object.fromEntries(ids.map((id) => [id, id === gekozenId ? 'AFGEHANDELD' : 'NIEUW'])));

    // §3.9: "Vink het blokje in de bovenste regel aan. Alle signalen hebben nu een vinkje ervoor."
    await page.getByTestId('selecteer-pagina').check();
    await expect(page.getByTestId('aantal-geselecteerd')).toHaveText('Er zijn 3 signalen geselecteerd.');
    for (const vakje of await page.getByTestId('selecteer-signaal').all()) await expect(vakje).toBeChecked();
    await page.getByRole('button', { name: 'In behandeling' }).click();
    await expect(page.getByTestId('status-gewijzigd')).toHaveText("De status van 3 signalen is gewijzigd in 'In behandeling'.");
    await expect(page.getByTestId('kolom-status')).toHaveText(['In behandeling', 'In behandeling', 'In behandeling']);
    const naAlle = await zoekOpServer(omgeving, '0014', { bsn });
    expect(naAlle.items.map((s) => s.status)).toEqual(['IN_BEHANDELING', 'IN_BEHANDELING', 'IN_BEHANDELING']);
    await controleerToegankelijkheid(page, 'selecteren-signalen-gewijzigd');
  });

  test('R-SIG-6: nothing selected is refused in place', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    await page.getByLabel('Burgerservicenummer').fill('335297602');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er is 1 signaal gevonden.');
    await page.getByRole('button', { name: 'Afgehandeld' }).click();
    await expect(page.getByTestId('probleem')).toContainText('Selecteer eerst één of meer signalen.');
  });

  test('R-ROL-3: demo-raadplegen reads the signals but has no status buttons, and is told why', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    await naarZoekenSignalen(page, 'Groningen', '10. Raadplegen signalen 2013');
    await page.getByRole('button', { name: 'Toon deze signalen' }).click();
    await expect(page.getByTestId('signaal-rij')).toHaveCount(10);
    await expect(page.getByRole('button', { name: 'In behandeling' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Afgehandeld' })).toHaveCount(0);
    await expect(page.getByTestId('alleen-raadplegen')).toContainText(MELDING_ALLEEN_RAADPLEGEN);
    await controleerToegankelijkheid(page, 'selecteren-signalen-raadplegen');
  });

  test('R-SIG-4: the BSN opens the person; "Raadplegen" there searches that person\'s signals at once', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Groningen');
    // The handbook person of §3.4: three new signals in Groningen.
    await page.getByLabel('Burgerservicenummer').fill('994002026');
    await page.getByTestId('code').click();
    await page.getByRole('option', { name: 'SS601 - Persoon is participatieplichtig.' }).click();
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er is 1 signaal gevonden.');
    await page.getByTestId('kolom-bsn').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/personen\/[0-9a-f-]{36}$/);
    // Only the person's BSN counts now: the code filter of before is gone.
    await page.getByTestId('signalen-raadplegen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Selecteren signalen WI2013' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
    const server = await zoekOpServer(omgeving, '0014', { bsn: '994002026' });
    expect(server.totaal).toBeGreaterThan(1);
    await expect(page.getByTestId('aantal-gevonden')).toHaveText(`Er zijn ${server.totaal} signalen gevonden.`);
    await expect(page.getByTestId('kolom-bsn')).toHaveText(server.items.map(() => '994002026'));
    await page.getByTestId('terug-naar-zoeken').click();
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('994002026');
  });

  test('R-SIG-7: "Download alle signalen" saves every signal of the gemeente as CSV in Downloads', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await naarZoekenSignalen(page, 'Almere');
    await page.getByRole('button', { name: 'Download alle signalen' }).click();
    await expect(page.getByTestId('download-gelukt')).toContainText(DOWNLOAD_GELUKT);
    const pad = (await page.getByTestId('download-pad').textContent())!.trim();
    expect(pad.startsWith(omgeving.downloads)).toBe(true);
    const inhoud = readFileSync(pad);
    expect([...inhoud.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const regels = inhoud.toString('utf8').slice(1).split('\r\n').filter((r) => r !== '');
    expect(regels[0]).toBe(SIGNAAL_EXPORT_KOLOMMEN.join(';'));
    expect(regels[0]!.startsWith('Status signaal;BSN;')).toBe(true);
    // All signals, whatever their status: as many as the server finds without any filter.
    const alle = await zoekOpServer(omgeving, '0034', {});
    expect(regels.length - 1).toBe(alle.totaal);

    // The same link on "Selecteren signalen", whatever the filters.
    await page.getByLabel('Burgerservicenummer').fill('335297602');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('aantal-gevonden')).toHaveText('Er is 1 signaal gevonden.');
    await page.getByRole('button', { name: 'Download alle signalen' }).click();
    await expect(page.getByTestId('download-gelukt')).toContainText(DOWNLOAD_GELUKT);
    await controleerToegankelijkheid(page, 'selecteren-signalen-download');
  });
});

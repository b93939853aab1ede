import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_START } from '../../playwright.config';
import { isi, isiSessie, kiesGemeente, simulatiePersoon } from './isi-direct';
import { expect, test } from './offline-omgeving';
import { controleerToegankelijkheid, logIn, schermafdruk } from './omgeving';

const gegeven = (page: Page, sleutel: string) => page.getByTestId('persoonsgegevens').getByTestId(`gegeven-${sleutel}`).getByTestId('waarde');
const veld = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The cache has every gemeente of the user: no sync under way, and a time of the data. */
async function wachtOpSync(page: Page): Promise<void> {
  await expect(page.getByTestId('gegevens-van')).toContainText(/Gegevens van \d\d-\d\d-\d{4} \d\d:\d\d/, { timeout: 60_000 });
  await expect(page.getByTestId('cachebalk')).toHaveAttribute('data-sync-lopend', '0', { timeout: 60_000 });
  await expect(page.getByTestId('sync-voortgang')).toHaveCount(0);
}

/** The app again after the host died: a fresh page load (the old page would only see its fragment change). */
async function naHerstart(page: Page, appUrl: string, isiUrl: string): Promise<void> {
  await page.goto('about:blank');
  await logIn(page, appUrl, 'demo-muteren', isiUrl);
}

async function openPersoon(page: Page, bsn: string): Promise<void> {
  await kiesGemeente(page, 'Groningen');
  await page.getByRole('link', { name: 'Portal Inburgering' }).click();
  await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
  await page.getByRole('tab', { name: 'Zoeken met burgerservicenummer' }).click();
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByTestId('zoek-bsn').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

async function wijzigVoldaan(page: Page, datum: string): Promise<void> {
  await page.getByTestId('pvt-wijzigen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
  await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
  await veld(page, 'Datum einde deelname PV-traject').fill(datum);
  await veld(page, 'Datum voldaan aan PVT-plicht').fill(datum);
  await page.getByTestId('pvt-opslaan').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
}

async function persoonBijIsi(isiUrl: string, id: string): Promise<{ versie: number; datumVoldaan: string | null; achternaam: string }> {
  const r = await isi(isiUrl, await isiSessie(isiUrl), 'GET', `/api/v1/gemeenten/0014/personen/${id}`);
  expect(r.status, r.tekst).toBe(200);
  return r.body;
}

/** A colleague registers at DUO, past this app, that the person met the PVT-plicht on `datum`. */
async function collegaZetVoldaan(isiUrl: string, id: string, versie: number, datum: string): Promise<void> {
  const r = await fetch(`${isiUrl}/api/v1/gemeenten/0014/personen/${id}/pvt`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await isiSessie(isiUrl)}`, 'content-type': 'application/json', 'if-match': `"${versie}"`, 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ datumStartDeelname: '2025-02-03', datumEindeDeelname: datum, datumVoldaan: datum, redenNietVoldaan: null }),
  });
  expect(r.status, await r.text()).toBe(200);
}

/** A PVT-plichtig person in Groningen whose term has passed, made at ISI for this test. */
const nieuwePersoon = (isiUrl: string, achternaam: string) =>
  simulatiePersoon(isiUrl, { gemeentecode: '0014', achternaam, geslacht: 2, datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31' });

// Issue #4: the caseload on a laptop without network. The cache is filled after login, serves
// search and person screens offline, and keeps every change until ISI has it, exactly once.
test.describe('offline werken', () => {
  test('zoeken, openen en wijzigen zonder verbinding; na herstel komt de wijziging zonder klik precies één keer aan', async ({ page, werkplek }) => {
    test.setTimeout(120_000);
    const p = await nieuwePersoon(werkplek.isiUrl, 'Onderweg');
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    await expect(page.getByTestId('verbinding')).toHaveText('Online');
    await schermafdruk(page, '40-cache-gesynchroniseerd');

    await werkplek.stopIsi();
    await openPersoon(page, p.bsn);
    await expect(page.getByTestId('verbinding')).toHaveText('Offline');
    await expect(page.getByTestId('blok-persoon')).toContainText('Onderweg');

    // A search with other criteria, from the cache alone.
    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
    await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
    await page.getByTestId('criterium-pvtPlichtig').getByLabel('Ja').check();
    await page.getByTestId('zoek-overig').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gevonden personen' })).toBeVisible();
    await expect(page.getByTestId('aantal-gevonden')).toContainText('U ziet 1 tot en met 20.');

    await openPersoon(page, p.bsn);
    await wijzigVoldaan(page, '14-02-2025');
    await expect(page.getByTestId('melding')).toContainText('wacht op verzending');
    await expect(page.getByTestId('wacht-op-verzending')).toBeVisible();
    await expect(gegeven(page, 'datum-voldaan-aan-pvt-plicht')).toHaveText('14-02-2025');
    await expect(page.getByTestId('wachtrij-link')).toContainText('1 wacht op verzending');
    await controleerToegankelijkheid(page, 'persoon met wijziging in de wachtrij');
    await schermafdruk(page, '41-offline-wacht-op-verzending');

    // ISI back: the app notices by itself (its status probe) and sends the change, without a click.
    await werkplek.startIsi();
    await expect(page.getByTestId('wachtrij-link')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('verbinding')).toHaveText('Online');
    await expect(page.getByTestId('wacht-op-verzending')).toHaveCount(0);
    const bijIsi = await persoonBijIsi(werkplek.isiUrl, p.id);
    expect(bijIsi.datumVoldaan).toBe('2025-02-14');
    expect(bijIsi.versie).toBe(p.versie + 1);
  });

  test('een wijziging die intussen bij DUO is gewijzigd: geweigerd, naast de stand van DUO; opnieuw proberen en verwerpen', async ({ page, werkplek }) => {
    test.setTimeout(120_000);
    const p = await nieuwePersoon(werkplek.isiUrl, 'Conflict');
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    // A colleague changes the same person at DUO just before the connection goes, so the app still
    // has the state before it. (Changed after ISI is back, the app's own probe may find ISI first
    // and send its change before the colleague's: no conflict to test.)
    await collegaZetVoldaan(werkplek.isiUrl, p.id, p.versie, '2025-02-10');
    await werkplek.stopIsi();
    await openPersoon(page, p.bsn);
    await wijzigVoldaan(page, '14-02-2025');
    await expect(page.getByTestId('wacht-op-verzending')).toBeVisible();
    await werkplek.startIsi();

    await page.getByTestId('nu-bijwerken').click();
    await expect(page.getByTestId('wachtrij-link')).toContainText('1 geweigerd', { timeout: 20_000 });
    await expect(page.getByTestId('wijziging-geweigerd')).toBeVisible();
    // What ISI has now is what the person shows.
    await expect(gegeven(page, 'datum-voldaan-aan-pvt-plicht')).toHaveText('10-02-2025');

    await page.getByTestId('wachtrij-link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtrij' })).toBeVisible();
    const entry = page.getByTestId('entry-geweigerd');
    await expect(entry.getByTestId('weigering')).toBeVisible();
    const vergelijking = entry.getByTestId('vergelijking');
    await expect(vergelijking.getByRole('row', { name: /Datum voldaan aan PVT-plicht/ })).toContainText('14-02-2025');
    await expect(vergelijking.getByRole('row', { name: /Datum voldaan aan PVT-plicht/ })).toContainText('10-02-2025');
    await controleerToegankelijkheid(page, 'wachtrij met een geweigerde wijziging');
    await schermafdruk(page, '42-wachtrij-geweigerd');

    // Opnieuw proberen: the form with the user's refused values, on ISI's current version.
    await entry.getByTestId('opnieuw-proberen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'PVT gegevens wijzigen' })).toBeVisible();
    await expect(veld(page, 'Datum voldaan aan PVT-plicht')).toHaveValue('14-02-2025');
    await veld(page, 'Datum voldaan aan PVT-plicht').fill('13-02-2025');
    await veld(page, 'Datum einde deelname PV-traject').fill('13-02-2025');
    await page.getByTestId('pvt-opslaan').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    await expect(page.getByTestId('melding')).toContainText('De PVT gegevens zijn opgeslagen.');
    await expect(page.getByTestId('wachtrij-link')).toHaveCount(0);
    const bijIsi = await persoonBijIsi(werkplek.isiUrl, p.id);
    expect(bijIsi.datumVoldaan).toBe('2025-02-13');
    expect(bijIsi.versie).toBe(p.versie + 2);

    // Verwerpen: a second conflict, let go; ISI's state stays.
    await wachtOpSync(page);
    await collegaZetVoldaan(werkplek.isiUrl, p.id, (await persoonBijIsi(werkplek.isiUrl, p.id)).versie, '2025-02-11');
    await werkplek.stopIsi();
    await wijzigVoldaan(page, '12-02-2025');
    await werkplek.startIsi();
    await page.getByTestId('nu-bijwerken').click();
    await expect(page.getByTestId('wachtrij-link')).toContainText('1 geweigerd', { timeout: 20_000 });
    await page.getByTestId('wachtrij-link').click();
    await page.getByTestId('entry-geweigerd').getByTestId('verwerpen').click();
    await page.getByTestId('verwerpen-bevestigen').click();
    await expect(page.getByTestId('wachtrij-leeg')).toBeVisible();
    expect((await persoonBijIsi(werkplek.isiUrl, p.id)).datumVoldaan).toBe('2025-02-11');
  });
});

test.describe('onderbroken', () => {
  test.use({ beleid: { syncPaginaGrootte: 100 } });

  test('de host sterft tijdens de eerste synchronisatie: na herstart gaat die verder, niets dubbel of kwijt', async ({ page, werkplek }) => {
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    const voortgang = page.getByTestId('sync-voortgang');
    await expect(voortgang).toContainText(/ophalen: [1-9][\d.]* van [\d.]+ \(\d+%\)/);
    await schermafdruk(page, '43-eerste-synchronisatie');
    await werkplek.doodHost();
    await werkplek.startHost();
    await naHerstart(page, werkplek.appUrl, werkplek.isiUrl);
    await wachtOpSync(page);

    // Every person and open signal of the gemeente is in the cache once: the counts equal ISI's.
    const token = await isiSessie(werkplek.isiUrl);
    for (const verblijf of ['WOONACHTIG', 'VOORMALIG'] as const) {
      const r = await isi<{ totaal: number }>(werkplek.isiUrl, token, 'POST', '/api/v1/gemeenten/0014/personen/_zoek', { verblijf });
      await kiesGemeente(page, 'Groningen');
      await page.getByRole('link', { name: 'Portal Inburgering' }).click();
      await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
      await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
      await page.getByTestId('criterium-verblijf').getByLabel(verblijf === 'WOONACHTIG' ? 'Woonachtig in uw gemeente' : 'Voormalig woonachtig in uw gemeente', { exact: true }).check();
      await page.getByTestId('zoek-overig').click();
      await expect(page.getByTestId('aantal-gevonden')).toContainText(`Er zijn ${r.body.totaal} personen gevonden.`);
    }
    const open = await isi<{ aantal: number }>(werkplek.isiUrl, token, 'GET', '/api/v1/gemeenten/0014/signalen/openstaand');
    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await page.getByRole('link', { name: '11. Raadplegen en muteren signalen 2013' }).click();
    await expect(page.getByTestId('openstaand-tekst')).toContainText(String(open.body.aantal));
  });

  test('de host sterft terwijl DUO de wijziging al heeft: opnieuw verzonden met dezelfde sleutel, één keer verwerkt', async ({ page, werkplek }) => {
    const p = await nieuwePersoon(werkplek.isiUrl, 'Onderbroken');
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    await openPersoon(page, p.bsn);

    werkplek.station.vasthouden = true;
    const vast = werkplek.station.vastgehouden();
    await page.getByTestId('pvt-wijzigen').click();
    await veld(page, 'Datum start deelname PV-traject').fill('03-02-2025');
    await veld(page, 'Datum einde deelname PV-traject').fill('14-02-2025');
    await veld(page, 'Datum voldaan aan PVT-plicht').fill('14-02-2025');
    await page.getByTestId('pvt-opslaan').click();
    const verzoek = await vast;
    expect(verzoek).toMatchObject({ methode: 'PUT', status: 200 });
    // ISI did the work; the app never heard. Now the app dies.
    await werkplek.doodHost();
    werkplek.station.vasthouden = false;
    expect((await persoonBijIsi(werkplek.isiUrl, p.id)).versie).toBe(p.versie + 1);

    await werkplek.startHost();
    await naHerstart(page, werkplek.appUrl, werkplek.isiUrl);
    await wachtOpSync(page);
    await expect(page.getByTestId('wachtrij-link')).toHaveCount(0, { timeout: 20_000 });
    const bijIsi = await persoonBijIsi(werkplek.isiUrl, p.id);
    expect(bijIsi.versie).toBe(p.versie + 1);
    expect(bijIsi.datumVoldaan).toBe('2025-02-14');
    await openPersoon(page, p.bsn);
    await expect(gegeven(page, 'datum-voldaan-aan-pvt-plicht')).toHaveText('14-02-2025');
    await expect(page.getByTestId('wijziging-geweigerd')).toHaveCount(0);
  });
});

/** Every file under `map`, recursively. */
function bestanden(map: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    return statSync(pad).isDirectory() ? bestanden(pad) : [pad];
  });
}

test.describe('versleuteld op schijf', () => {
  test('na een volledige synchronisatie staat geen BSN, achternaam, persoon-id, datum of signaal leesbaar in het Chromium-profiel', async ({ werkplek }) => {
    test.setTimeout(120_000);
    const token = await isiSessie(werkplek.isiUrl);
    const bekend: { bsn: string; achternaam: string; id: string }[] = [];
    for (const gc of ['0014', '0034']) {
      const r = await isi<{ items: { bsn: string; achternaam: string; id: string }[] }>(werkplek.isiUrl, token, 'POST', `/api/v1/gemeenten/${gc}/personen/_zoek`, { verblijf: 'WOONACHTIG', paginaGrootte: 200 });
      bekend.push(...r.body.items);
    }
    expect(bekend.length).toBeGreaterThan(300);
    // Of a sample of persons: their PVT dates; of the signals: ids, descriptions, dates.
    const datums = new Set<string>();
    for (const p of bekend.slice(0, 40)) {
      const r = await isi<Record<string, unknown>>(werkplek.isiUrl, token, 'GET', `/api/v1/gemeenten/0014/personen/${p.id}`).catch(() => null);
      for (const veld of ['datumStartPvtPlicht', 'datumEindePvtPlicht', 'datumStartDeelname', 'datumEindeDeelname', 'datumVoldaan']) {
        const d = r?.body?.[veld];
        if (typeof d === 'string') datums.add(d);
      }
    }
    const signalen = (await isi<{ items: { id: string; omschrijving: string; datum: string }[] }>(werkplek.isiUrl, token, 'POST', '/api/v1/gemeenten/0014/signalen/_zoek', { paginaGrootte: 200 })).body.items;
    for (const s of signalen) datums.add(s.datum);
    expect(datums.size).toBeGreaterThan(10);

    const context = await chromium.launchPersistentContext(werkplek.profiel, { ...CHROMIUM_START, locale: 'nl-NL' });
    const page = context.pages()[0] ?? (await context.newPage());
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    await context.close();

    const inhoud = bestanden(join(werkplek.profiel, 'Default', 'IndexedDB')).map((pad) => readFileSync(pad));
    const totaal = inhoud.reduce((n, b) => n + b.length, 0);
    expect(totaal).toBeGreaterThan(100_000);
    const zoek = (tekst: string) => inhoud.some((b) => b.includes(Buffer.from(tekst, 'latin1')) || b.includes(Buffer.from(tekst, 'utf16le')));
    // The check can see: the ids of the log entries (gemeente and a number, nothing else) are stored in clear.
    expect(zoek('0014-00000001')).toBe(true);
    const bsns = bekend.filter((p) => zoek(p.bsn)).map((p) => p.bsn);
    const namen = [...new Set(bekend.map((p) => p.achternaam).filter((n) => n.length >= 6))].filter(zoek);
    expect(bsns, 'BSNs leesbaar op schijf').toEqual([]);
    expect(namen, 'achternamen leesbaar op schijf').toEqual([]);
    // ARCHITECTURE.md: nothing that links to a person, neither ids nor dates nor signals.
    expect(bekend.filter((p) => zoek(p.id)).map((p) => p.id), 'persoon-ids leesbaar op schijf').toEqual([]);
    expect(signalen.filter((s) => zoek(s.id)).map((s) => s.id), 'signaal-ids leesbaar op schijf').toEqual([]);
    expect([...datums].filter(zoek), 'datums leesbaar op schijf').toEqual([]);
    expect([...new Set(signalen.map((s) => s.omschrijving))].filter(zoek), 'signaalomschrijvingen leesbaar op schijf').toEqual([]);
  });
});

test.describe('vergrendelen en wissen', () => {
  test.use({ beleid: { vergrendelNaMinuten: 1 } });

  test('na de ingestelde minuten zonder activiteit vergrendelt de app; inloggen ontgrendelt, de gegevens zijn er nog', async ({ page, werkplek }) => {
    await page.clock.install();
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    await page.clock.fastForward('01:05');
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
    await expect(page.getByTestId('sessie-melding')).toContainText('vergrendeld na 1 minuut zonder activiteit');
    await expect(page.getByTestId('cachebalk')).toHaveCount(0);
    await controleerToegankelijkheid(page, 'vergrendeld');

    // Unlocked by logging in: the cache is there (no full sync with its progress bar again).
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await expect(page.getByTestId('gegevens-van')).toContainText('Gegevens van');
    await expect(page.getByTestId('sync-voortgang')).toHaveCount(0);
  });

  test('"Lokale gegevens wissen" en uitloggen met wissen: daarna worden de gegevens opnieuw opgehaald', async ({ page, werkplek }) => {
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
    await page.getByTestId('lokaal-wissen').click();
    await controleerToegankelijkheid(page, 'lokale gegevens wissen');
    await page.getByTestId('wissen-bevestigen').click();
    await expect(page.getByTestId('gewist')).toBeVisible();
    await wachtOpSync(page);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByTestId('uitloggen-vraag')).toBeVisible();
    await controleerToegankelijkheid(page, 'uitloggen: gegevens bewaren of wissen');
    await schermafdruk(page, '44-uitloggen-vraag');
    await page.getByTestId('uitloggen-wissen').click();
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
    // No user cache is left in the browser's IndexedDB (only the register of caches).
    const databases = await page.evaluate(async () => {
      // Runs in the page; this file is type-checked for Node, without the DOM.
      const idb = (globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]> } }).indexedDB;
      return (await idb.databases()).map((d) => d.name ?? '');
    });
    expect(databases.filter((n) => n.startsWith('pib-cache-'))).toEqual([]);
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);
  });
});

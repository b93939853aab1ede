import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { STORINGEN, type Storing } from '../helpers/storingsproxy';
import { controlegetalBijIsi, isi, isiSessie, kiesGemeente, openOnderdeel } from './isi-direct';
import { expect, test, type OfflineOmgeving } from './offline-omgeving';
import { logIn, schermafdruk } from './omgeving';

// Issue 12, reliability: a waardepapieren order and a contact message have no If-Match, so their
// Idempotency-Key is all that keeps them exactly-once. The real outbox (renderer) and main's
// sends, through a proxy on loopback between the host and a real ISI (tests/helpers/storingsproxy.ts).

/** What ISI holds, counted in its own database (no route lists contact messages). */
function bijIsi(werkplek: OfflineOmgeving, o: { email: string; bericht: string }): { bestellingen: number; contactberichten: number; mails: number } {
  const db = new Database(werkplek.isiDb, { readonly: true, fileMustExist: true });
  try {
    const tel = (sql: string, w: string) => (db.prepare(sql).get(w) as { n: number }).n;
    return {
      bestellingen: tel('SELECT count(*) AS n FROM bestellingen WHERE email = ?', o.email),
      contactberichten: tel('SELECT count(*) AS n FROM contactberichten WHERE bericht = ?', o.bericht),
      mails: tel('SELECT count(*) AS n FROM uitgaande_mail WHERE aan = ?', o.email),
    };
  } finally {
    db.close();
  }
}

async function wachtOpSync(page: Page): Promise<void> {
  const balk = page.getByTestId('cachebalk');
  await expect(balk).toHaveAttribute('data-laatste-sync', /.+/, { timeout: 120_000 });
  await expect(balk).toHaveAttribute('data-sync-lopend', '0', { timeout: 120_000 });
  await expect(page.getByTestId('sync-voortgang')).toHaveCount(0, { timeout: 120_000 });
}

async function bestel(page: Page, email: string): Promise<void> {
  await kiesGemeente(page, 'Groningen');
  await openOnderdeel(page, '18. Waardepapieren bestellen');
  await page.getByLabel('Aantal sets').fill('2');
  await page.getByLabel('Contactpersoon').fill('Inkoop Groningen');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Bestel' }).click();
}

async function stuurBericht(page: Page, bericht: string): Promise<void> {
  await kiesGemeente(page, 'Almere');
  await page.getByRole('link', { name: 'Contactformulier' }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Demo Muteren');
  await page.getByLabel('E-mail').fill('demo-muteren@gemeente.example');
  await page.getByTestId('onderwerp').click();
  await page.getByRole('option', { name: 'Signalen' }).click();
  await page.getByLabel('Bericht').fill(bericht);
  await page.getByRole('button', { name: 'Verstuur' }).click();
}

/**
 * The host dies after ISI applied the write and before its answer reached the app; after a
 * restart the outbox sends it again with the same key, and ISI answers with what it stored.
 */
async function doodNaToepassen(page: Page, werkplek: OfflineOmgeving, pad: RegExp, doe: () => Promise<void>): Promise<void> {
  werkplek.station.vasthouden = true;
  const vast = werkplek.station.vastgehouden();
  await doe();
  expect(await vast).toMatchObject({ methode: 'POST', pad: expect.stringMatching(pad), status: 201 });
  await werkplek.doodHost();
  werkplek.station.vasthouden = false;
  await werkplek.startHost();
  const voor = werkplek.station.schrijvenBijIsi.filter((s) => pad.test(s.pad)).length;
  await page.goto('about:blank');
  await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
  await wachtOpSync(page);
  // The outbox sends it again by itself once the cache is open: it reaches ISI a second time.
  await expect.poll(() => werkplek.station.schrijvenBijIsi.filter((s) => pad.test(s.pad)).length, { timeout: 60_000 }).toBeGreaterThan(voor);
  await expect(page.getByTestId('wachtrij-link')).toHaveCount(0, { timeout: 60_000 });
}

test.describe('de host sterft nadat DUO de bestelling of het bericht al had', () => {
  test('waardepapieren en contact: na herstart opnieuw verzonden met dezelfde sleutel; DUO heeft precies één bestelling, één mail en één bericht', async ({ page, werkplek }) => {
    test.setTimeout(300_000);
    const email = `onderbroken-${Date.now()}@groningen.example`;
    const bericht = `Onderbroken bericht ${Date.now()}`;
    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    await wachtOpSync(page);

    await doodNaToepassen(page, werkplek, /\/waardepapierbestellingen$/, () => bestel(page, email));
    expect(bijIsi(werkplek, { email, bericht })).toMatchObject({ bestellingen: 1, mails: 1 });
    await doodNaToepassen(page, werkplek, /\/contactberichten$/, () => stuurBericht(page, bericht));
    expect(bijIsi(werkplek, { email, bericht })).toEqual({ bestellingen: 1, contactberichten: 1, mails: 1 });

    // Each reached ISI twice (the first send and the resend after the restart), applied once.
    const naar = (p: RegExp) => werkplek.station.schrijvenBijIsi.filter((s) => p.test(s.pad));
    expect(naar(/\/waardepapierbestellingen$/).length).toBeGreaterThanOrEqual(2);
    expect(naar(/\/contactberichten$/).length).toBeGreaterThanOrEqual(2);
    const token = await isiSessie(werkplek.isiUrl);
    const mail = await isi<{ aan: string; onderwerp: string }[]>(werkplek.isiUrl, token, 'GET', '/api/v1/simulatie/uitgaande-mail');
    expect(mail.body.filter((m) => m.aan === email)).toHaveLength(1);
  });
});

test.describe('storingen onderweg naar DUO', () => {
  // Small pages: the first sync takes dozens of requests, so the faults land inside it.
  test.use({ beleid: { syncPaginaGrootte: 100 } });

  test('trage antwoorden, 500, verbroken en afgekapte verbindingen tijdens synchronisatie en verzending: de app meldt het, en eindigt gelijk aan DUO zonder dubbel of kwijt', async ({ page, werkplek }) => {
    test.setTimeout(600_000);
    const station = werkplek.station;
    const DOEL = 40;
    let n = 0;
    // Every other request to ISI (not the login itself) fails, in turn each kind, until DOEL faults.
    station.traagMs = 2_500;
    station.storing = ({ pad }) => {
      if (pad.startsWith('/api/v1/sessies')) return null;
      if (STORINGEN.reduce((som, s) => som + station.geteld[s], 0) >= DOEL) return null;
      n++;
      return n % 2 === 0 ? STORINGEN[(n / 2) % STORINGEN.length]! : null;
    };
    const email = `storing-${Date.now()}@groningen.example`;
    const bericht = `Bericht tijdens storingen ${Date.now()}`;

    await logIn(page, werkplek.appUrl, 'demo-muteren', werkplek.isiUrl);
    // What the bar says while the faults last, as the user sees it.
    await page.evaluate(() => {
      const gezien = new Set<string>();
      (window as unknown as { pibGezien: Set<string> }).pibGezien = gezien;
      const kijk = () => {
        const v = document.querySelector('[data-test="verbinding"]')?.textContent?.trim();
        if (v) gezien.add(v);
        if (document.querySelector('[data-test="sync-fout"]')) gezien.add('sync-fout');
      };
      new MutationObserver(kijk).observe(document.body, { subtree: true, childList: true, characterData: true });
      kijk();
    });
    await bestel(page, email);
    await expect(page.getByTestId('besteld').or(page.getByTestId('wacht-op-verzending'))).toBeVisible({ timeout: 30_000 });
    await stuurBericht(page, bericht);
    await expect(page.getByTestId('verstuurd').or(page.getByTestId('wacht-op-verzending'))).toBeVisible({ timeout: 30_000 });

    // Until the faults are over, then until everything is sent and the cache is complete: the
    // app retries by itself (probe, timer); "Nu bijwerken" is what a user would press meanwhile.
    const storingen = () => STORINGEN.reduce((som, s) => som + station.geteld[s], 0);
    for (const einde = Date.now() + 300_000; storingen() < DOEL && Date.now() < einde;) {
      const knop = page.getByTestId('nu-bijwerken');
      if (await knop.isEnabled()) await knop.click();
      await page.waitForTimeout(2_000);
    }
    expect(storingen()).toBeGreaterThanOrEqual(DOEL);
    await expect(async () => {
      const knop = page.getByTestId('nu-bijwerken');
      if (await knop.isEnabled()) await knop.click();
      await expect(page.getByTestId('wachtrij-link')).toHaveCount(0, { timeout: 5_000 });
      await expect(page.getByTestId('sync-fout')).toHaveCount(0, { timeout: 5_000 });
      await wachtOpSync(page);
    }).toPass({ timeout: 180_000, intervals: [3_000] });

    const gezien = await page.evaluate(() => [...(window as unknown as { pibGezien: Set<string> }).pibGezien]);
    expect(gezien, 'de balk zei dat DUO niet bereikbaar was').toContain('Offline');
    expect(gezien).toContain('Online');

    // Consistent: the check number over every person and signal equals ISI's; the outbox sent
    // each change exactly once, however often it reached ISI.
    await page.getByTestId('lokale-gegevens-link').click();
    for (const gc of ['0014', '0034']) {
      await expect(page.getByTestId(`lokaal-${gc}`).getByTestId('controlegetal')).toHaveText(await controlegetalBijIsi(werkplek.isiUrl, gc), { timeout: 30_000 });
    }
    expect(bijIsi(werkplek, { email, bericht })).toEqual({ bestellingen: 1, contactberichten: 1, mails: 1 });
    const geteld = Object.fromEntries(STORINGEN.map((s) => [s, station.geteld[s]])) as Record<Storing, number>;
    test.info().annotations.push({ type: 'storingen', description: JSON.stringify(geteld) });
    process.stdout.write(`Storingen geïnjecteerd: ${JSON.stringify(geteld)} (samen ${DOEL}); schrijfverzoeken bij ISI: ${station.schrijvenBijIsi.length}\n`);
    await schermafdruk(page, 'lokale-gegevens-na-storingen');
  });
});

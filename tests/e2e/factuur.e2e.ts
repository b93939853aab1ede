import type { Page } from '@playwright/test';
import { MELDING_GEEN_FACTUUR, MELDING_GEEN_REKENINGNUMMER } from '../../shared/rules/factuur';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { simulatiePersoon, kiesGemeente } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';

/** Voldaan (definitive) with a DUO loan: an invoice may be added (R-FAC-1). */
const VOLDAAN_MET_LENING = {
  lening: true, datumStartPvtPlicht: '2023-06-01', datumEindePvtPlicht: '2024-05-31', datumStartDeelname: '2023-09-04',
  datumEindeDeelname: '2023-09-18', datumVoldaan: '2023-09-18', datumRegistratie: '2023-09-18', registratieDefinitief: true,
};

async function openFactuurTab(page: Page, bsn: string, gemeente: string, menu = '09. Raadplegen en muteren persoon 2013'): Promise<void> {
  if (gemeente !== 'Almere') await kiesGemeente(page, gemeente);
  await page.getByRole('link', { name: menu }).click();
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByTestId('zoek-bsn').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
  await page.getByRole('tab', { name: 'Factuur' }).click();
  await expect(page.getByTestId('factuur')).toBeVisible();
}

const factuurGegeven = (page: Page, sleutel: string) => page.getByTestId('factuurgegevens').getByTestId(`gegeven-${sleutel}`).getByTestId('waarde');

// Handbook §3.6 "Invoeren of wijzigen factuur", the tab Factuur of §3.4.
test.describe('factuur', () => {
  test('R-FAC-4: factuur 155441 met Wijzigen en Verwijderen; wijzigen met Versturen (R-FAC-2)', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await openFactuurTab(page, '604269602', 'Groningen');
    await expect(factuurGegeven(page, 'factuurnummer')).toHaveText('155441');
    await expect(factuurGegeven(page, 'factuurdatum')).toHaveText('04-11-2019');
    await expect(factuurGegeven(page, 'debiteurnummer')).toHaveText('');
    await expect(factuurGegeven(page, 'bedrag')).toHaveText('€ 150,00');
    await expect(page.getByTestId('factuur-wijzigen')).toBeVisible();
    await expect(page.getByTestId('factuur-verwijderen')).toBeVisible();
    await controleerToegankelijkheid(page, 'persoon, factuur');
    await schermafdruk(page, '14-factuur');

    await page.getByTestId('factuur-wijzigen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Factuur wijzigen' })).toBeVisible();
    await expect(page.getByLabel('Factuurnummer')).toHaveValue('155441');
    await expect(page.getByLabel('Factuurdatum', { exact: true })).toHaveValue('04-11-2019');
    await expect(page.getByLabel('Bedrag')).toHaveValue('€ 150,00');
    await expect(page.getByLabel('Bedrag')).toHaveAttribute('readonly', '');
    await controleerToegankelijkheid(page, 'factuur wijzigen');
    await schermafdruk(page, '15-factuur-wijzigen');

    // R-FAC-2 before sending: at most 16 alphanumeric positions.
    await page.getByLabel('Factuurnummer').fill('1554-41');
    await page.getByTestId('factuur-versturen').click();
    await expect(page.getByTestId('factuurnummer')).toContainText('Het factuurnummer mag maximaal 16 posities hebben en moet alfanumeriek zijn');

    await page.getByLabel('Factuurnummer').fill('GRO155441B');
    await page.getByLabel('Debiteurnummer (optioneel)').fill('D604269');
    await page.getByTestId('factuur-versturen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Persoon' })).toBeVisible();
    await expect(page.getByTestId('melding')).toHaveText('De factuur is gewijzigd.');
    await expect(page.getByRole('tab', { name: 'Factuur' })).toHaveAttribute('aria-selected', 'true');
    await expect(factuurGegeven(page, 'factuurnummer')).toHaveText('GRO155441B');
    await expect(factuurGegeven(page, 'debiteurnummer')).toHaveText('D604269');
    await expect(factuurGegeven(page, 'status')).toHaveText('Factuur opgenomen');
  });

  test('R-FAC-1: geen factuur maar wel mogelijk: Toevoegen, versturen en weer verwijderen', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Factuur', ...VOLDAAN_MET_LENING });
    await inloggen('demo-muteren');
    await openFactuurTab(page, p.bsn, 'Groningen');
    await expect(page.getByTestId('geen-factuur')).toContainText(MELDING_GEEN_FACTUUR);
    await page.getByTestId('factuur-toevoegen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Factuur wijzigen' })).toBeVisible();
    await expect(page.getByLabel('Factuurnummer')).toHaveValue('');

    // R-FAC-2: factuurnummer and factuurdatum are required.
    await page.getByTestId('factuur-versturen').click();
    await expect(page.getByTestId('factuurnummer')).toContainText("Het veld 'Factuurnummer' is verplicht.");
    await expect(page.getByTestId('factuurdatum')).toContainText("Het veld 'Factuurdatum' is verplicht.");

    await page.getByLabel('Factuurnummer').fill('ABCDEF1234567890');
    await page.getByLabel('Factuurdatum', { exact: true }).fill('03-02-2025');
    await page.getByTestId('factuur-versturen').click();
    await expect(page.getByTestId('melding')).toHaveText('De factuur is toegevoegd.');
    await expect(factuurGegeven(page, 'factuurnummer')).toHaveText('ABCDEF1234567890');
    await expect(factuurGegeven(page, 'factuurdatum')).toHaveText('03-02-2025');
    await expect(factuurGegeven(page, 'bedrag')).toHaveText('€ 150,00');

    // R-FAC-4: not accepted yet, so it can be removed, after a confirmation.
    await page.getByTestId('factuur-verwijderen').click();
    const dialoog = page.getByRole('dialog');
    await expect(dialoog).toContainText('Weet u zeker dat u factuur ABCDEF1234567890 wilt verwijderen uit het portaal?');
    await controleerToegankelijkheid(page, 'factuur verwijderen, bevestiging');
    await dialoog.getByTestId('verwijderen-bevestigen').click();
    await expect(page.getByTestId('melding')).toHaveText('De factuur is verwijderd.');
    await expect(page.getByTestId('geen-factuur')).toContainText(MELDING_GEEN_FACTUUR);
    await expect(page.getByTestId('factuur-toevoegen')).toBeVisible();
  });

  test('R-FAC-3: Almere heeft geen rekeningnummer bij DUO: het formulier zegt het bij openen en Versturen staat uit', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    // Almere (0034) is demo-muteren's first gemeente by name.
    await openFactuurTab(page, '491945449', 'Almere');
    await expect(page.getByTestId('geen-factuur')).toContainText(MELDING_GEEN_FACTUUR);
    await page.getByTestId('factuur-toevoegen').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Factuur wijzigen' })).toBeVisible();
    // Said before anything is typed, where the form starts; a send that can never succeed is not offered.
    await expect(page.getByTestId('geen-rekeningnummer')).toContainText(MELDING_GEEN_REKENINGNUMMER);
    await expect(page.getByTestId('geen-rekeningnummer')).toContainText('sci@duo.nl');
    await expect(page.getByTestId('factuur-versturen')).toBeDisabled();
    await page.getByLabel('Factuurnummer').fill('ALM491945449');
    await page.getByLabel('Factuurdatum', { exact: true }).fill('14-02-2025');
    await expect(page.getByTestId('factuur-versturen')).toBeDisabled();
    await expect(page.getByLabel('Factuurnummer')).toHaveValue('ALM491945449');
    await controleerToegankelijkheid(page, 'factuur wijzigen, geen rekeningnummer');
    await schermafdruk(page, '15-factuur-wijzigen-rekeningnummer');
  });

  test('R-FAC-1: zonder lening geen Toevoegen, wel de uitleg', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, { gemeentecode: '0014', achternaam: 'Geenlening', ...VOLDAAN_MET_LENING, lening: false });
    await inloggen('demo-muteren');
    await openFactuurTab(page, p.bsn, 'Groningen');
    await expect(page.getByTestId('geen-factuur')).toContainText(MELDING_GEEN_FACTUUR);
    await expect(page.getByTestId('factuur-toevoegen')).toHaveCount(0);
    await expect(page.getByTestId('factuur-niet-mogelijk')).toContainText('De persoon heeft geen lening bij DUO.');
  });

  test('R-FAC-4: een geaccepteerde factuur kan niet meer gewijzigd of verwijderd worden', async ({ page, inloggen, omgeving }) => {
    const p = await simulatiePersoon(omgeving.isiUrl, {
      gemeentecode: '0014', achternaam: 'Geaccepteerd', ...VOLDAAN_MET_LENING,
      factuur: { factuurnummer: 'GEACC2023', factuurdatum: '2023-10-02', status: 4, geaccepteerd: true },
    });
    await inloggen('demo-muteren');
    await openFactuurTab(page, p.bsn, 'Groningen');
    await expect(factuurGegeven(page, 'factuurnummer')).toHaveText('GEACC2023');
    await expect(factuurGegeven(page, 'status')).toHaveText('Factuur vrijgegeven');
    await expect(page.getByTestId('factuur-wijzigen')).toHaveCount(0);
    await expect(page.getByTestId('factuur-verwijderen')).toHaveCount(0);
    await expect(page.getByTestId('factuur-geaccepteerd')).toContainText('Een geaccepteerde factuur kan niet meer worden gewijzigd of verwijderd.');
  });

  test('R-ROL-3: demo-raadplegen ziet de factuur zonder Wijzigen en Verwijderen, en leest waarom', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    await openFactuurTab(page, '604269602', 'Groningen', '08. Raadplegen persoon 2013');
    await expect(page.getByTestId('factuurgegevens')).toBeVisible();
    await expect(page.getByTestId('factuur-wijzigen')).toHaveCount(0);
    await expect(page.getByTestId('factuur-verwijderen')).toHaveCount(0);
    await expect(page.getByTestId('factuur-alleen-lezen')).toHaveText(MELDING_ALLEEN_RAADPLEGEN);
  });
});

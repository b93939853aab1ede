import { MELDING_GEEN_WET } from '../../shared/rules/wet';
import { kiesGemeente, openOnderdeel } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';
import type { Page } from '@playwright/test';

async function zoekWet(page: Page, bsn: string): Promise<void> {
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByRole('button', { name: 'Zoek', exact: true }).click();
}

// Handbook §3.12 (Onder welke wet valt een persoon).
test.describe('zoeken wet inburgering', () => {
  test('R-WET-1: 569026040 in Groningen: "Persoon is overleden.", Wi2021, and the button to the person', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken wet inburgering' })).toBeVisible();
    await controleerToegankelijkheid(page, 'zoeken-wet-leeg');
    await zoekWet(page, '569026040');
    await expect(page.getByTestId('wet-bovenregel')).toHaveText('Persoon is overleden.');
    await expect(page.getByTestId('wet-woonachtig')).toHaveText('Persoon valt onder de Wet Inburgering 2021.');
    await expect(page.getByTestId('wet-woonachtig')).toHaveClass(/text-info/);
    await controleerToegankelijkheid(page, 'zoeken-wet');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '23-zoeken-wet');
    await page.getByRole('button', { name: 'Ga naar de gegevens van deze persoon' }).click();
    await expect(page).toHaveURL(/\/personen\/[0-9a-f-]{36}$/);
  });

  test('R-WET-1: a Wi2013 person of Groningen seen from Almere: the yellow line, no button', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Almere');
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    // The handbook person of §3.4 lives in Groningen.
    await zoekWet(page, '994002026');
    await expect(page.getByTestId('wet-niet-woonachtig')).toHaveText('Persoon valt onder de Wet Inburgering 2013, maar is niet woonachtig in uw gemeente.');
    await expect(page.getByTestId('wet-niet-woonachtig')).toHaveClass(/text-warning/);
    await expect(page.getByRole('button', { name: 'Ga naar de gegevens van deze persoon' })).toHaveCount(0);
    await controleerToegankelijkheid(page, 'zoeken-wet-elders');

    // The same person with Groningen chosen: living here, so the button is there.
    await kiesGemeente(page, 'Groningen');
    await expect(page.getByTestId('wet-woonachtig')).toHaveText('Persoon valt onder de Wet Inburgering 2013.');
    await expect(page.getByRole('button', { name: 'Ga naar de gegevens van deze persoon' })).toBeVisible();
  });

  test('R-WET-1: an unknown valid BSN says no person is known; R-BSN-1: an invalid one is refused in place', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    await zoekWet(page, '111222333');
    await expect(page.getByTestId('geen-wet')).toHaveText(MELDING_GEEN_WET);
    await expect(page.getByTestId('wet-uitkomst')).toHaveCount(0);
    await zoekWet(page, '111222334');
    // Said once, in the refusal the red field points to.
    await expect(page.getByText(/de elfproef klopt niet/)).toHaveCount(1);
    await expect(page.getByLabel('Burgerservicenummer')).toHaveAccessibleDescription(/de elfproef klopt niet/);
    await expect(page.getByLabel('Burgerservicenummer')).toHaveValue('111222334');
    await controleerToegankelijkheid(page, 'zoeken-wet-fout');
  });

  test('R-WET-1, R-ROL-1: demo-raadplegen (no Wi2021 role) sees the law of 569026040 but gets no button', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    await openOnderdeel(page, '01. Onder welke wet valt een persoon');
    await zoekWet(page, '569026040');
    await expect(page.getByTestId('wet-woonachtig')).toHaveText('Persoon valt onder de Wet Inburgering 2021.');
    await expect(page.getByRole('button', { name: 'Ga naar de gegevens van deze persoon' })).toHaveCount(0);
  });
});

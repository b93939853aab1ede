import { totpCode } from '../../server/auth/totp';
import { controleerToegankelijkheid, expect, logUit, schermafdruk, test } from './omgeving';

// Handbook §2.1, §2.2 (logging in), §3.1 (start screen per role), §3.11 (gekozen gemeente).
test.describe('inloggen en startscherm', () => {
  test('R-AUTH-1: a wrong code is refused in place, the user name and password stay', async ({ page, omgeving }) => {
    await page.goto(omgeving.appUrl);
    await controleerToegankelijkheid(page, 'inloggen');
    await schermafdruk(page, '01-inloggen');
    await page.getByLabel('Gebruikersnaam').fill('demo-muteren');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByLabel('Verificatiecode').fill('000000');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByTestId('probleem')).toContainText('Inloggen is niet gelukt');
    await expect(page.getByLabel('Gebruikersnaam')).toHaveValue('demo-muteren');
    await expect(page.getByLabel('Wachtwoord')).toHaveValue('demo');
  });

  test('R-ROL-2: demo-muteren sees the items of both Wi2013 roles, ELIP not available', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    const menu = page.getByTestId('menu');
    for (const item of ['01. Onder welke wet valt een persoon', '09. Raadplegen en muteren persoon 2013', '11. Raadplegen en muteren signalen 2013', '17. Downloaden bestanden', '18. Waardepapieren bestellen']) {
      await expect(menu.getByText(item)).toBeVisible();
    }
    await expect(menu.getByText('ELIP heeft een eigen handleiding').first()).toBeVisible();
    await controleerToegankelijkheid(page, 'inburgering');
    await schermafdruk(page, '02-inburgering-muteren');
  });

  test('R-ROL-2: demo-raadplegen sees no muteren items and no waardepapieren', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    const menu = page.getByTestId('menu');
    await expect(menu.getByText('08. Raadplegen persoon 2013')).toBeVisible();
    await expect(menu.getByText('18. Waardepapieren bestellen')).toHaveCount(0);
    await expect(menu.getByText('09. Raadplegen en muteren persoon 2013')).toHaveCount(0);
  });

  test('R-GEM-1: the chosen gemeente offers only authorised gemeenten', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await page.getByTestId('gekozen-gemeente').click();
    await expect(page.getByRole('option')).toHaveText(['Almere', 'Groningen']);
    await page.getByRole('option', { name: 'Groningen' }).click();
    await expect(page.getByTestId('gekozen-gemeente')).toContainText('Groningen');
  });

  test('R-AUTH-1: the CVS key logs in too, and logging out returns to the login screen', async ({ page, omgeving }) => {
    await page.goto(omgeving.appUrl);
    await page.getByRole('tab', { name: 'Cliëntvolgsysteem (CVS)' }).click();
    await page.getByLabel('Applicatiesleutel').fill('demo-cvs-0014');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { name: 'Inburgering' })).toBeVisible();
    await logUit(page);
    await expect(page.getByTestId('sessie-melding')).toContainText('U bent uitgelogd.');
    expect(totpCode('JBSWY3DPEHPK3PXP')).toMatch(/^\d{6}$/);
  });
});

import { expect, test } from './eigen-omgeving';
import { logIn } from './omgeving';

const GEEN_VERBINDING = 'Er is geen verbinding met DUO (ISI).';

// When ISI cannot be reached the user is told so, in place and in Dutch, and loses nothing typed.
test.describe('geen verbinding met ISI', () => {
  test('a search on "Onder welke wet valt een persoon" says so, and the BSN stays', async ({ page, eigenOmgeving }) => {
    await logIn(page, eigenOmgeving.appUrl, 'demo-muteren', eigenOmgeving.isiUrl);
    await page.getByTestId('menu').getByRole('link', { name: '01. Onder welke wet valt een persoon' }).click();
    await expect(page.getByRole('heading', { name: 'Zoeken wet inburgering' })).toBeVisible();
    const bsn = page.getByLabel('Burgerservicenummer');

    // The screen works while ISI is there, so what follows is the lost connection and nothing else.
    await bsn.fill('994002026');
    await page.getByRole('button', { name: 'Zoek' }).click();
    await expect(page.getByTestId('wet-uitkomst')).toBeVisible();

    await eigenOmgeving.stopIsi();
    await bsn.fill('491945449');
    await page.getByRole('button', { name: 'Zoek' }).click();
    const melding = page.getByTestId('probleem');
    await expect(melding).toContainText(GEEN_VERBINDING);
    await expect(melding).toContainText('Wat u hebt ingevuld, blijft staan.');
    await expect(melding).toHaveAttribute('role', 'alert');
    await expect(bsn).toHaveValue('491945449');
    // Still logged in: the lost connection is not a lost session.
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  });

  test('logging in says so, and the user name and password stay', async ({ page, eigenOmgeving }) => {
    await page.goto(eigenOmgeving.appUrl);
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
    await eigenOmgeving.stopIsi();
    await page.getByLabel('Gebruikersnaam').fill('demo-muteren');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByLabel('Verificatiecode').fill('123456');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByTestId('probleem')).toContainText(GEEN_VERBINDING);
    await expect(page.getByLabel('Gebruikersnaam')).toHaveValue('demo-muteren');
    await expect(page.getByLabel('Wachtwoord')).toHaveValue('demo');
  });
});

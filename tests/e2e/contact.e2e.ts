import { MELDING_ONBEKEND_ADRES } from '../../shared/rules/contact';
import { kiesGemeente } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';

// Handbook §3.14 (Contact opnemen met het Servicecentrum Inburgering).
test.describe('contact met DUO', () => {
  test('R-CON-1: phone and e-mail of the Servicecentrum; an empty form shows every required field at once; then a valid message is sent', async ({ page, inloggen }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Almere');
    await page.getByRole('link', { name: 'Contactformulier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact met DUO' })).toBeVisible();
    await expect(page.getByTestId('servicecentrum')).toContainText('050 599 9191, te bereiken op werkdagen tussen 9.00 uur en 17.00 uur');
    await expect(page.getByTestId('servicecentrum')).toContainText('sci@duo.nl');
    await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue('Almere');
    await expect(page.getByLabel('Gemeente', { exact: true })).toHaveAttribute('readonly', '');
    await expect(page.getByTestId('onbekend-adres')).toHaveText(MELDING_ONBEKEND_ADRES);
    await controleerToegankelijkheid(page, 'contact');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '25-contact');

    await page.getByLabel('Naam', { exact: true }).fill('');
    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page.getByTestId('naam')).toContainText("Het veld 'Naam' is verplicht");
    await expect(page.getByTestId('email')).toContainText("Het veld 'E-mail' is verplicht");
    await expect(page.getByTestId('telefoonnummer')).toContainText("Het veld 'Telefoonnummer' is verplicht");
    await expect(page.getByTestId('bericht')).toContainText("Het veld 'Bericht' is verplicht");
    await expect(page.getByTestId('onderwerp')).toContainText('Kies een onderwerp uit de lijst');
    await controleerToegankelijkheid(page, 'contact-fouten');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '25-contact-fouten');

    await page.getByLabel('Naam', { exact: true }).fill('Demo Muteren');
    await page.getByLabel('E-mail').fill('demo-muteren@gemeente.example');
    await page.getByLabel('Telefoonnummer').fill('036 123 4567');
    await page.getByTestId('onderwerp').click();
    await page.getByRole('option', { name: 'Signalen' }).click();
    await page.getByLabel('Bericht').fill('Waarom zie ik signaal SS614 bij een persoon die nog in Almere woont?');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page.getByTestId('verstuurd')).toContainText('Uw bericht is verstuurd naar het Servicecentrum Inburgering');
    await expect(page.getByTestId('probleem')).toHaveCount(0);
    await expect(page.getByLabel('Bericht')).toHaveValue('');
    await expect(page.getByLabel('E-mail')).toHaveValue('demo-muteren@gemeente.example');
  });

  test('R-CON-1: without "DUO mag mij bellen" no phone number is asked; a wrong e-mail address is refused', async ({ page, inloggen }) => {
    await inloggen('demo-raadplegen');
    await page.getByRole('link', { name: 'Contactformulier' }).click();
    await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue('Groningen');
    await expect(page.getByLabel('Telefoonnummer')).toHaveCount(0);
    await page.getByLabel('E-mail').fill('geen-adres');
    await page.getByTestId('onderwerp').click();
    await page.getByRole('option', { name: 'Overig' }).click();
    await page.getByLabel('Bericht').fill('Vraag over het portaal.');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page.getByTestId('email')).toContainText('Vul een geldig e-mailadres in');
    await page.getByLabel('E-mail').fill('demo-raadplegen@gemeente.example');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page.getByTestId('verstuurd')).toBeVisible();
  });
});

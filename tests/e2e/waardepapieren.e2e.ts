import { MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { MELDING_BESTELD, MELDING_HOGER_DAN_VERWACHT } from '../../shared/rules/waardepapieren';
import { isi, isiSessie, kiesGemeente, openOnderdeel } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';

// Handbook §3.13 (Waardepapieren bestellen).
test.describe('waardepapieren bestellen', () => {
  test('R-WP-1: 5 sets gives the notice; after the confirmation the order has a number and the e-mail is sent', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '18. Waardepapieren bestellen');
    await expect(page.getByRole('heading', { level: 1, name: 'Waardepapieren bestellen' })).toBeVisible();
    await expect(page.getByTestId('soort')).toContainText('PVT Waardepapieren');
    const adres = `bestel-${Date.now()}@groningen.example`;
    await page.getByLabel('Aantal sets').fill('5');
    await expect(page.getByTestId('aantal-vellen')).toHaveText('5 sets = 125 vellen');
    await expect(page.getByTestId('hoger-dan-verwacht')).toContainText(MELDING_HOGER_DAN_VERWACHT);
    await page.getByLabel('Contactpersoon').fill('Inkoop Groningen');
    await page.getByLabel('E-mail').fill(adres);
    await controleerToegankelijkheid(page, 'waardepapieren');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '24-waardepapieren');

    await page.getByRole('button', { name: 'Bestel' }).click();
    await expect(page.getByTestId('bevestig-aantal')).toContainText(MELDING_HOGER_DAN_VERWACHT);
    await expect(page.getByTestId('besteld')).toHaveCount(0);
    await page.getByLabel(/Ja, het aantal klopt/).check();
    await page.getByRole('button', { name: 'Bestel' }).click();
    await expect(page.getByTestId('besteld')).toContainText(MELDING_BESTELD);
    const bestelnummer = (await page.getByTestId('bestelnummer').textContent())!.trim();
    expect(bestelnummer).toMatch(/^WP-2025-\d{6}$/);
    await expect(page.getByTestId('besteld')).toContainText('125 vellen');
    await controleerToegankelijkheid(page, 'waardepapieren-besteld');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '24-waardepapieren-besteld');

    const token = await isiSessie(omgeving.isiUrl);
    const mail = await isi<{ aan: string; onderwerp: string; inhoud: string }[]>(omgeving.isiUrl, token, 'GET', '/api/v1/simulatie/uitgaande-mail');
    const bevestiging = mail.body.find((m) => m.aan === adres);
    expect(bevestiging?.onderwerp).toBe(`Bevestiging bestelling ${bestelnummer}`);
    expect(bevestiging?.inhoud).toContain('5 set(s) PVT Waardepapieren (125 vellen)');
  });

  test('R-WP-1: 0 and 41 sets are refused in place; nothing is ordered', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await openOnderdeel(page, '18. Waardepapieren bestellen');
    const adres = `geweigerd-${Date.now()}@almere.example`;
    await page.getByLabel('E-mail').fill(adres);
    for (const sets of ['0', '41']) {
      await page.getByLabel('Aantal sets').fill(sets);
      await page.getByRole('button', { name: 'Bestel' }).click();
      await expect(page.getByTestId('aantal-sets')).toContainText('U kunt minimaal 1 en maximaal 40 sets van 25 stuks bestellen.');
      await expect(page.getByLabel('Aantal sets')).toHaveValue(sets);
      await expect(page.getByTestId('aantal-vellen')).toHaveText('');
    }
    await controleerToegankelijkheid(page, 'waardepapieren-fout');
    const token = await isiSessie(omgeving.isiUrl);
    const mail = await isi<{ aan: string }[]>(omgeving.isiUrl, token, 'GET', '/api/v1/simulatie/uitgaande-mail');
    expect(mail.body.filter((m) => m.aan === adres)).toEqual([]);
  });

  test('R-ROL-3: demo-raadplegen has no item 18, and the screen itself explains why there is no form', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-raadplegen');
    await expect(page.getByTestId('menu').getByText('18. Waardepapieren bestellen')).toHaveCount(0);
    await page.goto(new URL('/waardepapieren', omgeving.appUrl).href);
    await expect(page.getByRole('heading', { level: 1, name: 'Waardepapieren bestellen' })).toBeVisible();
    await expect(page.getByTestId('alleen-raadplegen')).toContainText(MELDING_ALLEEN_RAADPLEGEN);
    await expect(page.getByRole('button', { name: 'Bestel' })).toHaveCount(0);
    await controleerToegankelijkheid(page, 'waardepapieren-raadplegen');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/isi';

/** API.md: the demo mailbox shows a session the mails its own actions caused, and a beheerder also those of the users it manages (issue 12, finding 11). */
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 5 });
type Mail = { aan: string; onderwerp: string; inhoud: string };
const post = async (token: string) => (await isi.vraag('GET', '/api/v1/simulatie/uitgaande-mail', { token })).body as Mail[];

describe('GET /api/v1/simulatie/uitgaande-mail', () => {
  it('shows each session its own mails; the beheerder also its users\', and nobody another user\'s activation code', async () => {
    const muteren = await isi.login('demo-muteren');
    const raadplegen = await isi.login('demo-raadplegen');
    const beheerder = await isi.login('demo-beheerder');
    const cvs = await isi.login('demo-cvs-0014');
    const besteld = await isi.vraag('POST', '/api/v1/gemeenten/0014/waardepapierbestellingen', {
      token: muteren, headers: { 'idempotency-key': randomUUID() }, body: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 1, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' },
    });
    expect(besteld.status, besteld.tekst).toBe(201);
    const nieuw = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token: beheerder, body: { gebruikersnaam: 'post.collega', naam: 'Post Collega', email: 'post@groningen.example', rollen: ['WI2013'], gemeenten: ['0014'] } });
    expect(nieuw.status, nieuw.tekst).toBe(201);
    const code = (await isi.vraag('POST', '/api/v1/beheer/gebruikers/post.collega/activatiecodes', { token: beheerder })).body.activatiecode as string;

    const bestelling = (m: Mail) => m.onderwerp.startsWith('Bevestiging bestelling');
    const activatie = (m: Mail) => m.inhoud.includes(code);
    expect((await post(muteren)).map((m) => [bestelling(m), activatie(m)])).toEqual([[true, false]]);
    expect(await post(raadplegen)).toEqual([]);
    expect(await post(cvs)).toEqual([]);
    const vanBeheerder = await post(beheerder);
    expect(vanBeheerder.filter(activatie)).toHaveLength(1);
    expect(vanBeheerder.filter(bestelling)).toHaveLength(1);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CacheFout, caches, openCache } from '../../../../renderer/db';
import { leidSleutels } from '../../../../renderer/db/sleutels';
import { achternaamVan, alleOpgeslagenTekst, bsnVan, maakPersoon, maakSignaal, nieuweBron, nieuweIdempotencyKey, pagina } from './hulp';

describe('renderer/db: versleuteling in rust', () => {
  it('na synchronisatie en wijzigingen staat nergens een BSN, naam, geboortedatum, PVT-datum, persoon-id, signaal of e-mailadres leesbaar', async () => {
    const bron = nieuweBron();
    const cache = await openCache('medewerker.groningen', nieuweIdempotencyKey(), { bron });
    const personen = Array.from({ length: 40 }, (_, i) => maakPersoon(i + 1, { geboortedatum: `1971-03-${String(10 + (i % 18)).padStart(2, '0')}` }));
    const signalen = personen.slice(0, 10).map((p, i) => maakSignaal(i + 1, p));
    await cache.pasToe('0014', pagina({ personen, signalen }));
    await cache.pasToe('0034', pagina({ personen: [maakPersoon(1, { gemeentecode: '0034', verblijf: 'VOORMALIG' })] }));
    const p = personen[0]!;
    await cache.zetInWachtrij({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: p.id, versie: 1, nieuw: true, invoer: { factuurnummer: 'FACTQX77123', factuurdatum: '2025-02-03', debiteurnummer: 'DEBQX99' } }, crypto.randomUUID());
    await cache.zetInWachtrij({ soort: 'CONTACT', gc: '0014', bericht: { naam: 'Hendrikje Contactpersoonsma', email: 'hendrikje@voorbeeld.example', magBellen: false, onderwerp: 'Vraag', bericht: 'Tekst' } }, crypto.randomUUID());
    const refusal = await cache.zetInWachtrij({ soort: 'PVT', gc: '0014', persoonId: personen[1]!.id, versie: 1, wijziging: { datumStartDeelname: '2025-01-01', datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null } }, crypto.randomUUID());
    await cache.geweigerd(refusal.id, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Nee', code: 'X' }, personen[1]!);
    // Memory answers; the disk holds only encrypted chunks and log entries.
    expect((await cache.zoekPersonen('0014', { pvtPlichtig: 'J', sorteer: 'achternaam' })).totaal).toBe(40);
    await cache.opSchijf();

    const alles = await alleOpgeslagenTekst(bron);
    for (const q of [...personen, ...signalen]) {
      expect(alles).not.toContain(q.bsn);
      expect(alles).not.toContain(q.achternaam);
    }
    for (const q of personen) expect(alles).not.toContain(q.geboortedatum);
    // Nothing that links to a person either (ARCHITECTURE.md): ids, the PVT dates, flags, signals.
    for (const q of personen) expect(alles).not.toContain(q.id);
    for (const s of signalen) expect(alles).not.toContain(s.id);
    for (const geheim of ['2024-01-01', '2027-01-01', '2025-01-01', '2025-02-01', 'Persoon is PVT-plichtig', 'SS601', 'WOONACHTIG', 'VOORMALIG', 'pvtPlichtig']) expect(alles).not.toContain(geheim);
    for (const geheim of ['FACTQX77123', 'DEBQX99', 'Contactpersoonsma', 'hendrikje@voorbeeld.example', 'Voornaam']) expect(alles).not.toContain(geheim);
    // Sanity of the scan itself: what is meant to be in clear is found (the tables and the gemeente).
    expect(alles).toContain('logboek');
    expect(alles).toContain('"gc":"0034"');
    await cache.sluit();
  });

  it('de databasenaam is een hash, niet de gebruikersnaam', async () => {
    const bron = nieuweBron();
    const cache = await openCache('medewerker.almere', nieuweIdempotencyKey(), { bron });
    const namen = (await bron.indexedDB.databases()).map((d) => d.name);
    expect(namen.some((n) => n?.includes('medewerker'))).toBe(false);
    expect((await caches(bron))[0]!.databasenaam).toMatch(/^pib-cache-[0-9a-f]{32}$/);
    await cache.sluit();
  });

  it('een cache geopend met een andere sleutel geeft een duidelijke fout en leest niets', async () => {
    const bron = nieuweBron();
    const eerste = await openCache('x', nieuweIdempotencyKey(), { bron });
    await eerste.pasToe('0014', pagina({ personen: [maakPersoon(1)] }));
    await eerste.sluit();
    const fout = await openCache('x', nieuweIdempotencyKey(), { bron }).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(CacheFout);
    expect((fout as CacheFout).code).toBe('VERKEERDE_SLEUTEL');
    expect((fout as CacheFout).message).toBe('De lokale gegevens kunnen met deze sleutel niet worden gelezen.');
  });

  it('een sleutel die geen 32 bytes base64 is wordt geweigerd', async () => {
    await expect(openCache('x', btoa('te kort'), { bron: nieuweBron() })).rejects.toMatchObject({ code: 'ONGELDIGE_SLEUTEL' });
    await expect(openCache('x', '%%%', { bron: nieuweBron() })).rejects.toMatchObject({ code: 'ONGELDIGE_SLEUTEL' });
  });

  it('de afgeleide sleutels zijn niet exporteerbaar en de ruwe bytes zijn overschreven', async () => {
    const ruw = crypto.getRandomValues(new Uint8Array(32));
    const { aes, hmac } = await leidSleutels(ruw);
    expect(ruw.every((b) => b === 0)).toBe(true);
    expect(aes.extractable).toBe(false);
    expect(hmac.extractable).toBe(false);
    expect(aes.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(hmac.algorithm).toMatchObject({ name: 'HMAC' });
    await expect(crypto.subtle.exportKey('raw', aes)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('raw', hmac)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', aes)).rejects.toThrow();
  });

  it('sluit() laat de sleutels en alles wat ontsleuteld was los: elke volgende aanroep weigert', async () => {
    const cache = await openCache('x', nieuweIdempotencyKey(), { bron: nieuweBron() });
    await cache.pasToe('0014', pagina({ personen: [maakPersoon(1)] }));
    const dicht = cache.sluit();
    await expect(cache.zoekPersonen('0014', { pvtPlichtig: 'J' })).rejects.toMatchObject({ code: 'GESLOTEN' });
    await expect(cache.haalPersoon('0014', maakPersoon(1).id)).rejects.toMatchObject({ code: 'GESLOTEN' });
    await expect(cache.wachtrij()).rejects.toMatchObject({ code: 'GESLOTEN' });
    await dicht;
    await expect(cache.pasToe('0014', pagina())).rejects.toMatchObject({ code: 'GESLOTEN' });
  });

  it('elke waarde heeft een eigen IV: dezelfde persoon twee keer geschreven geeft andere bytes', async () => {
    const bron = nieuweBron();
    const cache = await openCache('x', nieuweIdempotencyKey(), { bron });
    await cache.pasToe('0014', pagina({ personen: [maakPersoon(1)] }));
    await cache.opSchijf();
    const eerst = await alleOpgeslagenTekst(bron);
    await cache.pasToe('0014', pagina({ personen: [maakPersoon(1)], cursor: 'c2' }));
    await cache.opSchijf();
    const daarna = await alleOpgeslagenTekst(bron);
    expect(daarna).not.toBe(eerst);
    expect(daarna).not.toContain(bsnVan(1));
    expect(daarna).not.toContain(achternaamVan(1));
    await cache.sluit();
  });
});

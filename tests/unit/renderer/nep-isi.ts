import { deflateRawSync } from 'node:zlib';
import type { Paginadata, Uitkomst } from '../../../shared/ipc';
import type { PersonenLijst, PersonenZoekvraag, Persoon, PersoonInLijst, Probleem, SignaalVolledig, Wijzigingen } from '../../../shared/schemas/api';
import type { UitgaandeWijziging, Verzending } from '../../../shared/schemas/uitgaand';
import type { Mock } from 'vitest';
import type { z } from 'zod';

/** What main answers when ISI cannot be reached (status 0): the app is offline. */
export const GEEN_VERBINDING: Uitkomst<never> = {
  ok: false,
  probleem: { type: 'urn:pib:probleem:geen_verbinding', title: 'Geen verbinding', status: 0, code: 'GEEN_VERBINDING', detail: 'Er is geen verbinding met DUO.' },
};

export function probleem(status: number, code: string, detail: string, regel?: string): Probleem {
  return { type: `urn:test:${code.toLowerCase()}`, title: code, status, code, detail, ...(regel ? { regel } : {}) };
}

/** A BSN that passes the elfproef (R-BSN-1), different for every n. */
export function geldigBsn(n: number): string {
  for (let prefix = 10_000_000 + n * 97; ; prefix++) {
    const cijfers = String(prefix).split('').map(Number);
    const som = cijfers.reduce((s, c, i) => s + (9 - i) * c, 0);
    const controle = som % 11;
    if (controle < 10) return `${prefix}${controle}`;
  }
}

const kopie = <T>(x: T): T => structuredClone(x);

/**
 * A small stand-in for ISI behind main, enough for the offline stores: the gemeente's changes as
 * pages after a cursor (a log of every person and signal written, the cursor an offset in it), the
 * writes of the outbox with If-Match on the person's version and Idempotency-Key replay, and a
 * switch for the connection. Each answer is what main hands to the renderer (`Uitkomst`).
 */
export class NepIsi {
  online = true;
  paginaGrootte = 3;
  readonly personen = new Map<string, Persoon>();
  readonly signalen = new Map<string, SignaalVolledig>();
  /** Cursors ISI no longer knows: a page after one is a 410. */
  readonly verlopen = new Set<string>();
  /** Every request in flight, so a test can wait until the app is quiet. */
  bezig = 0;
  private readonly log: { soort: 'persoon' | 'signaal'; id: string }[] = [];
  private readonly antwoorden = new Map<string, Verzending>();
  private volgnummer = 0;

  zetPersoon(p: Persoon): void {
    this.personen.set(p.id, kopie(p));
    this.log.push({ soort: 'persoon', id: p.id });
  }

  zetSignaal(s: SignaalVolledig): void {
    this.signalen.set(s.id, kopie(s));
    this.log.push({ soort: 'signaal', id: s.id });
  }

  /** Someone else changed the person at ISI (another workplace): a new version. */
  wijzigElders(id: string, velden: Partial<Persoon>): Persoon {
    const p = { ...this.personen.get(id)!, ...velden, versie: this.personen.get(id)!.versie + 1 };
    this.zetPersoon(p);
    return kopie(p);
  }

  private async teller<T>(werk: () => T): Promise<T> {
    this.bezig++;
    try {
      await new Promise((klaar) => setImmediate(klaar));
      return werk();
    } finally {
      this.bezig--;
    }
  }

  /** `sync.pagina`: the changes of gemeente `gc` after `cursor`; the first page of a full sync (cursor null) says how many items come. */
  pagina = ({ gc, cursor }: { gc: string; cursor: string | null }): Promise<Uitkomst<Paginadata>> => this.teller(() => {
    if (!this.online) return GEEN_VERBINDING;
    if (cursor !== null && this.verlopen.has(cursor)) return { ok: false, probleem: probleem(410, 'CURSOR_VERLOPEN', 'Begin opnieuw.') };
    // Each gemeente has its own changes: its persons and its signals.
    const log = this.log.filter((r) => (r.soort === 'persoon' ? this.personen.get(r.id)!.gemeentecode : this.signalen.get(r.id)!.gemeentecode) === gc);
    const vanaf = cursor === null ? 0 : Number(cursor.slice(1));
    const stuk = log.slice(vanaf, vanaf + this.paginaGrootte);
    const tot = vanaf + stuk.length;
    const ids = (soort: 'persoon' | 'signaal') => [...new Set(stuk.filter((r) => r.soort === soort).map((r) => r.id))];
    const pagina: Wijzigingen = {
      personen: ids('persoon').map((id) => kopie(this.personen.get(id)!)),
      signalen: ids('signaal').map((id) => kopie(this.signalen.get(id)!)),
      verwijderd: { personen: [], signalen: [] },
      cursor: `c${tot}`,
      meer: tot < log.length,
      ...(cursor === null ? { totaal: log.length } : {}),
    };
    // As main hands a page over: ISI's JSON text, compressed.
    return { ok: true, waarde: { gecomprimeerd: new Uint8Array(deflateRawSync(JSON.stringify(pagina))), cursor: pagina.cursor, meer: pagina.meer } };
  });

  /** `personen.zoek` straight at ISI (only BSN and "every person" are needed here), sorted on BSN. */
  zoek = ({ vraag }: { gc: string; vraag: PersonenZoekvraag }): Promise<Uitkomst<z.infer<typeof PersonenLijst>>> => this.teller(() => {
    if (!this.online) return GEEN_VERBINDING;
    const items = [...this.personen.values()].filter((p) => !vraag.bsn || p.bsn === vraag.bsn).sort((a, b) => a.bsn.localeCompare(b.bsn)).map(inLijst);
    return { ok: true, waarde: { items: items.slice(0, vraag.paginaGrootte ?? 20), totaal: items.length, pagina: 1, paginaGrootte: vraag.paginaGrootte ?? 20 } };
  });

  haal = ({ id }: { gc: string; id: string }): Promise<Uitkomst<Persoon>> => this.teller(() => {
    if (!this.online) return GEEN_VERBINDING;
    const p = this.personen.get(id);
    return p ? { ok: true, waarde: kopie(p) } : { ok: false, probleem: probleem(404, 'ONBEKEND', 'Deze persoon is niet gevonden.') };
  });

  /** `uitgaand.verstuur` as main/diensten does it: ISI's answer, ISI's refusal with its person, or no connection. */
  verstuur = ({ idempotencyKey, wijziging }: { idempotencyKey: string; wijziging: UitgaandeWijziging }): Promise<Uitkomst<Verzending>> => this.teller(() => {
    if (!this.online) return GEEN_VERBINDING;
    const eerder = this.antwoorden.get(idempotencyKey);
    if (eerder) return { ok: true, waarde: kopie(eerder) };
    const v = this.verwerk(wijziging);
    if (v.uitkomst === 'VERZONDEN') this.antwoorden.set(idempotencyKey, v);
    return { ok: true, waarde: kopie(v) };
  });

  private verwerk(w: UitgaandeWijziging): Verzending {
    if (w.soort === 'SIGNAALSTATUS') {
      for (const id of w.ids) this.zetSignaal({ ...this.signalen.get(id)!, status: w.status });
      return { uitkomst: 'VERZONDEN', antwoord: { bijgewerkt: w.ids.length }, persoon: null };
    }
    if (w.soort === 'WAARDEPAPIEREN') {
      return { uitkomst: 'VERZONDEN', antwoord: { bestelnummer: `WP-2025-${String(++this.volgnummer).padStart(6, '0')}`, aantalVellen: 25 * w.bestelling.aantalSets }, persoon: null };
    }
    if (w.soort === 'CONTACT') return { uitkomst: 'VERZONDEN', antwoord: { id: `c${++this.volgnummer}`, ontvangenOp: '2025-03-01T10:15:00.000Z' }, persoon: null };
    const nu = this.personen.get(w.persoonId)!;
    // If-Match: a change made on an older version is refused, with ISI's person beside it.
    if (w.versie !== nu.versie) {
      return { uitkomst: 'GEWEIGERD', probleem: probleem(412, 'VERSIECONFLICT', 'De gegevens van deze persoon zijn intussen gewijzigd.'), serverStand: kopie(nu) };
    }
    if (w.soort === 'PVT') {
      const na = this.wijzigElders(nu.id, w.wijziging);
      return { uitkomst: 'VERZONDEN', antwoord: na, persoon: na };
    }
    if (w.soort === 'FACTUUR_OPSLAAN') {
      const factuur = { factuurnummer: w.invoer.factuurnummer.trim(), factuurdatum: w.invoer.factuurdatum, debiteurnummer: w.invoer.debiteurnummer || null, bedrag: 15_000, status: 2 as const, geaccepteerd: false };
      const na = this.wijzigElders(nu.id, { factuur, factuurAanwezig: 'J' });
      return { uitkomst: 'VERZONDEN', antwoord: factuur, persoon: na };
    }
    const na = this.wijzigElders(nu.id, { factuur: null, factuurAanwezig: nu.lening ? 'N' : 'NVT' });
    return { uitkomst: 'VERZONDEN', antwoord: null, persoon: na };
  }
}

function inLijst(p: Persoon): PersoonInLijst {
  return {
    id: p.id, bsn: p.bsn, voornaam: p.voornamen, achternaam: p.achternaam, geboortedatum: p.geboortedatum, pvtPlichtig: p.pvtPlichtig,
    voldaan: p.datumVoldaan ? 'J' : 'N', rechtOpMb: p.rechtOpMb, factuurAanwezig: p.factuurAanwezig, signaalAanwezig: p.signalen.totaal > 0 ? 'J' : 'N',
  } as PersoonInLijst;
}

/** The bridge's calls to ISI answered by this fake: sync pages, sends, and the direct reads. */
export function koppel(pib: { sync: { pagina: Mock; bereikbaar: Mock }; uitgaand: { verstuur: Mock }; personen: { zoek: Mock; haal: Mock } }, isi: NepIsi): void {
  pib.sync.pagina.mockImplementation(isi.pagina);
  pib.sync.bereikbaar.mockImplementation(async () => (isi.online ? { ok: true, waarde: { vandaag: '2025-03-01' } } : GEEN_VERBINDING));
  pib.uitgaand.verstuur.mockImplementation(isi.verstuur);
  pib.personen.zoek.mockImplementation(isi.zoek);
  pib.personen.haal.mockImplementation(isi.haal);
}

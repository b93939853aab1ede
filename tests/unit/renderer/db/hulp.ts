import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { IndexedDbBron } from '../../../../renderer/db';
import type { Persoon, SignaalVolledig, Wijzigingen } from '../../../../shared/schemas/api';

/** A fresh, empty IndexedDB for one test: nothing leaks between tests. */
export function nieuweBron(): IndexedDbBron {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function nieuweIdempotencyKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

export const uuid = (n: number, soort = 'a') => `00000000-0000-4000-8${soort}00-${String(n).padStart(12, '0')}`;
/** Recognisable in any dump: nine digits that occur nowhere else in the fixtures. */
export const bsnVan = (n: number) => `97${String(n).padStart(7, '0')}`;
export const achternaamVan = (n: number) => `Zwartewaterklooster${n}`;

export function maakPersoon(n: number, over: Partial<Persoon> = {}): Persoon {
  return {
    id: uuid(n),
    bsn: bsnVan(n),
    voornamen: `Voornaam${n % 7}`,
    voorvoegsels: null,
    achternaam: achternaamVan(n),
    geslacht: 1,
    geboortedatum: `19${String(50 + (n % 40)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`,
    wet: 'WI2013',
    inburgeringsplichtig: true,
    gemeentecode: '0014',
    verblijf: 'WOONACHTIG',
    overleden: false,
    lening: true,
    gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' },
    gemeenteEindePvt: null,
    pvtPlichtig: 'J',
    datumStartPvtPlicht: '2024-01-01',
    datumEindePvtPlicht: '2027-01-01',
    datumStartDeelname: null,
    datumEindeDeelname: null,
    datumVoldaan: null,
    redenNietVoldaan: null,
    registratieDefinitief: false,
    registratieDefinitiefOp: null,
    rechtOpMb: 'J',
    datumMbGemeldBijBzk: null,
    factuurAanwezig: 'N',
    factuur: null,
    signalen: { totaal: 0, nieuw: 0, inBehandeling: 0, afgehandeld: 0 },
    magWijzigen: true,
    alleenLezenReden: null,
    versie: 1,
    ...over,
  };
}

export function maakSignaal(n: number, p: Persoon, over: Partial<SignaalVolledig> = {}): SignaalVolledig {
  return {
    id: uuid(n, 'b'),
    persoonId: p.id,
    status: 'NIEUW',
    bsn: p.bsn,
    achternaam: p.achternaam,
    code: 'SS601',
    omschrijving: 'Persoon is PVT-plichtig',
    datum: '2025-02-01',
    gemeentecode: '0014',
    statusGewijzigdOp: null,
    ...over,
  };
}

export function pagina(over: Partial<Wijzigingen> = {}): Wijzigingen {
  return { personen: [], signalen: [], verwijderd: { personen: [], signalen: [] }, cursor: 'c1', meer: false, ...over };
}

/**
 * Everything stored in every database of this IndexedDB, as one text: strings as they are, byte
 * arrays decoded as UTF-8 too (plaintext written as bytes would show), database and store names.
 */
export async function alleOpgeslagenTekst(bron: IndexedDbBron): Promise<string> {
  const delen: string[] = [];
  const naarTekst = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? new TextDecoder().decode(v) : v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v);
  for (const { name } of await bron.indexedDB.databases()) {
    delen.push(name!);
    const db = await new Promise<IDBDatabase>((klaar, mis) => {
      const r = bron.indexedDB.open(name!);
      r.onsuccess = () => klaar(r.result);
      r.onerror = () => mis(r.error);
    });
    for (const store of [...db.objectStoreNames]) {
      delen.push(store);
      const waarden = await new Promise<unknown[]>((klaar, mis) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => klaar(r.result);
        r.onerror = () => mis(r.error);
      });
      delen.push(JSON.stringify(waarden, naarTekst));
    }
    db.close();
  }
  return delen.join('\n');
}

import { expect } from 'vitest';
import type { Cache } from '../../../../renderer/db';
import { Wijzigingen } from '../../../../shared/schemas/api';
import type { TestServer } from '../../../helpers/isi';

/** One page of ISI's changes for the cache, validated as main validates it before handing it over. */
export async function haalPagina(isi: TestServer, token: string, gc: string, cursor: string | null, limiet: number): Promise<Wijzigingen> {
  const query = new URLSearchParams({ limiet: String(limiet), ...(cursor ? { vanaf: cursor } : {}) });
  const r = await isi.vraag('GET', `/api/v1/gemeenten/${gc}/wijzigingen?${query}`, { token });
  expect(r.status, r.tekst).toBe(200);
  return Wijzigingen.parse(r.body);
}

/** What main/sync and the sync store do: pages from the stored cursor until `meer` is false. Returns the pages applied. */
export async function synchroniseer(cache: Cache, isi: TestServer, token: string, gc: string, limiet = 1000, maxPaginas = Infinity): Promise<Wijzigingen[]> {
  const paginas: Wijzigingen[] = [];
  let stand = await cache.syncStand(gc);
  while (paginas.length < maxPaginas) {
    const p = await haalPagina(isi, token, gc, stand.cursor, limiet);
    stand = (await cache.pasToe(gc, p)).stand;
    paginas.push(p);
    if (!p.meer) break;
  }
  return paginas;
}

export async function isiZoek<T = any>(isi: TestServer, token: string, pad: string, body: unknown): Promise<T> {
  const r = await isi.vraag<T>('POST', pad, { token, body });
  expect(r.status, `${pad} ${JSON.stringify(body)}: ${r.tekst}`).toBe(200);
  return r.body;
}

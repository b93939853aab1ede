import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { IPC } from '../shared/ipc';
import { type AppInfo, type IngelogdeSessie } from '../shared/ipc';
import type { Gebruiker } from '../shared/schemas/api';
import { type IsiClient } from './isi/client';
import type { Platform } from './platform/platform';

type Contract = typeof IPC;
type Args<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { args: infer A extends z.ZodType } ? z.output<A> : never;
type Resultaat<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { resultaat: infer R extends z.ZodType } ? z.input<R> : never;

/** One implementation per call of the contract; arguments arrive already validated. */
export type Diensten = { [D in keyof Contract]: { [K in keyof Contract[D]]: (args: Args<D, K>) => Promise<Resultaat<D, K>> } };

export interface DienstOpties {
  isi: IsiClient;
  platform: Platform;
  info: Omit<z.infer<typeof AppInfo>, 'isiUrl'>;
}

const gemeente = (gc: string) => `/api/v1/gemeenten/${gc}`;
const sleutel = (k: string) => ({ 'Idempotency-Key': k });
const versie = (v: number) => ({ 'If-Match': `"${v}"` });

/**
 * The services behind the IPC contract, the same in Electron and in browser mode: each call is
 * one request to ISI. The session token stays here; the renderer only learns who is logged in.
 */
export function maakDiensten({ isi, platform, info }: DienstOpties): Diensten {
  let sessie: z.infer<typeof IngelogdeSessie> | null = null;

  async function bewaar(bestandsnaam: string, inhoud: ArrayBuffer | string): Promise<{ bestandsnaam: string; pad: string; grootte: number }> {
    const pad = join(platform.downloadMap(), bestandsnaam);
    const data = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : Buffer.from(inhoud);
    await writeFile(pad, data);
    return { bestandsnaam, pad, grootte: data.length };
  }

  return {
    app: {
      info: async () => ({ ...info, isiUrl: isi.basisUrl }),
    },
    sessie: {
      inloggen: async (args) => {
        const { data } = await isi.vraag<{ token: string; verlooptOp: string; gebruiker: Gebruiker }>('POST', '/api/v1/sessies', { body: args, open: true });
        isi.zetToken(data.token);
        const status = await isi.vraag<{ vandaag: string }>('GET', '/api/v1/status', { open: true }).catch(() => null);
        sessie = { gebruiker: data.gebruiker, verlooptOp: data.verlooptOp, ...(status ? { vandaag: status.data.vandaag } : {}) };
        return sessie;
      },
      uitloggen: async () => {
        if (isi.ingelogd) await isi.vraag('DELETE', '/api/v1/sessies/huidig').catch(() => undefined);
        isi.zetToken(null);
        sessie = null;
        return {};
      },
      huidig: async () => (isi.ingelogd ? sessie : null),
    },
    personen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/personen/_zoek`, { body: vraag })).data,
      haal: async ({ gc, id }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/personen/${id}`)).data,
      wijzigPvt: async ({ gc, id, versie: v, wijziging, idempotencyKey }) =>
        (await isi.vraag<never>('PUT', `${gemeente(gc)}/personen/${id}/pvt`, { body: wijziging, headers: { ...versie(v), ...sleutel(idempotencyKey) } })).data,
    },
    factuur: {
      haal: async ({ gc, id }) => {
        try {
          return (await isi.vraag<never>('GET', `${gemeente(gc)}/personen/${id}/factuur`)).data;
        } catch (fout) {
          // R-FAC-1: no invoice is an answer ("Geen factuur gevonden."), not a failure.
          if ((fout as { probleem?: { status: number } }).probleem?.status === 404) return null;
          throw fout;
        }
      },
      opslaan: async ({ gc, id, versie: v, nieuw, invoer, idempotencyKey }) =>
        (await isi.vraag<never>(nieuw ? 'POST' : 'PUT', `${gemeente(gc)}/personen/${id}/factuur`, { body: invoer, headers: { ...versie(v), ...sleutel(idempotencyKey) } })).data,
      verwijderen: async ({ gc, id, versie: v, idempotencyKey }) => {
        await isi.vraag('DELETE', `${gemeente(gc)}/personen/${id}/factuur`, { headers: { ...versie(v), ...sleutel(idempotencyKey) } });
        return {};
      },
    },
    signalen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/signalen/_zoek`, { body: vraag })).data,
      openstaand: async ({ gc }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/signalen/openstaand`)).data,
      wijzigStatus: async ({ gc, ids, status, idempotencyKey }) =>
        (await isi.vraag<never>('POST', `${gemeente(gc)}/signalen/statuswijzigingen`, { body: { ids, status }, headers: sleutel(idempotencyKey) })).data,
      downloadAlle: async ({ gc }) => {
        const { data, headers } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/signalen/export`, { binair: true });
        const naam = /filename="([^"]+)"/.exec(headers['content-disposition'] ?? '')?.[1] ?? `signalen_${gc}.csv`;
        return bewaar(naam, data);
      },
    },
    bestanden: {
      lijst: async ({ gc }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/bestanden`)).data,
      download: async ({ gc, bestandsnaam }) => {
        const { data } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/bestanden/${bestandsnaam}`, { binair: true });
        return bewaar(`${bestandsnaam.replace(/\.zip$/, '')}_${gc}.zip`, data);
      },
    },
    wet: {
      bepaal: async ({ gc, bsn }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/wetbepalingen`, { body: { bsn } })).data,
    },
    waardepapieren: {
      bestel: async ({ gc, bestelling, idempotencyKey }) =>
        (await isi.vraag<never>('POST', `${gemeente(gc)}/waardepapierbestellingen`, { body: bestelling, headers: sleutel(idempotencyKey) })).data,
    },
    contact: {
      verstuur: async ({ gc, bericht, idempotencyKey }) =>
        (await isi.vraag<never>('POST', `${gemeente(gc)}/contactberichten`, { body: bericht, headers: sleutel(idempotencyKey) })).data,
    },
  };
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { IPC } from '../shared/ipc';
import { type AppInfo, type IngelogdeSessie } from '../shared/ipc';
import type { Gebruiker, Persoon } from '../shared/schemas/api';
import { type UitgaandeWijziging, type Verzending, WEIGERINGSSTATUSSEN } from '../shared/schemas/uitgaand';
import { type IsiClient, IsiFout, SESSIE_VERLOPEN } from './isi/client';
import type { Platform } from './platform/platform';
import { beleidVoorRenderer } from './policy/beleid';
import type { Policy } from './policy/sleutels';
import type { Kluis } from './vault/kluis';

type Contract = typeof IPC;
type Args<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { args: infer A extends z.ZodType } ? z.output<A> : never;
type Resultaat<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { resultaat: infer R extends z.ZodType } ? z.input<R> : never;

/** One implementation per call of the contract; arguments arrive already validated. */
export type Diensten = { [D in keyof Contract]: { [K in keyof Contract[D]]: (args: Args<D, K>) => Promise<Resultaat<D, K>> } };

export interface DienstOpties {
  isi: IsiClient;
  platform: Platform;
  info: Omit<z.infer<typeof AppInfo>, 'isiUrl' | 'beleid'>;
  /** Read once at start-up (main/policy). */
  policy: Policy;
  kluis: Kluis;
}

const gemeente = (gc: string) => `/api/v1/gemeenten/${gc}`;
const sleutel = (k: string) => ({ 'Idempotency-Key': k });
const versie = (v: number) => ({ 'If-Match': `"${v}"` });

/**
 * The services behind the IPC contract, the same in Electron and in browser mode: each call is
 * one request to ISI. The session token stays here; the renderer only learns who is logged in.
 */
export function maakDiensten({ isi, platform, info, policy, kluis }: DienstOpties): Diensten {
  let sessie: z.infer<typeof IngelogdeSessie> | null = null;

  async function beeindigSessie(): Promise<Record<string, never>> {
    if (isi.ingelogd) await isi.vraag('DELETE', '/api/v1/sessies/huidig').catch(() => undefined);
    isi.zetToken(null);
    sessie = null;
    return {};
  }

  const haalPersoon = async (gc: string, id: string) => (await isi.vraag<Persoon>('GET', `${gemeente(gc)}/personen/${id}`)).data;

  /** The one ISI request of each kind of change, as the portal's own forms make it. */
  async function stuur(w: UitgaandeWijziging, idempotencyKey: string): Promise<unknown> {
    const persoonPad = 'persoonId' in w ? `${gemeente(w.gc)}/personen/${w.persoonId}` : '';
    const koppen = { ...sleutel(idempotencyKey), ...('versie' in w ? versie(w.versie) : {}) };
    switch (w.soort) {
      case 'PVT':
        return (await isi.vraag('PUT', `${persoonPad}/pvt`, { body: w.wijziging, headers: koppen })).data;
      case 'FACTUUR_OPSLAAN':
        return (await isi.vraag(w.nieuw ? 'POST' : 'PUT', `${persoonPad}/factuur`, { body: w.invoer, headers: koppen })).data;
      case 'FACTUUR_VERWIJDEREN':
        await isi.vraag('DELETE', `${persoonPad}/factuur`, { headers: koppen });
        return null;
      case 'SIGNAALSTATUS':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/signalen/statuswijzigingen`, { body: { ids: w.ids, status: w.status }, headers: koppen })).data;
      case 'WAARDEPAPIEREN':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/waardepapierbestellingen`, { body: w.bestelling, headers: koppen })).data;
      case 'CONTACT':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/contactberichten`, { body: w.bericht, headers: koppen })).data;
    }
  }

  /**
   * ARCHITECTURE.md "the way of a change": ISI took it, or refused the change itself (kept as
   * rejected beside the server's person), or it did not arrive: thrown, so the outbox keeps the
   * entry and sends it again later with the same key.
   */
  async function verstuur({ idempotencyKey, wijziging: w }: { idempotencyKey: string; wijziging: UitgaandeWijziging }): Promise<Verzending> {
    let antwoord: unknown;
    try {
      antwoord = await stuur(w, idempotencyKey);
    } catch (fout) {
      // IN_BEHANDELING: the first send with this key is still being handled; a later try gets its answer.
      if (!(fout instanceof IsiFout) || !WEIGERINGSSTATUSSEN.includes(fout.probleem.status) || fout.probleem.code === 'IN_BEHANDELING') throw fout;
      const serverStand = 'persoonId' in w ? await haalPersoon(w.gc, w.persoonId).catch(() => null) : null;
      return { uitkomst: 'GEWEIGERD', probleem: fout.probleem, serverStand };
    }
    if (w.soort === 'PVT') return { uitkomst: 'VERZONDEN', antwoord, persoon: antwoord as Persoon };
    // The change arrived either way; without the person now the next sync brings it.
    const persoon = 'persoonId' in w ? await haalPersoon(w.gc, w.persoonId).catch(() => null) : null;
    return { uitkomst: 'VERZONDEN', antwoord, persoon };
  }

  async function bewaar(bestandsnaam: string, inhoud: ArrayBuffer | string): Promise<{ bestandsnaam: string; pad: string; grootte: number }> {
    const pad = join(platform.downloadMap(), bestandsnaam);
    const data = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : Buffer.from(inhoud);
    await writeFile(pad, data);
    return { bestandsnaam, pad, grootte: data.length };
  }

  return {
    app: {
      info: async () => ({ ...info, isiUrl: isi.basisUrl, beleid: beleidVoorRenderer(policy) }),
    },
    sessie: {
      inloggen: async (args) => {
        const { data } = await isi.vraag<{ token: string; verlooptOp: string; gebruiker: Gebruiker }>('POST', '/api/v1/sessies', { body: args, open: true });
        isi.zetToken(data.token);
        const status = await isi.vraag<{ vandaag: string }>('GET', '/api/v1/status', { open: true }).catch(() => null);
        sessie = { gebruiker: data.gebruiker, verlooptOp: data.verlooptOp, ...(status ? { vandaag: status.data.vandaag } : {}) };
        return sessie;
      },
      uitloggen: beeindigSessie,
      huidig: async () => (isi.ingelogd ? sessie : null),
      // Locked is logged out towards ISI: unlocking is logging in again, with the second factor.
      vergrendel: beeindigSessie,
    },
    cache: {
      sleutel: async () => {
        if (!isi.ingelogd || !sessie) throw new IsiFout(SESSIE_VERLOPEN);
        const { gebruikersnaam } = sessie.gebruiker;
        return { gebruikersnaam, sleutel: (await kluis.sleutel(gebruikersnaam)).toString('base64') };
      },
      vergeet: async ({ gebruikersnaam }) => {
        await kluis.vergeet(gebruikersnaam);
        return {};
      },
    },
    sync: {
      pagina: async ({ gc, cursor }) => {
        const vraag = new URLSearchParams({ limiet: String(policy.syncPaginaGrootte), ...(cursor === null ? {} : { vanaf: cursor }) });
        return (await isi.vraag<never>('GET', `${gemeente(gc)}/wijzigingen?${vraag}`)).data;
      },
    },
    uitgaand: {
      verstuur,
    },
    personen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/personen/_zoek`, { body: vraag })).data,
      haal: async ({ gc, id }) => haalPersoon(gc, id),
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
    },
    signalen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/signalen/_zoek`, { body: vraag })).data,
      openstaand: async ({ gc }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/signalen/openstaand`)).data,
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
  };
}

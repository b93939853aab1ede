import type { z } from 'zod';
import type { Persoon } from '../../shared/schemas/api';
import { type Antwoord, type UitgaandeWijziging, type Verzending, WEIGERINGSSTATUSSEN } from '../../shared/schemas/uitgaand';
import { type IsiClient, IsiFout } from '../isi/client';
import { gemeente } from './stand';
import type { Diensten } from './typen';

const idempotencyKop = (k: string) => ({ 'Idempotency-Key': k });
const versie = (v: number) => ({ 'If-Match': `"${v}"` });

type PersoonJson = z.input<typeof Persoon>;

/** The person as ISI has it now. */
export const haalPersoon = async (isi: IsiClient, gc: string, id: string) => (await isi.vraag<PersoonJson>('GET', `${gemeente(gc)}/personen/${id}`)).data;

/**
 * The one ISI request of each kind of change, as the portal's own forms make it; `persoon` when
 * ISI's answer is the person after it.
 */
async function stuur(isi: IsiClient, w: UitgaandeWijziging, idempotencyKey: string): Promise<{ antwoord: Antwoord; persoon?: PersoonJson }> {
  const persoonPad = 'persoonId' in w ? `${gemeente(w.gc)}/personen/${w.persoonId}` : '';
  const koppen = { ...idempotencyKop(idempotencyKey), ...('versie' in w ? versie(w.versie) : {}) };
  switch (w.soort) {
    case 'PVT': {
      const { data } = await isi.vraag<Antwoord<'PVT'>>('PUT', `${persoonPad}/pvt`, { body: w.wijziging, headers: koppen });
      return { antwoord: data, persoon: data };
    }
    case 'FACTUUR_OPSLAAN':
      return { antwoord: (await isi.vraag<Antwoord<'FACTUUR_OPSLAAN'>>(w.nieuw ? 'POST' : 'PUT', `${persoonPad}/factuur`, { body: w.invoer, headers: koppen })).data };
    case 'FACTUUR_VERWIJDEREN':
      await isi.vraag<unknown>('DELETE', `${persoonPad}/factuur`, { headers: koppen });
      return { antwoord: null };
    case 'SIGNAALSTATUS':
      return { antwoord: (await isi.vraag<Antwoord<'SIGNAALSTATUS'>>('POST', `${gemeente(w.gc)}/signalen/statuswijzigingen`, { body: { ids: w.ids, status: w.status }, headers: koppen })).data };
    case 'WAARDEPAPIEREN':
      return { antwoord: (await isi.vraag<Antwoord<'WAARDEPAPIEREN'>>('POST', `${gemeente(w.gc)}/waardepapierbestellingen`, { body: w.bestelling, headers: koppen })).data };
    case 'CONTACT':
      return { antwoord: (await isi.vraag<Antwoord<'CONTACT'>>('POST', `${gemeente(w.gc)}/contactberichten`, { body: w.bericht, headers: koppen })).data };
  }
}

export function uitgaandDiensten(isi: IsiClient): Diensten['uitgaand'] {
  return {
    /**
     * ARCHITECTURE.md "the way of a change": ISI took it, or refused the change itself (kept as
     * rejected beside the server's person), or it did not arrive: thrown, so the outbox keeps the
     * entry and sends it again later with the same key.
     */
    verstuur: async ({ idempotencyKey, wijziging: w }): Promise<z.input<typeof Verzending>> => {
      let verstuurd: Awaited<ReturnType<typeof stuur>>;
      try {
        verstuurd = await stuur(isi, w, idempotencyKey);
      } catch (fout) {
        // IN_BEHANDELING: the first send with this key is still being handled; a later try gets its answer.
        if (!(fout instanceof IsiFout) || !WEIGERINGSSTATUSSEN.includes(fout.probleem.status) || fout.probleem.code === 'IN_BEHANDELING') throw fout;
        const serverStand = 'persoonId' in w ? await haalPersoon(isi, w.gc, w.persoonId).catch(() => null) : null;
        return { uitkomst: 'GEWEIGERD', probleem: fout.probleem, serverStand };
      }
      const { antwoord } = verstuurd;
      if (verstuurd.persoon) return { uitkomst: 'VERZONDEN', antwoord, persoon: verstuurd.persoon };
      // The change arrived either way; without the person now the next sync brings it.
      const persoon = 'persoonId' in w ? await haalPersoon(isi, w.gc, w.persoonId).catch(() => null) : null;
      return { uitkomst: 'VERZONDEN', antwoord, persoon };
    },
  };
}

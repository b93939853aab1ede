import type { z } from 'zod';
import { ISI_GROOTSTE_PAGINA } from '../../shared/rules/zoeken';
import type { Factuur, PersonenLijst, Wetbepaling } from '../../shared/schemas/api';
import { schrijfLijst } from '../files';
import { type IsiClient, IsiFout } from '../isi/client';
import { alleRijen, type Bestandswerk } from './excel';
import { gemeente, type Sessiestand } from './stand';
import type { Diensten } from './typen';
import { haalPersoon } from './uitgaand';

type Omgeving = { isi: IsiClient; stand: Sessiestand; werk: Bestandswerk };

export function personenDiensten({ isi, stand, werk }: Omgeving): Diensten['personen'] {
  const zoek: Diensten['personen']['zoek'] = async ({ gc, vraag }) => (await isi.vraag<z.input<typeof PersonenLijst>>('POST', `${gemeente(gc)}/personen/_zoek`, { body: vraag })).data;
  return {
    zoek,
    haal: async ({ gc, id }) => haalPersoon(isi, gc, id),
    openInExcel: ({ gc, vraag, taakId }) => werk.inExcel(taakId, async (taak) => {
      const rijen = await alleRijen((pagina) => zoek({ gc, vraag: { ...vraag, pagina, paginaGrootte: ISI_GROOTSTE_PAGINA } }), (n, totaal) => taak.meld(n, totaal));
      taak.fase('OMZETTEN');
      return schrijfLijst('personen', rijen, { gc, datum: stand.vandaag() });
    }),
  };
}

export function factuurDiensten(isi: IsiClient): Diensten['factuur'] {
  return {
    haal: async ({ gc, id }) => {
      try {
        return (await isi.vraag<z.input<typeof Factuur>>('GET', `${gemeente(gc)}/personen/${id}/factuur`)).data;
      } catch (fout) {
        // R-FAC-1: no invoice is an answer ("Geen factuur gevonden."), not a failure.
        if (fout instanceof IsiFout && fout.probleem.status === 404) return null;
        throw fout;
      }
    },
  };
}

export function wetDiensten(isi: IsiClient): Diensten['wet'] {
  return {
    bepaal: async ({ gc, bsn }) => (await isi.vraag<z.input<typeof Wetbepaling>>('POST', `${gemeente(gc)}/wetbepalingen`, { body: { bsn } })).data,
  };
}

import type { z } from 'zod';
import { OPENSTAANDE_STATUSSEN, type SignaalSorteerkolom, vergelijkSignalen, voegSamen } from '../../shared/rules/signalen';
import { ISI_GROOTSTE_PAGINA, leesSortering } from '../../shared/rules/zoeken';
import type { Openstaand, SignaalInLijst, SignalenLijst, SignalenZoekvraag } from '../../shared/schemas/api';
import { converteerSignaalExport, schrijfLijst } from '../files';
import type { IsiClient } from '../isi/client';
import type { Taak } from '../voortgang';
import { alleRijen, type Bestandswerk } from './excel';
import { gemeente, type Sessiestand } from './stand';
import type { Diensten } from './typen';


type Signaal = z.input<typeof SignaalInLijst>;

/**
 * The file name of the signal export: always `signalen_<gc>_<jjjjmmdd>.csv`, built here. Only the
 * date is taken from ISI's Content-Disposition, and only in exactly that pattern; a name with a
 * path, another extension or anything else from the header never reaches the disk (issue 12,
 * finding 10). Without a date there, `vandaag` (ISI's date, JJJJ-MM-DD).
 */
export function exportNaam(gc: string, contentDisposition: string | undefined, vandaag: string): string {
  const datum = new RegExp(`^attachment; filename="signalen_${gc}_(\\d{8})\\.csv"$`).exec((contentDisposition ?? '').trim())?.[1];
  return `signalen_${gc}_${datum ?? vandaag.replace(/-/g, '')}.csv`;
}

export function signalenDiensten({ isi, stand, werk }: { isi: IsiClient; stand: Sessiestand; werk: Bestandswerk }): Diensten['signalen'] {
  const zoekSignalen = async (gc: string, vraag: z.input<typeof SignalenZoekvraag>) =>
    (await isi.vraag<z.input<typeof SignalenLijst>>('POST', `${gemeente(gc)}/signalen/_zoek`, { body: vraag })).data;

  /**
   * R-SIG-3 "Toon deze signalen": ISI filters on one status, so each open status is fetched in the
   * chosen order and the two lists are merged in ISI's own order, as the results screen does.
   */
  async function openstaandeSignalen(gc: string, sorteer: string, taak: Taak): Promise<Signaal[]> {
    const tellers = OPENSTAANDE_STATUSSEN.map(() => ({ ontvangen: 0, totaal: null as number | null }));
    const meld = () => {
      const totalen = tellers.map((t) => t.totaal);
      taak.meld(tellers.reduce((som, t) => som + t.ontvangen, 0), totalen.every((t) => t !== null) ? totalen.reduce((som, t) => som + t, 0) : null);
    };
    const [a, b] = await Promise.all(OPENSTAANDE_STATUSSEN.map((status, i) => alleRijen(
      (pagina) => zoekSignalen(gc, { status, sorteer, pagina, paginaGrootte: ISI_GROOTSTE_PAGINA }),
      (ontvangen, totaal) => {
        tellers[i] = { ontvangen, totaal };
        meld();
      },
    ))) as [Signaal[], Signaal[]];
    return voegSamen(a, b, vergelijkSignalen(leesSortering<SignaalSorteerkolom>(sorteer)), a.length + b.length);
  }

  return {
    zoek: async ({ gc, vraag }) => zoekSignalen(gc, vraag),
    openstaand: async ({ gc }) => (await isi.vraag<z.input<typeof Openstaand>>('GET', `${gemeente(gc)}/signalen/openstaand`)).data,
    downloadAlle: async ({ gc }) => {
      const { data, headers } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/signalen/export`, { binair: true });
      return werk.bewaar(exportNaam(gc, headers['content-disposition'], stand.vandaag()), Buffer.from(data));
    },
    openInExcel: ({ gc, taakId }) => werk.inExcel(taakId, async (taak) => {
      const { data, headers } = await werk.haalBinair(`${gemeente(gc)}/signalen/export`, taak);
      taak.fase('OMZETTEN');
      // ISI names the export after its date (signalen_<gc>_<jjjjmmdd>.csv); the workbook keeps it.
      const datum = /_(\d{4})(\d{2})(\d{2})\.csv"/.exec(headers['content-disposition'] ?? '');
      return converteerSignaalExport(data, { gc, datum: datum ? `${datum[1]}-${datum[2]}-${datum[3]}` : stand.vandaag() });
    }),
    lijstInExcel: (args) => werk.inExcel(args.taakId, async (taak) => {
      const { gc } = args;
      const rijen = 'vraag' in args
        ? await alleRijen((pagina) => zoekSignalen(gc, { ...args.vraag, pagina, paginaGrootte: ISI_GROOTSTE_PAGINA }), (n, totaal) => taak.meld(n, totaal))
        : await openstaandeSignalen(gc, args.openstaand.sorteer ?? 'bsn', taak);
      taak.fase('OMZETTEN');
      return schrijfLijst('signalen', rijen, { gc, datum: stand.vandaag() });
    }),
  };
}

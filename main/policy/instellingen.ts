import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { BELEID, BELEIDSNAMEN, beleidsmelding, type Beleidsnaam, type Policy } from '../../shared/beleid';
import type { Instellingen, Updatestand, ZetInstelling } from '../../shared/ipc';
import type { Probleem } from '../../shared/schemas/api';
import { ConfigFout, configPad } from '../config';
import { type GelezenBeleid, leesBeleid } from './beleid';
import type { Beleidsbron } from './bronnen';
import { probleem } from '../../shared/probleem';

/** A refused change of a setting, as the typed problem the renderer shows beside the field. */
export class InstellingFout extends Error {
  constructor(readonly probleem: z.infer<typeof Probleem>) {
    super(probleem.detail);
  }
}

const weigering = (naam: string, code: string, detail: string) =>
  new InstellingFout(probleem({ status: 400, code, title: 'Instelling niet opgeslagen', detail, fouten: [{ veld: naam, code, melding: detail }] }));

export interface InstellingenOpties {
  dataMap: string;
  /** The organisation's sources, read again at every call (what IT changed since the start shows too). */
  bronnen: () => Beleidsbron[];
  /** What was read at this start: the app runs by it until the next. */
  start: Policy;
  versie: string;
  modus: 'electron' | 'browser';
  isiUrl: string;
  update: () => z.input<typeof Updatestand>;
}

/**
 * The Instellingen screen's two calls (issue #11): every key with its effective value and source,
 * and saving one of the user's keys in config.json, checked by the declaration. A key the
 * organisation sets is never written: the user sees it locked.
 */
export function instellingenDienst(o: InstellingenOpties): { lees(): Promise<z.input<typeof Instellingen>>; zet(args: z.output<typeof ZetInstelling>): Promise<z.input<typeof Instellingen>> } {
  const nu = (): GelezenBeleid => {
    try {
      return leesBeleid(o.dataMap, o.bronnen());
    } catch (fout) {
      if (!(fout instanceof ConfigFout)) throw fout;
      throw weigering('', 'BELEID_ONGELDIG', `${fout.message} Tot dan werkt de app met de instellingen van de start.`);
    }
  };
  const lees = async (g: GelezenBeleid = nu()) => ({
    instellingen: BELEIDSNAMEN.map((k) => ({
      sleutel: k,
      waarde: (g.policy[k] as string | number | boolean | undefined) ?? null,
      herkomst: g.herkomst[k],
      ...(g.bron[k] ? { bron: g.bron[k] } : {}),
      bewerkbaar: BELEID[k].bereik === 'gebruiker' && g.herkomst[k] !== 'organisatie',
    })),
    versie: o.versie,
    modus: o.modus,
    isiUrl: o.isiUrl,
    update: o.update(),
    herstartNodig: BELEIDSNAMEN.some((k) => g.policy[k] !== o.start[k]),
  });
  return {
    lees: () => lees(),
    zet: async ({ sleutel, waarde }) => {
      const g = nu();
      if (g.herkomst[sleutel] === 'organisatie') throw weigering(sleutel, 'BEHEERD', `${BELEID[sleutel].titel.nl} wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.`);
      if (waarde !== null) {
        const gelezen = BELEID[sleutel].schema.safeParse(waarde, { error: (i) => beleidsmelding({ ...i, path: [sleutel] }) });
        if (!gelezen.success) throw weigering(sleutel, 'ONGELDIGE_WAARDE', `${BELEID[sleutel].titel.nl}: ${gelezen.error.issues[0]?.message ?? 'ongeldige waarde'}. De instelling is niet opgeslagen.`);
      }
      schrijfConfig(o.dataMap, sleutel, waarde);
      return lees();
    },
  };
}

/**
 * One key of config.json changed, the rest kept as the user wrote it; written whole to a
 * temporary file first, so a crash leaves the old file or the new, never half of one.
 */
function schrijfConfig(dataMap: string, naam: Beleidsnaam, waarde: string | number | boolean | null): void {
  const pad = configPad(dataMap);
  const huidig = existsSync(pad) ? (JSON.parse(readFileSync(pad, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>) : {};
  if (waarde === null) delete huidig[naam];
  else huidig[naam] = waarde;
  const tijdelijk = `${pad}.${process.pid}.tmp`;
  writeFileSync(tijdelijk, `${JSON.stringify(huidig, null, 2)}\n`, { mode: 0o600 });
  renameSync(tijdelijk, pad);
}

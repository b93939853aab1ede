import type { z } from 'zod';
import type { Updatestand } from '../../shared/ipc';
import { beleidVoorRenderer } from '../policy/beleid';
import { organisatiebronnen } from '../policy/bronnen';
import { instellingenDienst } from '../policy/instellingen';
import type { DienstOpties, Diensten } from './typen';

/** Browser mode and tests have no updater: the host is updated with the project. */
const GEEN_UPDATER = (): z.input<typeof Updatestand> => ({ status: 'niet-beschikbaar', melding: 'Deze omgeving werkt zichzelf niet bij; de browsermodus wordt bijgewerkt met het project.' });

/** The app itself: what it is, its settings (issue #11), and what the renderer reports for the updater. */
export function appDiensten({ isi, platform, info, policy, bronnen = () => organisatiebronnen(), update = GEEN_UPDATER, bezigheid = () => undefined }: DienstOpties): Diensten['app'] {
  const instellingen = instellingenDienst({ dataMap: platform.dataMap(), bronnen, start: policy, versie: info.versie, modus: info.modus, isiUrl: isi.basisUrl, update });
  return {
    info: async () => ({ ...info, isiUrl: isi.basisUrl, beleid: beleidVoorRenderer(policy) }),
    instellingen: async () => instellingen.lees(),
    zetInstelling: async (args) => instellingen.zet(args),
    meldBezigheid: async (args) => {
      bezigheid(args);
      return {};
    },
  };
}

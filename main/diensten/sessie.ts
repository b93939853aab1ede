import type { z } from 'zod';
import { probleem } from '../../shared/probleem';
import type { Sessie, Status } from '../../shared/schemas/api';
import type { IsiClient } from '../isi/client';
import { IsiFout } from '../isi/client';
import type { Kluis } from '../vault/kluis';
import type { Sessiestand } from './stand';
import type { Diensten } from './typen';

/**
 * Login, logout and lock towards ISI, and the cache key of the logged-in user (main/vault). The
 * session token stays in the ISI client; the renderer only learns who is logged in.
 */
export function sessieDiensten(isi: IsiClient, stand: Sessiestand): Diensten['sessie'] {
  async function beeindigSessie(): Promise<Record<string, never>> {
    if (isi.ingelogd) await isi.vraag<null>('DELETE', '/api/v1/sessies/huidig').catch(() => undefined);
    isi.zetToken(null);
    stand.sessie = null;
    return {};
  }

  return {
    inloggen: async (args) => {
      const { data } = await isi.vraag<z.input<typeof Sessie>>('POST', '/api/v1/sessies', { body: args, open: true });
      isi.zetToken(data.token);
      const status = await isi.vraag<z.input<typeof Status>>('GET', '/api/v1/status', { open: true }).catch(() => null);
      const bewaar = status?.data.idempotentieBewaarDagen;
      stand.sessie = {
        gebruiker: data.gebruiker, verlooptOp: data.verlooptOp,
        ...(status ? { vandaag: status.data.vandaag } : {}),
        ...(bewaar !== undefined && Number.isInteger(bewaar) && bewaar >= 1 ? { idempotentieBewaarDagen: bewaar } : {}),
      };
      return stand.sessie;
    },
    uitloggen: beeindigSessie,
    huidig: async () => (isi.ingelogd ? stand.sessie : null),
    // Locked is logged out towards ISI: unlocking is logging in again, with the second factor.
    vergrendel: beeindigSessie,
  };
}

export function cacheDiensten(stand: Sessiestand, kluis: Kluis): Diensten['cache'] {
  return {
    sleutel: async () => {
      const { gebruikersnaam } = stand.ingelogd().gebruiker;
      return { gebruikersnaam, sleutel: (await kluis.sleutel(gebruikersnaam)).toString('base64') };
    },
    // Only the logged-in user destroys a key, and only their own (issue 12, finding 7); the
    // retention of other users' keys is main's own, at start (Kluis.ruimOp).
    vergeet: async ({ gebruikersnaam }) => {
      if (stand.ingelogd().gebruiker.gebruikersnaam !== gebruikersnaam) {
        throw new IsiFout(probleem({ status: 403, code: 'ANDERE_GEBRUIKER', title: 'Niet toegestaan', detail: 'U kunt alleen uw eigen lokale gegevens wissen. Log in als die gebruiker om de zijne te wissen; er is niets gewist.' }));
      }
      await kluis.vergeet(gebruikersnaam);
      return {};
    },
  };
}

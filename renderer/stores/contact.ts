import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import type { Uitkomst } from '../../shared/ipc';
import { weigerContactbericht, type Contactbericht } from '../../shared/rules/contact';
import type { Contactontvangst } from '../../shared/schemas/api';
import { naVoorcontrole } from '../composables/voorcontrole';
import { useSessieStore } from './sessie';
import { useWachtrijStore } from './wachtrij';

export type Ontvangst = z.infer<typeof Contactontvangst>;

/** The message as it is checked and sent: trimmed; the phone number only when DUO may call. */
export function berichtVan(b: Contactbericht): Contactbericht {
  return {
    naam: b.naam.trim(),
    email: b.email.trim(),
    magBellen: b.magBellen,
    telefoonnummer: b.magBellen ? (b.telefoonnummer?.trim() ?? '') : null,
    onderwerp: b.onderwerp,
    bericht: b.bericht,
  };
}

/** "Contact met DUO" (R-CON-1): the message to the Servicecentrum Inburgering, and its receipt. */
export const useContactStore = defineStore('contact', () => {
  const ontvangen = ref<Ontvangst | null>(null);
  /** The last message waits in the outbox (no connection). */
  const wacht = ref(false);

  /** R-CON-1 before anything is sent (every missing field at once); the phone number only when DUO may call. */
  async function verstuur(gc: string, b: Contactbericht, idempotencyKey: string): Promise<Uitkomst<{ verzonden: boolean }>> {
    ontvangen.value = null;
    wacht.value = false;
    const bericht = berichtVan(b);
    const u = await naVoorcontrole(weigerContactbericht(bericht), () => useWachtrijStore().wijzig({ soort: 'CONTACT', gc, bericht }, idempotencyKey));
    if (!u.ok) return u;
    ontvangen.value = u.waarde.soort === 'VERZONDEN' ? u.waarde.antwoord : null;
    wacht.value = u.waarde.soort === 'WACHT';
    return { ok: true, waarde: { verzonden: !wacht.value } };
  }

  watch(() => useSessieStore().gebruiker, (g) => {
    if (!g) {
      ontvangen.value = null;
      wacht.value = false;
    }
  });

  return { ontvangen, wacht, verstuur };
});

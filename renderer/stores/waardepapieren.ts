import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import type { Uitkomst } from '../../shared/ipc';
import { weigerZonderMutatierol, type Rol } from '../../shared/rules/rollen';
import { weigerAantalSets, weigerBovenVerwachting, type WaardepapierSoort } from '../../shared/rules/waardepapieren';
import { veldfouten, type Veldfout, type Weigering } from '../../shared/rules/weigering';
import type { Bestelbevestiging } from '../../shared/schemas/api';
import { naVoorcontrole } from '../composables/voorcontrole';
import { useSessieStore } from './sessie';
import { useWachtrijStore } from './wachtrij';

export type Bevestiging = z.infer<typeof Bestelbevestiging>;

/** The order form of §3.13 as the user fills it in; the number of sets stays the text typed. */
export interface Bestelformulier {
  soort: WaardepapierSoort | null;
  aantalSets: string;
  contactpersoon: string;
  email: string;
  bevestigdBovenVerwachting: boolean;
}

/** The number typed, or NaN when it is no whole number (which R-WP-1 then refuses). */
export function leesAantal(tekst: string): number {
  const t = tekst.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the order needs besides R-WP-1, as the contract asks it (a soort, a contactpersoon, a valid
 * e-mail address), so the user reads every missing field at once and in place.
 */
export function weigerBestelgegevens(f: Bestelformulier): Weigering | null {
  const fouten: Veldfout[] = [];
  if (!f.soort) fouten.push({ veld: 'soort', code: 'VERPLICHT', melding: "Het veld 'Soort waardepapier' is verplicht" });
  if (f.contactpersoon.trim() === '') fouten.push({ veld: 'contactpersoon', code: 'VERPLICHT', melding: "Het veld 'Contactpersoon' is verplicht" });
  if (f.email.trim() === '') fouten.push({ veld: 'email', code: 'VERPLICHT', melding: "Het veld 'E-mail' is verplicht" });
  else if (!EMAIL.test(f.email.trim())) fouten.push({ veld: 'email', code: 'ONGELDIG_FORMAAT', melding: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.' });
  const sets = weigerAantalSets(leesAantal(f.aantalSets))?.fouten ?? [];
  return veldfouten('R-WP-1', [...fouten, ...sets]);
}

/** "Waardepapieren bestellen" (R-WP-1, R-ROL-3): the form, and the confirmation of the last order. */
export const useWaardepapierenStore = defineStore('waardepapieren', () => {
  const bevestiging = ref<Bevestiging | null>(null);
  /** The last order waits in the outbox (no connection): it has no number yet. */
  const wacht = ref(false);

  /** `verzonden` false: the order waits in the outbox and is sent, with the same key, when ISI can be reached. */
  async function bestel(gc: string, rollen: readonly Rol[], f: Bestelformulier, idempotencyKey: string): Promise<Uitkomst<{ verzonden: boolean }>> {
    const aantalSets = leesAantal(f.aantalSets);
    const weigering = weigerZonderMutatierol(rollen) ?? weigerBestelgegevens(f) ?? weigerBovenVerwachting(aantalSets, f.bevestigdBovenVerwachting);
    const bestelling = { soort: f.soort!, aantalSets, contactpersoon: f.contactpersoon.trim(), email: f.email.trim(), bevestigdBovenVerwachting: f.bevestigdBovenVerwachting };
    const u = await naVoorcontrole(weigering, () => useWachtrijStore().wijzig({ soort: 'WAARDEPAPIEREN', gc, bestelling }, idempotencyKey));
    if (!u.ok) return u;
    bevestiging.value = u.waarde.soort === 'VERZONDEN' ? u.waarde.antwoord : null;
    wacht.value = u.waarde.soort === 'WACHT';
    return { ok: true, waarde: { verzonden: !wacht.value } };
  }

  function nieuweBestelling(): void {
    bevestiging.value = null;
    wacht.value = false;
  }

  watch(() => useSessieStore().gebruiker, (g) => {
    if (!g) nieuweBestelling();
  });

  return { bevestiging, wacht, bestel, nieuweBestelling };
});

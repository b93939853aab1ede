import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { z } from 'zod';
import type { IngelogdeSessie } from '../../shared/ipc';
import { kiesGemeente } from '../../shared/rules/gemeente';
import { magMuteren, menuItems } from '../../shared/rules/rollen';
import type { SessieAanvraag } from '../../shared/schemas/api';
import { pib } from '../bridge';

type Sessie = z.infer<typeof IngelogdeSessie>;
const GEMEENTE_SLEUTEL = 'pib-gekozen-gemeente';

/** Who is logged in, and the chosen gemeente (R-GEM-1) every screen works in. */
export const useSessieStore = defineStore('sessie', () => {
  const sessie = ref<Sessie | null>(null);
  const gekozenGemeenteCode = ref<string | null>(null);
  const melding = ref<string | null>(null);

  const gebruiker = computed(() => sessie.value?.gebruiker ?? null);
  const gemeenten = computed(() => [...(gebruiker.value?.gemeenten ?? [])].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')));
  const gekozenGemeente = computed(() => gemeenten.value.find((g) => g.code === gekozenGemeenteCode.value) ?? null);
  const menu = computed(() => menuItems(gebruiker.value?.rollen ?? []));
  const muteren = computed(() => magMuteren(gebruiker.value?.rollen ?? []));

  function zet(nieuw: Sessie | null): void {
    sessie.value = nieuw;
    // The chosen gemeente survives a reload of the page within this session (tab), not a logout.
    const bewaard = gekozenGemeenteCode.value ?? sessionStorage.getItem(GEMEENTE_SLEUTEL);
    gekozenGemeenteCode.value = nieuw ? (kiesGemeente(nieuw.gebruiker.gemeenten, bewaard)?.code ?? null) : null;
    if (gekozenGemeenteCode.value) sessionStorage.setItem(GEMEENTE_SLEUTEL, gekozenGemeenteCode.value);
    else sessionStorage.removeItem(GEMEENTE_SLEUTEL);
  }

  async function herstel(): Promise<void> {
    const u = await pib.sessie.huidig({});
    if (u.ok) zet(u.waarde);
  }

  async function inloggen(aanvraag: z.input<typeof SessieAanvraag>) {
    const u = await pib.sessie.inloggen(aanvraag);
    if (u.ok) {
      melding.value = null;
      zet(u.waarde);
    }
    return u;
  }

  async function uitloggen(): Promise<void> {
    await pib.sessie.uitloggen({});
    zet(null);
    melding.value = 'U bent uitgelogd.';
  }

  /** ISI ended the session: back to the login screen with the reason. */
  function verlopen(reden: string): void {
    zet(null);
    melding.value = reden;
  }

  function kiesGemeenteCode(code: string): void {
    if (!gemeenten.value.some((g) => g.code === code)) return;
    gekozenGemeenteCode.value = code;
    sessionStorage.setItem(GEMEENTE_SLEUTEL, code);
  }

  return { sessie, gebruiker, gemeenten, gekozenGemeente, gekozenGemeenteCode, menu, muteren, melding, herstel, inloggen, uitloggen, verlopen, kiesGemeenteCode };
});

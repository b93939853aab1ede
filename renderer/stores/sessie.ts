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
/** The last gemeente each user chose on this computer (a gemeente code is no personal data). */
const laatsteGemeenteSleutel = (gebruikersnaam: string) => `pib-laatste-gemeente:${gebruikersnaam}`;

/** Who is logged in, and the chosen gemeente (R-GEM-1) every screen works in. */
export const useSessieStore = defineStore('sessie', () => {
  const sessie = ref<Sessie | null>(null);
  const gekozenGemeenteCode = ref<string | null>(null);
  const melding = ref<string | null>(null);
  /** The user who locked the app (by hand or after idle minutes): the login screen offers their name. */
  const vergrendeldDoor = ref<{ gebruikersnaam: string; methode: 'EH3' | 'CVS' } | null>(null);
  /** How the user logged in: a CVS application key is its user name, so unlocking offers the same tab. */
  let methode: 'EH3' | 'CVS' = 'EH3';

  const gebruiker = computed(() => sessie.value?.gebruiker ?? null);
  /**
   * Whose work the screens hold: the user logged in, or the one who locked the app (so unlocking
   * returns to what was typed); none after a logout or when ISI ends the session. Stores forget their
   * forms when it changes.
   */
  const eigenaar = computed(() => gebruiker.value?.gebruikersnaam ?? vergrendeldDoor.value?.gebruikersnaam ?? null);
  const gemeenten = computed(() => [...(gebruiker.value?.gemeenten ?? [])].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')));
  const gekozenGemeente = computed(() => gemeenten.value.find((g) => g.code === gekozenGemeenteCode.value) ?? null);
  const menu = computed(() => menuItems(gebruiker.value?.rollen ?? []));
  const muteren = computed(() => magMuteren(gebruiker.value?.rollen ?? []));

  function zet(nieuw: Sessie | null): void {
    sessie.value = nieuw;
    if (nieuw) vergrendeldDoor.value = null;
    // The chosen gemeente survives a reload of the page within this session (tab); at the next
    // login the user finds the gemeente they chose last on this computer (issue 13, point 6).
    const naam = nieuw?.gebruiker.gebruikersnaam;
    const bewaard = gekozenGemeenteCode.value ?? sessionStorage.getItem(GEMEENTE_SLEUTEL) ?? (naam ? localStorage.getItem(laatsteGemeenteSleutel(naam)) : null);
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
      methode = 'applicatiesleutel' in aanvraag ? 'CVS' : 'EH3';
      zet(u.waarde);
    }
    return u;
  }

  async function uitloggen(): Promise<void> {
    await pib.sessie.uitloggen({});
    vergrendeldDoor.value = null;
    zet(null);
    melding.value = 'U bent uitgelogd.';
  }

  /** ISI ended the session: back to the login screen with the reason. */
  function verlopen(reden: string): void {
    // A lock ends the session at ISI on purpose: a request still under way then hears 401, which
    // must not turn the lock (and the way back to the screen) into an ended session.
    if (!sessie.value && vergrendeldDoor.value) return;
    vergrendeldDoor.value = null;
    zet(null);
    melding.value = reden;
  }

  /** Locked (by hand or after idle minutes): the data leave the screen, the work of this user stays for the unlock. */
  function vergrendeld(reden: string): void {
    const naam = sessie.value?.gebruiker.gebruikersnaam;
    if (naam) vergrendeldDoor.value = { gebruikersnaam: naam, methode };
    zet(null);
    melding.value = reden;
  }

  function kiesGemeenteCode(code: string): void {
    if (!gemeenten.value.some((g) => g.code === code)) return;
    gekozenGemeenteCode.value = code;
    sessionStorage.setItem(GEMEENTE_SLEUTEL, code);
    const naam = gebruiker.value?.gebruikersnaam;
    if (naam) localStorage.setItem(laatsteGemeenteSleutel(naam), code);
  }

  return {
    sessie, gebruiker, gemeenten, gekozenGemeente, gekozenGemeenteCode, menu, muteren, melding, eigenaar, vergrendeldDoor,
    herstel, inloggen, uitloggen, verlopen, vergrendeld, kiesGemeenteCode,
  };
});

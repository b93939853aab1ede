import { nextTick, watch, type Ref } from 'vue';

const REGIO_ID = 'pib-aankondiging';

/**
 * One polite live region for the whole app, present before anything is said: a screen reader
 * announces a change of an existing live region, not an element that appears with its text.
 */
function aankondigingsregio(): HTMLElement {
  const bestaand = document.getElementById(REGIO_ID);
  if (bestaand) return bestaand;
  const regio = document.createElement('div');
  regio.id = REGIO_ID;
  regio.setAttribute('aria-live', 'polite');
  regio.setAttribute('role', 'status');
  regio.dataset.test = 'aankondiging';
  Object.assign(regio.style, { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' });
  document.body.append(regio);
  return regio;
}

/** Says `tekst` through the live region (emptied first, so the same text twice is said twice). */
export function kondigAan(tekst: string): void {
  const regio = aankondigingsregio();
  regio.textContent = '';
  window.setTimeout(() => (regio.textContent = tekst), 50);
}

/**
 * A message after an action (issue 13, point 1): brought into view where the user looks and
 * announced, whenever it appears or changes. `element` is where it stands on the screen.
 */
export function useInBeeld(tekst: Ref<string | null | undefined>, element: Ref<HTMLElement | { $el: HTMLElement } | null>): void {
  watch(tekst, async (nu) => {
    if (!nu) return;
    await nextTick();
    const el = element.value && '$el' in element.value ? element.value.$el : element.value;
    el?.scrollIntoView?.({ block: 'nearest' });
    kondigAan(nu);
  }, { immediate: true });
}

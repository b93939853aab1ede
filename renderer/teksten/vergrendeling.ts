/** "Vergrendelen" (issue 13, point 7): leaving the counter without logging out. */
export const VERGRENDELEN = 'Vergrendelen';
/** The shortcut, as shown on the button and in README's user section. */
export const VERGRENDEL_SNELTOETS = 'Ctrl+Shift+L';
export const MELDING_HANDMATIG_VERGRENDELD = 'U hebt de applicatie vergrendeld. Log opnieuw in om verder te werken; u komt terug op het scherm waar u was, met wat u had ingevuld.';

export function meldingVergrendeld(minuten: number): string {
  return `De applicatie is vergrendeld na ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} zonder activiteit. Log opnieuw in om verder te werken; uw gegevens en wijzigingen zijn bewaard.`;
}

import type { Wet } from '../../shared/rules/rollen';

/** The texts of the person screen (handbook §3.4), in one place; "u" addresses the user. */
export const PERSOON_TEKSTEN = {
  toestandKop: 'Status van deze persoon',
  wet: { WI2007: 'Wet Inburgering 2007', WI2013: 'Wet Inburgering 2013', WI2021: 'Wet Inburgering 2021' } satisfies Record<Wet, string>,
  wetLabel: 'Valt onder',
  overleden: 'Overleden',
  vertrokken: 'Vertrokken uit uw gemeente',
  vertrokkenUitleg: 'Deze persoon woont niet meer in uw gemeente. U kunt de gegevens nog raadplegen; wijzigen kan alleen de nieuwe gemeente.',
  andereWet: (wet: string) =>
    `Deze persoon valt onder de ${wet}. De PVT-gegevens en de factuur van dit scherm horen bij de Wet Inburgering 2013 en zijn voor deze persoon niet van toepassing.`,
  definitiefOp: (datum: string) => `De registratie van de datum voldaan of de reden niet voldaan wordt definitief op ${datum}.`,
  nogTeWijzigen: 'Tot dat moment kunt u deze nog wijzigen.',
  afdrukken: 'Afdrukken',
  opslaanAlsPdf: 'Opslaan als PDF',
  pdfOpgeslagen: (bestandsnaam: string, geopend: boolean) => `Het overzicht is opgeslagen als ${bestandsnaam} in uw map Downloads${geopend ? ' en geopend' : '; openen lukte niet, open het daar zelf'}.`,
  afgedruktOp: (gemeente: string, datumTijd: string) => `Gemeente ${gemeente} · afgedrukt op ${datumTijd}`,
} as const;

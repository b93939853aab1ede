import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as teksten from '../../../renderer/teksten';

// Issue 13: the UI's texts in one place, and the same term for the same thing everywhere: every
// module under renderer/teksten and every .vue template of the renderer is held to the rules below.
const RENDERER = join(import.meta.dirname, '../../../renderer');

function bestanden(map: string, eind: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    if (statSync(pad).isDirectory()) return bestanden(pad, eind);
    return naam.endsWith(eind) ? [pad] : [];
  });
}

/** A .vue file's template (what the user reads), without its comments. */
function sjabloon(bron: string): string {
  const begin = bron.indexOf('<template>');
  const eind = bron.lastIndexOf('</template>');
  return begin < 0 ? '' : bron.slice(begin, eind).replace(/<!--[\s\S]*?-->/g, '');
}

const modules = bestanden(join(RENDERER, 'teksten'), '.ts').filter((p) => !p.endsWith('index.ts'));
const bronnen = [
  ...modules.map((pad) => ({ pad, tekst: readFileSync(pad, 'utf8') })),
  ...bestanden(RENDERER, '.vue').map((pad) => ({ pad, tekst: sjabloon(readFileSync(pad, 'utf8')) })),
];

/** Each rule: a wording not to use, and the one to use instead. */
const REGELS: { fout: RegExp; goed: string }[] = [
  { fout: /\bu heeft\b/i, goed: "'u … hebt' (the user is addressed with 'hebt')" },
  { fout: /\bheeft u\b/i, goed: "'hebt u'" },
  { fout: /veld(en)? leegmaken/i, goed: "'wis velden' (WIS_VELDEN)" },
  { fout: /\bWis velden\b/, goed: "'wis velden' in lower case, as the handbook writes it (WIS_VELDEN)" },
  { fout: /\bterug naar zoeken\b/, goed: "'Terug naar zoeken' (TERUG_NAAR_ZOEKEN)" },
  { fout: /\b0 wacht op verzending\b/, goed: 'only the parts there are (wachtrijSamenvatting)' },
  { fout: /sleutel die ze kon lezen/, goed: 'WISSEN_UITLEG' },
];

describe('teksten: één term voor één ding', () => {
  it('every module under renderer/teksten is re-exported by its index', () => {
    const index = readFileSync(join(RENDERER, 'teksten', 'index.ts'), 'utf8');
    for (const pad of modules) {
      const naam = pad.slice(pad.lastIndexOf('/') + 1, -'.ts'.length);
      expect(index, `${naam} ontbreekt in renderer/teksten/index.ts`).toContain(`from './${naam}'`);
    }
  });

  it.each(REGELS)('nowhere $fout (use $goed)', ({ fout }) => {
    const treffers = bronnen.filter((b) => fout.test(b.tekst)).map((b) => b.pad.slice(RENDERER.length + 1));
    expect(treffers).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    const voorbeelden = ['U heeft geen rol.', 'Heeft u vragen?', 'veld leegmaken', 'Wis velden', 'terug naar zoeken', 'Wachtrij: 0 wacht op verzending', 'met de sleutel die ze kon lezen'];
    for (const [i, r] of REGELS.entries()) expect(r.fout.test(voorbeelden[i]!)).toBe(true);
    expect(REGELS.some((r) => r.fout.test("Heeft uw bericht geen betrekking op de genoemde onderwerpen?"))).toBe(false);
  });

  it('the outbox counts only what there is, and one wording per count', () => {
    expect(teksten.wachtrijSamenvatting(0, 1, 0)).toBe('Wachtrij: 1 geweigerd');
    expect(teksten.wachtrijSamenvatting(1, 0, 0)).toBe('Wachtrij: 1 wacht op verzending');
    expect(teksten.wachtrijSamenvatting(2, 1, 1)).toBe('Wachtrij: 2 wachten op verzending, 1 geweigerd, 1 status onbekend');
    expect(teksten.onverzondenMelding(1, true)).toBe('Eén wijziging wacht nog op verzending naar DUO. Wist u nu, dan gaat deze verloren.');
    expect(teksten.onverzondenMelding(3, false)).toContain('3 wijzigingen wachten nog op verzending naar DUO.');
  });

  it('the screen title names the mode, as the start screen\'s items do', () => {
    expect(teksten.schermtitelMetModus('Zoeken signalen WI2013', true)).toBe('Zoeken signalen WI2013 – raadplegen en muteren');
    expect(teksten.schermtitelMetModus('Zoeken signalen WI2013', false)).toBe('Zoeken signalen WI2013 – raadplegen');
  });

  it('every handbook link leads to DUO\'s page of handbooks the handbook itself names, on the one site main lets out', () => {
    const secties = Object.values(teksten.HANDBOEK_SECTIES);
    expect(secties.length).toBeGreaterThanOrEqual(13);
    for (const s of secties) {
      expect(teksten.handboekLink(s)).toBe('https://duo.nl/zakelijk/inburgering-ketenpartners/inloggen/');
      expect(teksten.handboekLinkLabel(s)).toContain(`§${s.paragraaf} ${s.titel} (blz. ${s.pagina})`);
      expect(teksten.handboekLink(s).startsWith('https://duo.nl/')).toBe(true);
    }
    // The pages of the handbook's own table of contents (v2025.1).
    expect(teksten.HANDBOEK_SECTIES['selecteren-signalen']).toEqual({ paragraaf: '3.8', titel: 'Gevonden signalen', pagina: 24 });
    expect(teksten.HANDBOEK_SECTIES['contact']?.pagina).toBe(32);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFout } from '../../../main/config';
import { leesBeleid } from '../../../main/policy/beleid';
import { bestandsbron } from '../../../main/policy/bronnen';
import { kiesIsiUrl, startkeuze } from '../../../main/policy/isiadres';

function opzet(o: { config?: object; organisatie?: object }) {
  const map = mkdtempSync(join(tmpdir(), 'pib-isiadres-'));
  const pad = join(map, 'beleid.json');
  if (o.config) writeFileSync(join(map, 'config.json'), JSON.stringify(o.config));
  if (o.organisatie) writeFileSync(pad, JSON.stringify(o.organisatie));
  return { pad, g: leesBeleid(map, [bestandsbron(pad, { beschermd: false })]) };
}
const DEMO = { PIB_ISI_URL: 'http://127.0.0.1:4321', PIB_DEMO: '1' };

describe('kiesIsiUrl: the Electron entry and browser mode read the same configuration', () => {
  it('the organisation\'s isiUrl wins over the environment', () => {
    const { g } = opzet({ organisatie: { isiUrl: 'https://isi.gemeente.example' } });
    expect(kiesIsiUrl(g, { env: DEMO, verpakt: false })).toEqual({ isiUrl: 'https://isi.gemeente.example', demo: false });
    expect(kiesIsiUrl(g, { env: DEMO, verpakt: true })).toEqual({ isiUrl: 'https://isi.gemeente.example', demo: false });
  });

  it('in development (npm start, browser mode) PIB_ISI_URL counts: the demo server by default', () => {
    const { g } = opzet({});
    expect(kiesIsiUrl(g, { env: DEMO, verpakt: false })).toEqual({ isiUrl: 'http://127.0.0.1:4321', demo: true });
  });

  it('an installed app ignores PIB_ISI_URL unless the organisation allows the demo server', () => {
    const { g } = opzet({});
    expect(() => kiesIsiUrl(g, { env: DEMO, verpakt: true })).toThrow('Er is geen ISI-adres ingesteld (PIB_ISI_URL telt in een geïnstalleerde app alleen als de organisatie demoServerToestaan aanzet). Vraag IT de instelling isiUrl te zetten');
    const toegestaan = opzet({ organisatie: { demoServerToestaan: true } });
    expect(kiesIsiUrl(toegestaan.g, { env: DEMO, verpakt: true })).toEqual({ isiUrl: 'http://127.0.0.1:4321', demo: true });
  });

  it('where the organisation turns demoServerToestaan off explicitly, development does not use the environment either', () => {
    const { g, pad } = opzet({ organisatie: { demoServerToestaan: false } });
    const kies = () => kiesIsiUrl(g, { env: DEMO, verpakt: false });
    expect(kies).toThrow(ConfigFout);
    expect(kies).toThrow(`PIB_ISI_URL telt niet: het beleid van de organisatie zet demoServerToestaan uit, ${pad}`);
  });

  it('without an address says what to configure, and that config.json cannot hold it', () => {
    const { g } = opzet({});
    const kies = () => kiesIsiUrl(g, { env: {}, verpakt: false });
    expect(kies).toThrow(/^Er is geen ISI-adres ingesteld\. Vraag IT de instelling isiUrl te zetten \(groepsbeleid, MDM of \/etc\/portal-inburgering\/beleid\.json/);
    expect(kies).toThrow('isiUrl kan niet in config.json staan');
  });

  it('PIB_ISI_URL over plain http to another computer is refused, as the policy key is', () => {
    const { g } = opzet({});
    expect(() => kiesIsiUrl(g, { env: { PIB_ISI_URL: 'http://isi.gemeente.example' }, verpakt: false })).toThrow('PIB_ISI_URL (http://isi.gemeente.example) is geen geldig ISI-adres');
  });

  it('a user\'s config.json with isiUrl stops the app before any address is chosen (issue #11, machine-only)', () => {
    expect(() => opzet({ config: { isiUrl: 'https://eigen.example' } })).toThrow(/"isiUrl" kan alleen IT instellen, in het beleid van de organisatie \(groepsbeleid, MDM of beleid\.json\), niet in config\.json/);
  });
});

describe('startkeuze: what npm start and npm run web start', () => {
  it('the organisation\'s address, or PIB_ISI_URL: no demo server', () => {
    expect(startkeuze(opzet({ organisatie: { isiUrl: 'https://isi.gemeente.example' } }).g, {})).toEqual({ soort: 'adres', isiUrl: 'https://isi.gemeente.example' });
    expect(startkeuze(opzet({}).g, { PIB_ISI_URL: 'http://localhost:8080' })).toEqual({ soort: 'adres', isiUrl: 'http://localhost:8080' });
  });

  it('nothing configured: the reference server in demo mode (the development default)', () => {
    expect(startkeuze(opzet({}).g, {})).toEqual({ soort: 'demoserver' });
    expect(startkeuze(opzet({}).g, { PIB_ISI_URL: '' })).toEqual({ soort: 'demoserver' });
  });

  it('nothing configured and the organisation forbids the demo server: stops, saying what to configure', () => {
    const { g, pad } = opzet({ organisatie: { demoServerToestaan: false } });
    expect(() => startkeuze(g, {})).toThrow(`Er is geen ISI-adres ingesteld (de ISI-referentieserver start niet: het beleid van de organisatie zet demoServerToestaan uit, ${pad}). Vraag IT de instelling isiUrl te zetten`);
  });
});

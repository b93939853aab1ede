import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFout } from '../../../main/config';
import { leesBeleid } from '../../../main/policy/beleid';
import { bestandsbron } from '../../../main/policy/bronnen';
import { kiesIsiUrl } from '../../../main/policy/isiadres';

function opzet(o: { config?: object; organisatie?: object }) {
  const map = mkdtempSync(join(tmpdir(), 'pib-isiadres-'));
  const pad = join(map, 'beleid.json');
  if (o.config) writeFileSync(join(map, 'config.json'), JSON.stringify(o.config));
  if (o.organisatie) writeFileSync(pad, JSON.stringify(o.organisatie));
  return { dataMap: map, g: leesBeleid(map, [bestandsbron(pad, { beschermd: false })]) };
}
const DEMO = { PIB_ISI_URL: 'http://127.0.0.1:4321', PIB_DEMO: '1' };

describe('kiesIsiUrl: the Electron entry reads the same configuration as browser mode', () => {
  it('the organisation\'s isiUrl wins over the environment and the user', () => {
    const { dataMap, g } = opzet({ config: { isiUrl: 'https://eigen.example' }, organisatie: { isiUrl: 'https://isi.gemeente.example' } });
    expect(kiesIsiUrl(g, { dataMap, env: DEMO, verpakt: false })).toEqual({ isiUrl: 'https://isi.gemeente.example', demo: false });
  });

  it('in development PIB_ISI_URL (npm start\'s demo server) counts before the user\'s file', () => {
    const { dataMap, g } = opzet({ config: { isiUrl: 'https://eigen.example' } });
    expect(kiesIsiUrl(g, { dataMap, env: DEMO, verpakt: false })).toEqual({ isiUrl: 'http://127.0.0.1:4321', demo: true });
  });

  it('an installed app ignores PIB_ISI_URL unless the organisation allows the demo server', () => {
    const gebruiker = opzet({ config: { isiUrl: 'https://eigen.example' } });
    expect(kiesIsiUrl(gebruiker.g, { dataMap: gebruiker.dataMap, env: DEMO, verpakt: true })).toEqual({ isiUrl: 'https://eigen.example', demo: false });
    const toegestaan = opzet({ organisatie: { demoServerToestaan: true } });
    expect(kiesIsiUrl(toegestaan.g, { dataMap: toegestaan.dataMap, env: DEMO, verpakt: true })).toEqual({ isiUrl: 'http://127.0.0.1:4321', demo: true });
  });

  it('an installed app without an address says what to configure, and why the environment did not count', () => {
    const { dataMap, g } = opzet({});
    const kies = () => kiesIsiUrl(g, { dataMap, env: DEMO, verpakt: true });
    expect(kies).toThrow(ConfigFout);
    expect(kies).toThrow('Er is geen ISI-adres ingesteld (PIB_ISI_URL telt in een geïnstalleerde app alleen als de organisatie demoServerToestaan aanzet). Vraag IT de instelling isiUrl te zetten');
    expect(kies).toThrow(join(dataMap, 'config.json'));
    expect(() => kiesIsiUrl(g, { dataMap, env: {}, verpakt: false })).toThrow(/^Er is geen ISI-adres ingesteld\. Vraag IT/);
  });

  it('PIB_ISI_URL over plain http to another computer is refused, as the policy key is', () => {
    const { dataMap, g } = opzet({});
    expect(() => kiesIsiUrl(g, { dataMap, env: { PIB_ISI_URL: 'http://isi.gemeente.example' }, verpakt: false })).toThrow('PIB_ISI_URL (http://isi.gemeente.example) is geen geldig ISI-adres');
  });
});

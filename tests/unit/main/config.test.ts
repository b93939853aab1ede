import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFout, isiUrlUitOmgeving, leesConfigBestand } from '../../../main/config';
import { leesBeleid } from '../../../main/policy/beleid';
import { bestandsbron } from '../../../main/policy/bronnen';

function map(configJson?: string): string {
  const pad = mkdtempSync(join(tmpdir(), 'pib-config-'));
  if (configJson !== undefined) writeFileSync(join(pad, 'config.json'), configJson);
  return pad;
}

/** The organisation's policy file with this isiUrl, read as the app reads it. */
function organisatie(isiUrl: string) {
  const m = map();
  writeFileSync(join(m, 'beleid.json'), JSON.stringify({ isiUrl }));
  return () => leesBeleid(m, [bestandsbron(join(m, 'beleid.json'), { beschermd: false })]).policy.isiUrl;
}

describe('the user\'s config.json', () => {
  it('without a file: nothing set', () => {
    expect(leesConfigBestand(map())).toEqual({});
  });

  it.each([
    ['a file that is no JSON', '{"vergrendelNaMinuten": 5', /config\.json is geen geldige JSON \(.+\)\. Herstel of verwijder het bestand\./],
    ['an empty file', '', /config\.json is geen geldige JSON/],
    ['isiUrl, which only IT may set (issue #11)', '{"isiUrl": "https://isi.gemeente.nl"}', /config\.json is geen geldige configuratie: "isiUrl" kan alleen IT instellen/],
    ['an unknown setting', '{"vergrendelNaMinuten": 5, "isiURL": "x"}', /onbekende instelling "isiURL"/],
    ['a list instead of an object', '["https://isi.nl"]', /verwacht een JSON-object zoals \{"vergrendelNaMinuten": 10\}/],
  ])('refuses %s with a clear Dutch error that names the file', (_wat, inhoud, melding) => {
    const pad = map(inhoud);
    const lees = () => leesConfigBestand(pad);
    expect(lees).toThrow(ConfigFout);
    expect(lees).toThrow(melding);
    expect(lees).toThrow(join(pad, 'config.json'));
  });

  it('allows a UTF-8 BOM, as Notepad writes it', () => {
    expect(leesConfigBestand(map('\uFEFF{"vergrendelNaMinuten": 5}'))).toEqual({ vergrendelNaMinuten: 5 });
  });
});

describe('the ISI address: https, or http to this computer only', () => {
  it.each([
    ['a URL that is none', 'isi.gemeente.nl'],
    ['a URL of another scheme', 'file:///etc/passwd'],
    ['plain http to another computer, which would send the token and BSNs in clear', 'http://isi.gemeente.nl'],
    ['plain http to a name that only starts like localhost', 'http://localhost.aanvaller.example'],
    ['a URL with a user name in it', 'https://isi.gemeente.nl@aanvaller.example'],
  ])('the policy refuses %s, naming the key', (_wat, url) => {
    expect(organisatie(url)).toThrow(/isiUrl: moet een https-URL \(http alleen naar deze computer: localhost, 127\.0\.0\.1 of \[::1\]\) zijn/);
    expect(() => isiUrlUitOmgeving({ PIB_ISI_URL: url })).toThrow(`PIB_ISI_URL (${url}) is geen geldig ISI-adres: moet een https-URL zijn`);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000', 'https://isi.gemeente.nl', 'https://isi.gemeente.nl:8443/pad'])('accepts %s', (url) => {
    expect(organisatie(url)()).toBe(url);
    expect(isiUrlUitOmgeving({ PIB_ISI_URL: url })).toBe(url);
  });

  it('an empty PIB_ISI_URL is none; process.env is read when no environment is given', () => {
    expect(isiUrlUitOmgeving({ PIB_ISI_URL: '' })).toBeUndefined();
    const oud = process.env.PIB_ISI_URL;
    process.env.PIB_ISI_URL = 'https://uit-de-omgeving.example';
    try {
      expect(isiUrlUitOmgeving()).toBe('https://uit-de-omgeving.example');
    } finally {
      if (oud === undefined) delete process.env.PIB_ISI_URL;
      else process.env.PIB_ISI_URL = oud;
    }
  });
});

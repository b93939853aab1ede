import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFout, leesConfig } from '../../../main/config';

function map(configJson?: string): string {
  const pad = mkdtempSync(join(tmpdir(), 'pib-config-'));
  if (configJson !== undefined) writeFileSync(join(pad, 'config.json'), configJson);
  return pad;
}

describe('leesConfig', () => {
  it('without a file or PIB_ISI_URL, no ISI is set (npm start then starts the demo server)', () => {
    expect(leesConfig(map(), {})).toEqual({});
  });

  it('reads isiUrl from config.json in the data folder', () => {
    expect(leesConfig(map('{"isiUrl": "https://isi.gemeente.nl"}'), {})).toEqual({ isiUrl: 'https://isi.gemeente.nl' });
  });

  it('takes PIB_ISI_URL over the file', () => {
    expect(leesConfig(map('{"isiUrl": "https://isi.gemeente.nl"}'), { PIB_ISI_URL: 'http://127.0.0.1:8080' })).toEqual({ isiUrl: 'http://127.0.0.1:8080' });
    expect(leesConfig(map(), { PIB_ISI_URL: 'http://127.0.0.1:8080' })).toEqual({ isiUrl: 'http://127.0.0.1:8080' });
  });

  it('an empty PIB_ISI_URL leaves the file\'s choice', () => {
    expect(leesConfig(map('{"isiUrl": "https://isi.gemeente.nl"}'), { PIB_ISI_URL: '' })).toEqual({ isiUrl: 'https://isi.gemeente.nl' });
  });

  it('reads process.env when no environment is given', () => {
    const oud = process.env.PIB_ISI_URL;
    process.env.PIB_ISI_URL = 'https://uit-de-omgeving.example';
    try {
      expect(leesConfig(map())).toEqual({ isiUrl: 'https://uit-de-omgeving.example' });
    } finally {
      if (oud === undefined) delete process.env.PIB_ISI_URL;
      else process.env.PIB_ISI_URL = oud;
    }
  });

  it.each([
    ['a file that is no JSON', '{"isiUrl": "https://isi.nl"', /config\.json is geen geldige JSON \(.+\)\. Herstel of verwijder het bestand\./],
    ['an empty file', '', /config\.json is geen geldige JSON/],
    ['a URL that is none', '{"isiUrl": "isi.gemeente.nl"}', /config\.json is geen geldige configuratie: isiUrl: moet een https-URL \(http alleen naar deze computer: localhost, 127\.0\.0\.1 of \[::1\]\) zijn/],
    ['a URL of another scheme', '{"isiUrl": "file:///etc/passwd"}', /isiUrl: moet een https-URL/],
    ['plain http to another computer, which would send the token and BSNs in clear', '{"isiUrl": "http://isi.gemeente.nl"}', /isiUrl: moet een https-URL \(http alleen naar deze computer/],
    ['plain http to a name that only starts like localhost', '{"isiUrl": "http://localhost.aanvaller.example"}', /isiUrl: moet een https-URL/],
    ['a URL with a user name in it', '{"isiUrl": "https://isi.gemeente.nl@aanvaller.example"}', /isiUrl: moet een https-URL/],
    ['an unknown setting', '{"isiUrl": "https://isi.nl", "isiURL": "x"}', /onbekende instelling "isiURL"/],
    ['a list instead of an object', '["https://isi.nl"]', /verwacht een JSON-object/],
  ])('refuses %s with a clear Dutch error that names the file', (_wat, inhoud, melding) => {
    const pad = map(inhoud);
    const lees = () => leesConfig(pad, {});
    expect(lees).toThrow(ConfigFout);
    expect(lees).toThrow(melding);
    expect(lees).toThrow(join(pad, 'config.json'));
  });

  it('refuses a PIB_ISI_URL that is no https URL nor http to this computer, and names it', () => {
    expect(() => leesConfig(map(), { PIB_ISI_URL: 'javascript:alert(1)' })).toThrow('PIB_ISI_URL (javascript:alert(1)) is geen geldig ISI-adres: moet een https-URL zijn');
    expect(() => leesConfig(map(), { PIB_ISI_URL: 'http://10.0.0.5:8080' })).toThrow(ConfigFout);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000', 'https://isi.gemeente.nl', 'https://isi.gemeente.nl:8443/pad'])('accepts %s', (url) => {
    expect(leesConfig(map(JSON.stringify({ isiUrl: url })), {})).toEqual({ isiUrl: url });
  });
});

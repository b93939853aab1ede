import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv2020 from 'ajv/dist/2020';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { registerbron, registerNaarBeleid } from '../../../main/policy/bronnen';
import { MachineBeleid } from '../../../main/policy/schemas';
import { ADMX_NAAM, docsTabel, metTabel, sjablonen } from '../../../scripts/beleid-sjablonen';
import { BELEID, BELEIDSNAMEN, BUNDEL_ID, REGISTERSLEUTEL } from '../../../shared/beleid';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const lees = (pad: string) => readFileSync(join(ROOT, pad), 'utf8');

/** Parsed strictly: any XML error fails the test. */
function xml(tekst: string) {
  const fouten: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: (m: string) => fouten.push(m), error: (m: string) => fouten.push(m), fatalError: (m: string) => fouten.push(m) } }).parseFromString(tekst, 'text/xml');
  expect(fouten).toEqual([]);
  return doc;
}
/** The little of the DOM these tests use (xmldom's own types lean on the DOM library, which is not in this project's lib). */
interface El { getAttribute(naam: string): string | null; getElementsByTagName(naam: string): unknown; textContent: string | null }
const elementen = (in_: { getElementsByTagName(naam: string): unknown }, naam: string) => Array.from(in_.getElementsByTagName(naam) as ArrayLike<El>);

describe('what is generated from the declaration (npm run beleid:genereer)', () => {
  it.each(Object.keys(sjablonen()))('%s in the repository is up to date', (pad) => {
    expect(lees(pad), `${pad} is verouderd: voer npm run beleid:genereer uit`).toBe(sjablonen()[pad]);
  });

  it('docs/beleid.md has the current table', () => {
    const md = lees('docs/beleid.md');
    expect(md, 'de tabel in docs/beleid.md is verouderd: voer npm run beleid:genereer uit').toBe(metTabel(md));
    expect(md).toContain(docsTabel());
    for (const k of BELEIDSNAMEN) expect(docsTabel()).toContain(`| \`${k}\` |`);
  });
});

describe('the ADMX and ADML templates', () => {
  const admx = xml(lees(`beleid/${ADMX_NAAM}.admx`));
  const adml = { nl: xml(lees(`beleid/nl-NL/${ADMX_NAAM}.adml`)), en: xml(lees(`beleid/en-US/${ADMX_NAAM}.adml`)) };

  it('have one policy per key, under the registry key the reader queries, with the key as value name', () => {
    const beleid = elementen(admx, 'policy');
    expect(beleid.map((b) => b.getAttribute('name'))).toEqual(BELEIDSNAMEN);
    const leest = registerbron('HKLM', () => null).naam;
    for (const b of beleid) {
      const k = b.getAttribute('name')!;
      expect(`HKLM\\${b.getAttribute('key')}`).toBe(leest);
      expect(b.getAttribute('key')).toBe(REGISTERSLEUTEL);
      // A yes/no policy names its value itself; the others in their one element.
      const valueName = b.getAttribute('valueName') || elementen(b, '*').find((e) => e.getAttribute('valueName'))?.getAttribute('valueName');
      expect(valueName, k).toBe(k);
      // Only what a user may set is offered under User Configuration (HKCU), as the reader allows.
      expect(b.getAttribute('class'), k).toBe(BELEID[k as keyof typeof BELEID].bereik === 'machine' ? 'Machine' : 'Both');
    }
  });

  it('write each key with the type and range the reader expects', () => {
    for (const k of BELEIDSNAMEN) {
      const d = BELEID[k];
      const b = elementen(admx, 'policy').find((e) => e.getAttribute('name') === k)!;
      if (d.soort === 'getal') {
        const dec = elementen(b, 'decimal').find((e) => e.getAttribute('id') === k)!;
        expect([dec.getAttribute('minValue'), dec.getAttribute('maxValue')]).toEqual([String(d.min), String(d.max)]);
      }
      if (d.soort === 'janee') expect(elementen(b, 'enabledValue').length).toBe(1);
      if (d.soort === 'keuze') expect(elementen(b, 'string').map((s) => s.textContent)).toEqual([...d.waarden]);
      if (d.soort === 'tekst') expect(elementen(b, 'text').length).toBe(1);
    }
  });

  it.each(['nl', 'en'] as const)('the %s ADML has every string and presentation the ADMX names', (taal) => {
    const strings = new Set(elementen(adml[taal], 'string').map((s) => s.getAttribute('id')));
    const presentaties = new Set(elementen(adml[taal], 'presentation').map((s) => s.getAttribute('id')));
    const bron = lees(`beleid/${ADMX_NAAM}.admx`);
    const nodig = [...bron.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]);
    expect(nodig.length).toBeGreaterThan(BELEIDSNAMEN.length * 2);
    for (const id of nodig) expect(strings.has(id!), id).toBe(true);
    for (const id of [...bron.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1])) expect(presentaties.has(id!), id).toBe(true);
    for (const k of BELEIDSNAMEN) expect(elementen(adml[taal], 'string').find((s) => s.getAttribute('id') === k)?.textContent).toBe(BELEID[k].titel[taal]);
  });
});

describe('the macOS profile and the JSON Schema of the Linux file', () => {
  it('the profile is a plist whose payload, of the bundle id, the reader accepts', () => {
    const profiel = plist.parse(lees(`beleid/${BUNDEL_ID}.mobileconfig`)) as { PayloadContent: Record<string, unknown>[] };
    const { PayloadType, PayloadVersion: _v, PayloadIdentifier: _i, PayloadUUID: _u, PayloadDisplayName: _d, ...instellingen } = profiel.PayloadContent[0]!;
    expect(PayloadType).toBe(BUNDEL_ID);
    expect(MachineBeleid.safeParse(instellingen).success).toBe(true);
    expect(Object.keys(instellingen)).toContain('isiUrl');
  });

  it('the schema agrees with the reader: what one accepts the other does, and the same refusals', () => {
    const valideer = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(lees('beleid/beleid.schema.json')));
    const gevallen: unknown[] = [
      {}, { vergrendelNaMinuten: 10, isiUrl: 'https://isi.gemeente.example', proxy: 'systeem' }, { isiUrl: 'http://127.0.0.1:8080' },
      { vergrendelNaMinuten: 0 }, { vergrendelNaMinuten: 2.5 }, { isiUrl: 'http://isi.gemeente.example' }, { cacheBijUitloggen: 'bewaren' },
      { tikfout: 1 }, { devtoolsToestaan: 'ja' }, { downloadMap: 'relatief' }, { proxy: 'http://proxy.gemeente:8080' }, { logMap: 'C:\\Logs' },
    ];
    for (const geval of gevallen) expect(valideer(geval), JSON.stringify(geval)).toBe(MachineBeleid.safeParse(geval).success);
  });
});

describe('the .reg example', () => {
  it('names every key under the HKLM key the reader queries, and what it sets the reader accepts', () => {
    const reg = lees('beleid/PortalInburgering-voorbeeld.reg');
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(reg).toContain(`[HKEY_LOCAL_MACHINE\\${REGISTERSLEUTEL}]\r\n`);
    const regels = [...reg.matchAll(/^(;?)"(\w+)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")\r$/gm)];
    expect(regels.map((r) => r[2])).toEqual(BELEIDSNAMEN);
    const toegepast = regels.filter((r) => r[1] === '').map((r) => ({ naam: r[2]!, type: r[3] ? 'REG_DWORD' : 'REG_SZ', data: r[3] ? `0x${r[3]}` : r[4]!.replace(/\\\\/g, '\\') }));
    const { waarden, fouten } = registerNaarBeleid(toegepast);
    expect(fouten).toEqual([]);
    expect(MachineBeleid.safeParse(waarden).success).toBe(true);
    // Commented out, the others would be valid too once uncommented.
    const alle = registerNaarBeleid(regels.map((r) => ({ naam: r[2]!, type: r[3] ? 'REG_DWORD' : 'REG_SZ', data: r[3] ? `0x${r[3]}` : r[4]!.replace(/\\\\/g, '\\') })));
    expect(MachineBeleid.safeParse(alle.waarden).success).toBe(true);
    expect(alle.waarden).toMatchObject({ extraCaCertificaten: 'C:\\ProgramData\\PortalInburgering\\ca.pem', vergrendelNaMinuten: 15, devtoolsToestaan: false });
  });
});

import { chmodSync, chownSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { ConfigFout } from '../../../main/config';
import { leesBeleid } from '../../../main/policy/beleid';
import { bestandsbron, LINUX_BELEID, leesRegQuery, MANAGED_PREFERENCES, organisatiebronnen, plistbron, registerbron, type RegQuery } from '../../../main/policy/bronnen';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';

const REG = join(import.meta.dirname, 'beleid', 'reg');
const HKLM = String.raw`HKLM\SOFTWARE\Policies\Gemeente\PortalInburgering`;
const HKCU = String.raw`HKCU\SOFTWARE\Policies\Gemeente\PortalInburgering`;

/** `reg query` answering from the fixtures in reg-query output (CRLF, four-space columns); null: the key does not exist. */
function reg(per: { HKLM?: string; HKCU?: string }): RegQuery & { gevraagd: string[] } {
  const gevraagd: string[] = [];
  const query = (sleutel: string) => {
    gevraagd.push(sleutel);
    const bestand = sleutel.startsWith('HKLM') ? per.HKLM : per.HKCU;
    return bestand ? readFileSync(join(REG, bestand), 'utf8') : null;
  };
  return Object.assign(query, { gevraagd });
}

const leeg = () => mkdtempSync(join(tmpdir(), 'pib-bronnen-'));
const windows = (q: RegQuery) => [registerbron('HKLM', q), registerbron('HKCU', q)];

describe('Windows: the registry, read from `reg query` output', () => {
  it('reads values by their declared type, and skips subkeys', () => {
    expect(leesRegQuery(readFileSync(join(REG, 'hklm-geldig.txt'), 'utf8'))).toHaveLength(8);
    const q = reg({ HKLM: 'hklm-geldig.txt' });
    const g = leesBeleid(leeg(), windows(q));
    expect(g.policy).toEqual({
      ...STANDAARD_POLICY, isiUrl: 'https://isi.gemeente.example', vergrendelNaMinuten: 10, cacheBijUitloggen: 'wissen', zwakkeSleutelopslagToestaan: true,
      inhoudBeschermen: false, syncPaginaGrootte: 500, updateModus: 'melden', updateUrl: 'https://updates.gemeente.example/pib/',
    });
    expect(g.bron.vergrendelNaMinuten).toBe(HKLM);
    expect(q.gevraagd).toEqual([HKLM, HKCU]);
  });

  it('ignores the unnamed default value, whatever the language of Windows calls it', () => {
    expect(leesBeleid(leeg(), windows(reg({ HKLM: 'hklm-standaardwaarde-nl.txt' }))).policy.syncIntervalMinuten).toBe(60);
  });

  it('HKLM wins over HKCU per key; HKCU over the user\'s config.json', () => {
    const data = leeg();
    writeFileSync(join(data, 'config.json'), JSON.stringify({ syncIntervalMinuten: 2, wissenNaDagenZonderSync: 3 }));
    const g = leesBeleid(data, windows(reg({ HKLM: 'hklm-geldig.txt', HKCU: 'hkcu-geldig.txt' })));
    expect(g.policy).toMatchObject({ vergrendelNaMinuten: 10, syncIntervalMinuten: 15, wissenNaDagenZonderSync: 3 });
    expect(g.herkomst).toMatchObject({ vergrendelNaMinuten: 'organisatie', syncIntervalMinuten: 'organisatie', wissenNaDagenZonderSync: 'gebruiker', bestandenBewarenDagen: 'standaard' });
    expect(g.bron).toMatchObject({ vergrendelNaMinuten: HKLM, syncIntervalMinuten: HKCU });
  });

  it('no key at all: the user and the defaults decide', () => {
    expect(leesBeleid(leeg(), windows(reg({}))).policy).toEqual(STANDAARD_POLICY);
  });

  it.each([
    ['a number stored as text', 'hklm-getal-als-tekst.txt', 'vergrendelNaMinuten: moet een REG_DWORD zijn, niet REG_SZ'],
    ['a yes/no of 2', 'hklm-janee-buiten-bereik.txt', 'devtoolsToestaan: moet 0 (uit) of 1 (aan) zijn'],
    ['a choice stored as a number', 'hklm-keuze-als-dword.txt', 'cacheBijUitloggen: moet een REG_SZ zijn, niet REG_DWORD'],
    ['a QWORD', 'hklm-qword.txt', 'syncIntervalMinuten: moet een REG_DWORD zijn, niet REG_QWORD'],
    ['a number out of range', 'hklm-buiten-bereik.txt', 'vergrendelNaMinuten: moet een geheel getal van 1 tot en met 480 zijn'],
    ['an unknown value', 'hklm-onbekend.txt', 'onbekende instelling "vergrendelNaMinuut"'],
    ['an ISI address over http to another computer', 'hklm-http-isi.txt', 'isiUrl: moet een https-URL (http alleen naar deze computer'],
    ['an empty text', 'hklm-lege-tekst.txt', 'downloadMap: moet een absoluut pad zijn'],
  ])('refuses %s, naming the key and the registry key', (_wat, bestand, melding) => {
    const lees = () => leesBeleid(leeg(), windows(reg({ HKLM: bestand })));
    expect(lees).toThrow(ConfigFout);
    expect(lees).toThrow(`${HKLM} is geen geldig machinebeleid: ${melding}`);
    expect(lees).toThrow('Vraag IT de groepsbeleidsinstelling te herstellen');
  });

  it('refuses a machine-only key under HKCU: a user-level policy cannot allow DevTools', () => {
    expect(() => leesBeleid(leeg(), windows(reg({ HKCU: 'hkcu-machinesleutel.txt' })))).toThrow(`${HKCU} is geen geldig machinebeleid: "devtoolsToestaan" kan alleen voor de hele computer worden ingesteld (HKLM)`);
  });
});

describe('macOS: managed preferences by bundle id', () => {
  const profiel = (inhoud: string) => {
    const pad = join(leeg(), 'nl.gemeente.portal-inburgering.plist');
    writeFileSync(pad, inhoud);
    return pad;
  };

  it('reads the keys with their plist types, and leaves a profile\'s Payload keys aside', () => {
    const pad = profiel(plist.build({ isiUrl: 'https://isi.gemeente.example', vergrendelNaMinuten: 5, devtoolsToestaan: true, PayloadUUID: 'X' }));
    const g = leesBeleid(leeg(), [plistbron(pad)]);
    expect(g.policy).toMatchObject({ isiUrl: 'https://isi.gemeente.example', vergrendelNaMinuten: 5, devtoolsToestaan: true });
    expect(g.bron.isiUrl).toBe(pad);
  });

  it('turns a binary plist into XML with plutil first', () => {
    const pad = profiel('bplist00…');
    const g = leesBeleid(leeg(), [plistbron(pad, () => plist.build({ syncIntervalMinuten: 42 }))]);
    expect(g.policy.syncIntervalMinuten).toBe(42);
  });

  it.each([
    ['unreadable XML', '<plist><dict><key>x</dict>', /nl\.gemeente\.portal-inburgering\.plist is geen leesbare plist \(.+\)\. Vraag IT het configuratieprofiel te herstellen/],
    ['a list instead of a dictionary', plist.build([1, 2]), /is geen geldig machinebeleid: verwacht een dictionary met instellingen/],
    ['a number stored as text', plist.build({ vergrendelNaMinuten: '10' }), /is geen geldig machinebeleid: vergrendelNaMinuten: moet een geheel getal van 1 tot en met 480 zijn/],
    ['an unknown key', plist.build({ isiURL: 'https://x.example' }), /onbekende instelling "isiURL"/],
  ])('refuses %s', (_wat, inhoud, melding) => {
    const pad = profiel(inhoud);
    expect(() => leesBeleid(leeg(), [plistbron(pad)])).toThrow(melding);
  });

  it('without a profile: nothing managed', () => {
    expect(leesBeleid(leeg(), [plistbron(join(leeg(), 'geen.plist'))]).policy).toEqual(STANDAARD_POLICY);
  });
});

// The files are made and chowned as root, as the project's machines and CI run.
describe('Linux: /etc/portal-inburgering/beleid.json, only as root wrote it', () => {
  const bestand = (inhoud: string, opties: { mode?: number; uid?: number } = {}) => {
    const pad = join(leeg(), 'beleid.json');
    writeFileSync(pad, inhoud);
    chmodSync(pad, opties.mode ?? 0o644);
    if (opties.uid !== undefined) chownSync(pad, opties.uid, 0);
    return pad;
  };
  it('reads a root-owned file that only root can write', () => {
    expect(leesBeleid(leeg(), [bestandsbron(bestand('{"vergrendelNaMinuten": 3}'))]).policy.vergrendelNaMinuten).toBe(3);
  });

  it('refuses a file another user owns', () => {
    const pad = bestand('{"vergrendelNaMinuten": 3}', { uid: 1000 });
    expect(() => leesBeleid(leeg(), [bestandsbron(pad)])).toThrow(`${pad} is niet van root (eigenaar: gebruiker 1000); zet de eigenaar met "chown root:root ${pad}"; de app gebruikt het niet.`);
  });

  it.each([[0o664, 'group'], [0o646, 'others']])('refuses a file writable by %s (%s)', (mode) => {
    const pad = bestand('{"vergrendelNaMinuten": 3}', { mode, uid: 0 });
    expect(() => leesBeleid(leeg(), [bestandsbron(pad)])).toThrow(`${pad} is schrijfbaar voor groep of anderen; zet de rechten met "chmod 644 ${pad}"`);
  });

  it('refuses a symbolic link, even to a good file', () => {
    const doel = bestand('{"vergrendelNaMinuten": 3}', { uid: 0 });
    const pad = join(leeg(), 'beleid.json');
    symlinkSync(doel, pad);
    expect(() => leesBeleid(leeg(), [bestandsbron(pad)])).toThrow(`${pad} is een symbolische koppeling, geen gewoon bestand`);
  });

  it('refuses a byte-order mark', () => {
    const pad = bestand('\uFEFF{"vergrendelNaMinuten": 3}', { uid: 0 });
    expect(() => leesBeleid(leeg(), [bestandsbron(pad)])).toThrow(`${pad} begint met een byte-order mark (BOM)`);
  });

  it('no file: nothing managed', () => {
    expect(leesBeleid(leeg(), [bestandsbron(join(leeg(), 'geen.json'))]).policy).toEqual(STANDAARD_POLICY);
  });
});

describe('which sources each OS has', () => {
  it('PIB_BELEID alone when set; else the registry, the managed preferences or the file of the OS', () => {
    expect(organisatiebronnen({ PIB_BELEID: '/tmp/x.json' }, 'win32').map((b) => b.naam)).toEqual(['/tmp/x.json']);
    expect(organisatiebronnen({}, 'win32').map((b) => b.naam)).toEqual([HKLM, HKCU]);
    expect(organisatiebronnen({}, 'darwin').map((b) => b.naam)).toEqual([MANAGED_PREFERENCES]);
    expect(MANAGED_PREFERENCES).toBe('/Library/Managed Preferences/nl.gemeente.portal-inburgering.plist');
    expect(organisatiebronnen({}, 'linux').map((b) => b.naam)).toEqual([LINUX_BELEID]);
    expect(organisatiebronnen({ PIB_BELEID: '' }, 'linux').map((b) => b.naam)).toEqual(['/etc/portal-inburgering/beleid.json']);
  });
});

import plist from 'plist';
import { BELEID, BELEIDSNAMEN, type Beleidsnaam, BUNDEL_ID, REGISTERSLEUTEL, TEKSTVORMEN, type Tekst, toegestaan } from '../shared/beleid';

/**
 * Everything made from the policy declaration (shared/beleid.ts) for IT: the Group Policy templates
 * (ADMX, ADML in nl-NL and en-US), a macOS configuration profile, the JSON Schema of the Linux
 * file and the table of docs/beleid.md. Pure: scripts/genereer-beleid.ts writes them, and
 * tests/unit/main/beleid-sjablonen.test.ts fails when a file in the repository differs.
 */

export const SJABLOONMAP = 'beleid';
export const ADMX_NAAM = 'PortalInburgering';
export const TABEL_BEGIN = '<!-- beleid-tabel:begin (gegenereerd door npm run beleid:genereer; niet met de hand wijzigen) -->';
export const TABEL_EIND = '<!-- beleid-tabel:eind -->';

const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
type Declaratie = (typeof BELEID)[Beleidsnaam];

/** DWORD for numbers and yes/no, REG_SZ for choices and text: what the reader (main/policy/bronnen.ts) demands. */
export const registertype = (d: Declaratie) => (d.soort === 'getal' || d.soort === 'janee' ? 'REG_DWORD' : 'REG_SZ');

function standaard(d: Declaratie, taal: keyof Tekst): string {
  if (d.standaard === undefined) return d.zonder?.[taal] ?? '';
  return typeof d.standaard === 'string' ? `"${d.standaard}"` : String(d.standaard);
}

export function admx(): string {
  const beleid = BELEIDSNAMEN.map((k) => {
    const d = BELEID[k];
    const kop = `    <policy name="${k}" class="${d.bereik === 'machine' ? 'Machine' : 'Both'}" displayName="$(string.${k})" explainText="$(string.${k}_Uitleg)" key="${REGISTERSLEUTEL}"`;
    const gemeen = `      <parentCategory ref="PortalInburgering" />\n      <supportedOn ref="SUPPORTED_PIB_0_1" />`;
    if (d.soort === 'janee') {
      return `${kop} valueName="${k}">\n${gemeen}\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
    }
    const element = d.soort === 'getal'
      ? `<decimal id="${k}" valueName="${k}" minValue="${d.min}" maxValue="${d.max}" />`
      : d.soort === 'keuze'
        ? `<enum id="${k}" valueName="${k}" required="true">\n${d.waarden.map((w) => `          <item displayName="$(string.${k}_${w})"><value><string>${xml(w)}</string></value></item>`).join('\n')}\n        </enum>`
        : `<text id="${k}" valueName="${k}" maxLength="2000" required="true" />`;
    return `${kop} presentation="$(presentation.${k})">\n${gemeen}\n      <elements>\n        ${element}\n      </elements>\n    </policy>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/beleid.ts by npm run beleid:genereer; do not edit by hand. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="portalinburgering" namespace="Gemeente.Policies.PortalInburgering" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_PIB_0_1" displayName="$(string.SUPPORTED_PIB_0_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="PortalInburgering" displayName="$(string.Categorie)" />
  </categories>
  <policies>
${beleid.join('\n')}
  </policies>
</policyDefinitions>
`;
}

const ADML_TEKST = {
  nl: { naam: 'Portal Inburgering', omschrijving: 'Beleid voor de desktop-app Portal Inburgering', ondersteund: 'Portal Inburgering 0.1 en later', toegestaan: 'Toegestaan', standaard: 'Standaard', alleenMachine: 'Alleen voor de hele computer.' },
  en: { naam: 'Portal Inburgering', omschrijving: 'Policies of the Portal Inburgering desktop app', ondersteund: 'Portal Inburgering 0.1 and later', toegestaan: 'Allowed', standaard: 'Default', alleenMachine: 'Computer configuration only.' },
} as const;

export function adml(taal: keyof Tekst): string {
  const t = ADML_TEKST[taal];
  const strings: string[] = [`      <string id="Categorie">${t.naam}</string>`, `      <string id="SUPPORTED_PIB_0_1">${t.ondersteund}</string>`];
  const presentaties: string[] = [];
  for (const k of BELEIDSNAMEN) {
    const d = BELEID[k];
    const uitleg = `${d.uitleg[taal]}\n\n${t.toegestaan}: ${toegestaan(d, taal)}.\n${t.standaard}: ${standaard(d, taal)}.${d.bereik === 'machine' ? `\n${t.alleenMachine}` : ''}`;
    strings.push(`      <string id="${k}">${xml(d.titel[taal])}</string>`, `      <string id="${k}_Uitleg">${xml(uitleg)}</string>`);
    if (d.soort === 'keuze') for (const w of d.waarden) strings.push(`      <string id="${k}_${w}">${xml((d.opties as Record<string, Tekst>)[w]![taal])}</string>`);
    const label = xml(d.titel[taal]);
    if (d.soort === 'getal') presentaties.push(`      <presentation id="${k}">\n        <decimalTextBox refId="${k}" defaultValue="${d.standaard}">${label}</decimalTextBox>\n      </presentation>`);
    if (d.soort === 'keuze') presentaties.push(`      <presentation id="${k}">\n        <dropdownList refId="${k}" defaultItem="${(d.waarden as readonly string[]).indexOf(d.standaard)}" noSort="true">${label}</dropdownList>\n      </presentation>`);
    if (d.soort === 'tekst') presentaties.push(`      <presentation id="${k}">\n        <textBox refId="${k}">\n          <label>${label}</label>\n        </textBox>\n      </presentation>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/beleid.ts by npm run beleid:genereer; do not edit by hand. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${t.naam}</displayName>
  <description>${t.omschrijving}</description>
  <resources>
    <stringTable>
${strings.join('\n')}
    </stringTable>
    <presentationTable>
${presentaties.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** An example value for each key without a default (isiUrl set in the examples, the others shown commented out). */
export const VOORBEELD: Partial<Record<Beleidsnaam, string>> = {
  isiUrl: 'https://isi.gemeente.example',
  downloadMap: 'D:\\Export\\Inburgering',
  logMap: 'C:\\ProgramData\\PortalInburgering\\logs',
  extraCaCertificaten: 'C:\\ProgramData\\PortalInburgering\\ca.pem',
  proxy: 'systeem',
  updateUrl: 'https://updates.gemeente.example/portal-inburgering/',
};

/**
 * A .reg file with every key under HKLM: those with a default at their default, isiUrl set to an
 * example, the other keys without a default commented out (a CA file that is not there would stop
 * the app). CRLF and ASCII, as regedit reads a "Version 5.00" file.
 */
export function regVoorbeeld(): string {
  const regels = [
    'Windows Registry Editor Version 5.00',
    '',
    '; Portal Inburgering: every policy key (docs/beleid.md). Generated from shared/beleid.ts by npm run beleid:genereer.',
    '; Remove the lines you do not want to manage; a line starting with ";" is not applied.',
    '',
    `[HKEY_LOCAL_MACHINE\\${REGISTERSLEUTEL}]`,
  ];
  for (const k of BELEIDSNAMEN) {
    const d = BELEID[k];
    const w = d.standaard ?? VOORBEELD[k];
    if (w === undefined) continue;
    const waarde = typeof w === 'number' ? `dword:${w.toString(16).padStart(8, '0')}` : typeof w === 'boolean' ? `dword:${w ? '00000001' : '00000000'}` : `"${w.replace(/\\/g, '\\\\')}"`;
    regels.push(`; ${d.titel.en}: ${toegestaan(d, 'en')}`, `${d.standaard === undefined && k !== 'isiUrl' ? ';' : ''}"${k}"=${waarde}`);
  }
  return `${regels.join('\r\n')}\r\n`;
}

/**
 * A macOS configuration profile with one payload of the app's bundle id: every key with a default
 * at its default, and an example ISI address (the other keys without a default name files or
 * servers of the organisation: see docs/beleid.md). Fixed UUIDs, so that generating twice gives the same file.
 */
export function mobileconfig(): string {
  const instellingen = Object.fromEntries(BELEIDSNAMEN.flatMap((k) => {
    const w = BELEID[k].standaard ?? (k === 'isiUrl' ? VOORBEELD[k] : undefined);
    return w === undefined ? [] : [[k, w]];
  }));
  return plist.build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `${BUNDEL_ID}.beleid`,
    PayloadUUID: '6F1B8D2C-4E0A-4C6B-9E52-2B7A1D0C3F10',
    PayloadDisplayName: 'Portal Inburgering: beleid',
    PayloadDescription: 'Voorbeeld; gegenereerd uit shared/beleid.ts. Pas de waarden aan (zie docs/beleid.md).',
    PayloadScope: 'System',
    PayloadContent: [{
      PayloadType: BUNDEL_ID,
      PayloadVersion: 1,
      PayloadIdentifier: `${BUNDEL_ID}.beleid.instellingen`,
      PayloadUUID: '0C2E9A47-7B31-4D8E-A6F5-91D4C8B2E703',
      PayloadDisplayName: 'Portal Inburgering',
      ...instellingen,
    }],
  }) + '\n';
}

/** The JSON Schema of /etc/portal-inburgering/beleid.json (and of PIB_BELEID's file). */
export function jsonSchema(): string {
  const eigenschappen = Object.fromEntries(BELEIDSNAMEN.map((k) => {
    const d = BELEID[k];
    const gemeen = { title: d.titel.nl, description: `${d.uitleg.nl}\n\n${d.uitleg.en}` };
    const soort = d.soort === 'getal'
      ? { type: 'integer', minimum: d.min, maximum: d.max, default: d.standaard }
      : d.soort === 'keuze'
        ? { type: 'string', enum: d.waarden, default: d.standaard }
        : d.soort === 'janee'
          ? { type: 'boolean', default: d.standaard }
          : { type: 'string', minLength: 1, maxLength: 2000, pattern: TEKSTVORMEN[d.vorm].source };
    return [k, { ...gemeen, ...soort }];
  }));
  return `${JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gemeente.example/portal-inburgering/beleid.schema.json',
    title: 'Portal Inburgering: beleid',
    description: 'Gegenereerd uit shared/beleid.ts (npm run beleid:genereer). Zie docs/beleid.md.',
    type: 'object',
    additionalProperties: false,
    properties: eigenschappen,
  }, null, 2)}\n`;
}

/** The table of docs/beleid.md, in English as that document is. */
export function docsTabel(): string {
  const cel = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const regels = BELEIDSNAMEN.map((k) => {
    const d = BELEID[k];
    const std = d.standaard === undefined ? d.zonder?.en ?? '' : `\`${JSON.stringify(d.standaard)}\``;
    return `| \`${k}\` | ${cel(d.titel.en)}: ${cel(d.uitleg.en)} | ${cel(toegestaan(d, 'en'))} | ${cel(std)} | ${d.bereik === 'machine' ? 'organisation only' : 'organisation, user'} | ${registertype(d)} |`;
  });
  return [TABEL_BEGIN, '| key | what | allowed | default | who may set it | registry type |', '|---|---|---|---|---|---|', ...regels, TABEL_EIND].join('\n');
}

/** docs/beleid.md with its table replaced by the generated one. */
export function metTabel(beleidMd: string): string {
  const begin = beleidMd.indexOf(TABEL_BEGIN);
  const eind = beleidMd.indexOf(TABEL_EIND);
  if (begin < 0 || eind < begin) throw new Error(`docs/beleid.md mist de markeringen ${TABEL_BEGIN} … ${TABEL_EIND}`);
  return beleidMd.slice(0, begin) + docsTabel() + beleidMd.slice(eind + TABEL_EIND.length);
}

/** Every generated file by its path in the repository (docs/beleid.md apart: only its table is generated). */
export function sjablonen(): Record<string, string> {
  return {
    [`${SJABLOONMAP}/${ADMX_NAAM}.admx`]: admx(),
    [`${SJABLOONMAP}/nl-NL/${ADMX_NAAM}.adml`]: adml('nl'),
    [`${SJABLOONMAP}/en-US/${ADMX_NAAM}.adml`]: adml('en'),
    [`${SJABLOONMAP}/${BUNDEL_ID}.mobileconfig`]: mobileconfig(),
    [`${SJABLOONMAP}/beleid.schema.json`]: jsonSchema(),
    [`${SJABLOONMAP}/PortalInburgering-voorbeeld.reg`]: regVoorbeeld(),
  };
}

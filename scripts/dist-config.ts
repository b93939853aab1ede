/**
 * The configuration `npm run dist` builds with: electron-builder.yml plus the signing this
 * environment provides. Without a certificate the build goes on unsigned and says so, per
 * platform, with what to set; nothing is silenced. Pure, so tests/unit/main/bouwconfig.test.ts
 * checks every combination against electron-builder's own schema.
 */
export type Config = Record<string, any>;

const AZURE = {
  endpoint: 'AZURE_TRUSTED_SIGNING_ENDPOINT',
  codeSigningAccountName: 'AZURE_TRUSTED_SIGNING_ACCOUNT',
  certificateProfileName: 'AZURE_TRUSTED_SIGNING_PROFILE',
  publisherName: 'AZURE_TRUSTED_SIGNING_PUBLISHER',
} as const;
/** What Azure's DefaultAzureCredential needs besides (an app registration's secret). */
const AZURE_INLOG = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'];
const APPLE_NOTARIS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

export function distConfig(basis: Config, env: NodeJS.ProcessEnv): { config: Config; meldingen: string[] } {
  const config: Config = structuredClone(basis);
  const meldingen: string[] = [];
  const heeft = (namen: readonly string[]) => namen.every((n) => Boolean(env[n]));

  if (heeft([...Object.values(AZURE), ...AZURE_INLOG])) {
    const { signtoolOptions: _signtool, ...win } = config.win ?? {};
    config.win = { ...win, azureSignOptions: Object.fromEntries(Object.entries(AZURE).map(([k, n]) => [k, env[n]])) };
    meldingen.push('Windows: ondertekend met Azure Trusted Signing.');
  } else if (env.WIN_CSC_LINK || env.CSC_LINK) {
    meldingen.push('Windows: ondertekend met signtool (certificaat uit WIN_CSC_LINK of CSC_LINK).');
  } else {
    meldingen.push(`Windows: NIET ondertekend: zet WIN_CSC_LINK en WIN_CSC_KEY_PASSWORD (signtool), of ${[...Object.values(AZURE), ...AZURE_INLOG].join(', ')} (Azure Trusted Signing). Windows SmartScreen waarschuwt dan bij installeren.`);
  }

  if (env.CSC_LINK || env.CSC_NAME) meldingen.push('macOS: ondertekend met het Developer ID-certificaat uit CSC_LINK of CSC_NAME.');
  else meldingen.push('macOS: NIET ondertekend: zet CSC_LINK en CSC_KEY_PASSWORD (Developer ID Application).');
  if (heeft(APPLE_NOTARIS)) {
    meldingen.push('macOS: genotariseerd met de App Store Connect API-sleutel.');
  } else {
    config.mac = { ...(config.mac ?? {}), notarize: false };
    meldingen.push(`macOS: NIET genotariseerd: zet ${APPLE_NOTARIS.join(', ')}. Gatekeeper weigert de app dan op andere Macs.`);
  }
  return { config, meldingen };
}

/** electron-builder's tools need Node 22.12 or newer; development and tests run on Node 20. */
export function nodeGenoegVoorDist(versie: string): boolean {
  const [hoofd = 0, minor = 0] = versie.split('.').map(Number);
  return hoofd > 22 || (hoofd === 22 && minor >= 12);
}

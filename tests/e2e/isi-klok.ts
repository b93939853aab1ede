import type { TotpKlok } from '../helpers/totp';

/**
 * The real clock of a reference server that an e2e test started, as the TOTP helper sees it: a
 * fourth login of one user within a TOTP step moves that server's clock on to the next step
 * (POST /api/v1/simulatie/tijd, demo only) instead of waiting up to 30 s, as the unit tests'
 * servers do in-process. A server restarted on the same database gets its lead back (`herstel`).
 */
const klokken = new Map<string, { voorsprong: number; klok: TotpKlok }>();

async function verzetServer(isiUrl: string, ms: number): Promise<void> {
  for (let rest = Math.ceil(ms / 1000); rest > 0; rest -= 3600) await verzetStap(isiUrl, Math.min(rest, 3600));
}

/** One call moves the clock at most an hour (the route's limit). */
async function verzetStap(isiUrl: string, seconden: number): Promise<void> {
  // The CVS key logs in without a TOTP code, so moving the clock needs no code itself.
  const sessie = await fetch(`${isiUrl}/api/v1/sessies`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' }),
  });
  if (sessie.status !== 201) throw new Error(`CVS-sessie voor de klok: ${sessie.status} ${await sessie.text()}`);
  const { token } = (await sessie.json()) as { token: string };
  const r = await fetch(`${isiUrl}/api/v1/simulatie/tijd`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ vooruitSeconden: seconden }),
  });
  if (r.status !== 200) throw new Error(`De klok van ISI verzetten: ${r.status} ${await r.text()}`);
}

export function isiKlok(isiUrl: string): TotpKlok {
  let k = klokken.get(isiUrl);
  if (!k) {
    const nieuw: { voorsprong: number; klok: TotpKlok } = {
      voorsprong: 0,
      klok: {
        nu: () => Date.now() + nieuw.voorsprong,
        verzet: async (ms) => {
          const seconden = Math.ceil(ms / 1000);
          await verzetServer(isiUrl, seconden * 1000);
          nieuw.voorsprong += seconden * 1000;
        },
      },
    };
    klokken.set(isiUrl, nieuw);
    k = nieuw;
  }
  return k.klok;
}

/** After a restart of the server at `isiUrl` (its lead is not stored): the same lead again. */
export async function herstelIsiKlok(isiUrl: string): Promise<void> {
  const k = klokken.get(isiUrl);
  if (k && k.voorsprong > 0) await verzetServer(isiUrl, k.voorsprong);
}

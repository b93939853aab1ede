import type { Agent } from 'node:http';
import axios, { AxiosError, type AxiosInstance, type AxiosProgressEvent } from 'axios';
import { Probleem } from '../../shared/schemas/api';
import type { z } from 'zod';
import { interneFout, probleem } from '../../shared/probleem';

type ProbleemT = z.infer<typeof Probleem>;

/** A refusal or failure of ISI as a typed problem, thrown inside main and returned across IPC. */
export class IsiFout extends Error {
  constructor(readonly probleem: ProbleemT) {
    super(probleem.detail);
  }
}

export const GEEN_VERBINDING: ProbleemT = probleem({
  status: 0,
  code: 'GEEN_VERBINDING',
  title: 'Geen verbinding',
  detail: 'Er is geen verbinding met DUO (ISI). Controleer de netwerkverbinding en probeer het opnieuw. Wat u hebt ingevuld, blijft staan.',
});

export const SESSIE_VERLOPEN: ProbleemT = probleem({
  status: 401,
  code: 'NIET_INGELOGD',
  title: 'Niet ingelogd',
  detail: 'Uw sessie is verlopen of u bent niet ingelogd. Log opnieuw in.',
});

/**
 * How long a request may take before the app counts ISI as unreachable: short, so the connection
 * state on screen is true within seconds (a change waits in the outbox meanwhile, safe to send
 * again with its Idempotency-Key). Downloads and sync pages set their own.
 */
export const STANDAARD_TIMEOUT_MS = 10_000;
/** A file of 100,000 rows on a slow line. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

function alsProbleem(fout: unknown): ProbleemT {
  if (fout instanceof AxiosError) {
    if (!fout.response) return GEEN_VERBINDING;
    const gelezen = Probleem.safeParse(fout.response.data);
    if (gelezen.success) return gelezen.data;
    return probleem({ status: fout.response.status, code: 'ONBEKEND_ANTWOORD', title: 'Fout', detail: `DUO (ISI) gaf een onverwacht antwoord (status ${fout.response.status}). Probeer het later opnieuw.` });
  }
  return interneFout();
}

/**
 * The ISI client of main: it alone holds the session token (never the renderer), and turns every
 * answer into a value or an IsiFout. A 401 forgets the token, so the app asks to log in again.
 */
export class IsiClient {
  readonly #http: AxiosInstance;
  #token: string | null = null;

  /** `httpsAgent`: the policy's extra CAs and proxy for ISI (main/policy/netwerk.ts); axios' own proxy handling stays off. */
  constructor(readonly basisUrl: string, opties: { timeoutMs?: number; httpsAgent?: Agent } = {}) {
    this.#http = axios.create({ baseURL: basisUrl, timeout: opties.timeoutMs ?? STANDAARD_TIMEOUT_MS, proxy: false, ...(opties.httpsAgent ? { httpsAgent: opties.httpsAgent } : {}) });
  }

  get ingelogd(): boolean {
    return this.#token !== null;
  }

  zetToken(token: string | null): void {
    this.#token = token;
  }

  /**
   * One request to ISI. `voortgang` hears of the bytes of the answer as they arrive (`totaal` from
   * its Content-Length, null without one), for the progress of large downloads.
   */
  async vraag<T>(
    methode: 'GET' | 'POST' | 'PUT' | 'DELETE',
    pad: string,
    opties: { body?: unknown; headers?: Record<string, string>; binair?: boolean; open?: boolean; timeoutMs?: number; voortgang?: (ontvangen: number, totaal: number | null) => void } = {},
  ): Promise<{ data: T; headers: Record<string, string> }> {
    if (!opties.open && !this.#token) throw new IsiFout(SESSIE_VERLOPEN);
    try {
      const antwoord = await this.#http.request<T>({
        method: methode,
        url: pad,
        data: opties.body,
        headers: { ...(this.#token && !opties.open ? { Authorization: `Bearer ${this.#token}` } : {}), ...(opties.headers ?? {}) },
        // `binair`: the body as the bytes it came, for files and for answers passed on unparsed (sync pages).
        responseType: opties.binair ? 'arraybuffer' : 'json',
        ...(opties.timeoutMs ? { timeout: opties.timeoutMs } : opties.binair ? { timeout: DOWNLOAD_TIMEOUT_MS } : {}),
        ...(opties.voortgang ? { onDownloadProgress: (e: AxiosProgressEvent) => opties.voortgang!(e.loaded, e.total ?? null) } : {}),
      });
      return { data: antwoord.data, headers: Object.fromEntries(Object.entries(antwoord.headers).map(([k, v]) => [k, String(v)])) };
    } catch (fout) {
      // A refusal asked for as bytes is still ISI's JSON problem. In Node axios hands binary
      // answers over as a Buffer (a view), in a browser as an ArrayBuffer.
      const ruw: unknown = fout instanceof AxiosError ? fout.response?.data : undefined;
      if (fout instanceof AxiosError && fout.response && (typeof ruw === 'string' || ruw instanceof ArrayBuffer || ArrayBuffer.isView(ruw))) {
        try {
          fout.response.data = JSON.parse(typeof ruw === 'string' ? ruw : (ruw instanceof ArrayBuffer ? Buffer.from(ruw) : Buffer.from(ruw.buffer, ruw.byteOffset, ruw.byteLength)).toString('utf8'));
        } catch {
          // not JSON: alsProbleem reports the status
        }
      }
      const probleem = alsProbleem(fout);
      if (probleem.status === 401 && !opties.open) this.#token = null;
      throw new IsiFout(probleem);
    }
  }
}

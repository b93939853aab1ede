import type { FastifyReply } from 'fastify';
import type { RegelId, Veldfout, Weigering } from '../../shared/rules/weigering';

const TITELS: Record<number, string> = {
  400: 'Het verzoek is niet juist',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Niet toegestaan',
  410: 'Verlopen',
  412: 'Gegevens zijn intussen gewijzigd',
  413: 'Verzoek te groot',
  414: 'Adres te lang',
  415: 'Geen JSON',
  422: 'Sleutel al gebruikt',
  428: 'Versie ontbreekt',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
};

const CODES: Record<number, string> = {
  400: 'ONGELDIG_VERZOEK',
  401: 'NIET_INGELOGD',
  403: 'GEEN_TOEGANG',
  404: 'NIET_GEVONDEN',
  409: 'NIET_TOEGESTAAN',
  410: 'CURSOR_VERLOPEN',
  412: 'VERSIE_GEWIJZIGD',
  413: 'TE_GROOT',
  415: 'GEEN_JSON',
  422: 'SLEUTEL_HERGEBRUIKT',
  429: 'TE_VEEL_VERZOEKEN',
  500: 'INTERNE_FOUT',
};

/** A refusal on its way to becoming an RFC 9457 problem. Thrown inside, a value at the boundary. */
export class Probleemfout extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly opties: { regel?: RegelId; fouten?: Veldfout[]; code?: string; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  get code(): string {
    return this.opties.code ?? CODES[this.status] ?? 'FOUT';
  }

  lichaam(): Record<string, unknown> {
    return {
      type: `urn:isi-referentie:probleem:${this.code.toLowerCase()}`,
      title: TITELS[this.status] ?? 'Fout',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.opties.regel ? { regel: this.opties.regel } : {}),
      ...(this.opties.fouten ? { fouten: this.opties.fouten } : {}),
    };
  }
}

export function vanWeigering(w: Weigering): Probleemfout {
  return new Probleemfout(w.status, w.melding, { regel: w.regel, ...(w.fouten ? { fouten: w.fouten } : {}) });
}

/** Throws the refusal when there is one: `weiger(weigerBsn(bsn))`. */
export function weiger(w: Weigering | null): void {
  if (w) throw vanWeigering(w);
}

export function stuurProbleem(reply: FastifyReply, fout: Probleemfout): FastifyReply {
  for (const [naam, waarde] of Object.entries(fout.opties.headers ?? {})) reply.header(naam, waarde);
  return reply.code(fout.status).type('application/problem+json; charset=utf-8').send(fout.lichaam());
}

export const nietGevonden = (detail = 'Dit onderdeel bestaat niet.') => new Probleemfout(404, detail);

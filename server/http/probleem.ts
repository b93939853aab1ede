import type { FastifyReply } from 'fastify';
import { ISI_CODES, isiProbleem } from '../../shared/probleem';
import type { RegelId, Veldfout, Weigering } from '../../shared/rules/weigering';

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
    return this.opties.code ?? ISI_CODES[this.status] ?? 'FOUT';
  }

  lichaam(): Record<string, unknown> {
    return isiProbleem(this.status, this.detail, { code: this.code, regel: this.opties.regel, fouten: this.opties.fouten });
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

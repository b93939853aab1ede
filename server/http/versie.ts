import type { FastifyReply, FastifyRequest } from 'fastify';
import { Probleemfout } from './probleem';

/** `ETag` carries the person's `versie`, as a strong entity tag. */
export function zetEtag(reply: FastifyReply, versie: number): void {
  reply.header('ETag', `"${versie}"`);
}

/**
 * Optimistic concurrency: when the client sends `If-Match`, it must name the current version
 * (`"3"`, `W/"3"`, `3` or `*`); without it the write goes ahead, as HTTP's conditional requests do.
 */
export function controleerIfMatch(req: FastifyRequest, versie: number): void {
  const kop = req.headers['if-match'];
  if (kop === undefined) return;
  const waarden = String(kop).split(',').map((w) => w.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (waarden.includes('*') || waarden.includes(String(versie))) return;
  throw new Probleemfout(412, 'De gegevens van deze persoon zijn intussen gewijzigd. Open de persoon opnieuw, controleer de gegevens en voer uw wijziging opnieuw in.', {
    headers: { ETag: `"${versie}"` },
  });
}

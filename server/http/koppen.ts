import { API_VERSIE } from '../versie';
import type { Toegang } from './route';

/** Response headers that only some operations send; the OpenAPI description of a route names them. */
export type Eigenkop = 'ETag' | 'Location' | 'Content-Disposition' | 'Access-Control-Allow-Origin' | 'ISI-Cursor' | 'ISI-Meer';

export type Kopnaam =
  | 'API-Version' | 'Cache-Control' | 'X-Content-Type-Options' | 'X-Frame-Options' | 'Content-Security-Policy'
  | 'Sessie-Verloopt-Op' | 'WWW-Authenticate' | 'Retry-After' | 'Idempotent-Replayed' | Eigenkop;

interface Kop {
  naam: Kopnaam;
  /** Its name under `components.headers` (no dashes, so it reads as an identifier). */
  component: string;
  declaratie: { description: string; required: boolean; schema: Record<string, unknown> };
}

const kop = (naam: Kopnaam, description: string, schema: Record<string, unknown>, required = true): Kop => ({
  naam, component: naam.replaceAll('-', ''), declaratie: { description, required, schema },
});

/** The response headers of the reference server, as its OpenAPI document declares them. */
export const KOPPEN: Record<Kopnaam, Kop> = {
  'API-Version': kop('API-Version', 'De volledige versie van de API (/core/version-header), gelijk aan info.version.', { type: 'string', const: API_VERSIE }),
  'Cache-Control': kop('Cache-Control', 'Antwoorden worden nooit bewaard (/core/transport/security-headers).', { type: 'string', const: 'no-store' }),
  'X-Content-Type-Options': kop('X-Content-Type-Options', 'Geen MIME-sniffing (/core/transport/security-headers).', { type: 'string', const: 'nosniff' }),
  'X-Frame-Options': kop('X-Frame-Options', 'Nooit in een frame (/core/transport/security-headers).', { type: 'string', const: 'DENY' }),
  'Content-Security-Policy': kop('Content-Security-Policy', 'Nooit in een frame (/core/transport/security-headers).', { type: 'string', const: "frame-ancestors 'none'" }),
  'Sessie-Verloopt-Op': kop('Sessie-Verloopt-Op', 'Wanneer de sessie verloopt als zij niet meer wordt gebruikt (ISO 8601, UTC); elk verzoek zonder Sessie-Gebruik: achtergrond verlengt haar, tot het einde van haar levensduur.', { type: 'string', format: 'date-time' }),
  'WWW-Authenticate': kop('WWW-Authenticate', 'Het schema waarmee u inlogt: een Bearer-token uit POST /sessies.', { type: 'string', const: 'Bearer' }),
  'Retry-After': kop('Retry-After', 'Het aantal seconden waarna u het opnieuw kunt proberen.', { type: 'string', pattern: '^\\d+$' }),
  'Idempotent-Replayed': kop('Idempotent-Replayed', 'Alleen bij een herhaald verzoek met dezelfde Idempotency-Key: dit is het bewaarde eerste antwoord.', { type: 'string', const: 'true' }, false),
  ETag: kop('ETag', 'De versie van de persoon, als sterke entity tag; stuur haar terug in If-Match.', { type: 'string', pattern: '^"\\d+"$' }),
  Location: kop('Location', 'Het adres van wat is aangemaakt.', { type: 'string', format: 'uri-reference' }),
  'Content-Disposition': kop('Content-Disposition', 'Een download, met de bestandsnaam.', { type: 'string', pattern: '^attachment; filename=' }),
  'Access-Control-Allow-Origin': kop('Access-Control-Allow-Origin', 'Elke herkomst mag dit document lezen (/core/publish-openapi).', { type: 'string', const: '*' }),
  'ISI-Cursor': kop('ISI-Cursor', 'De cursor van deze pagina wijzigingen (gelijk aan cursor in het antwoord): vraag er de volgende pagina mee zonder deze eerst te lezen.', { type: 'string' }),
  'ISI-Meer': kop('ISI-Meer', 'Of er na deze pagina wijzigingen meer komen (gelijk aan meer in het antwoord).', { type: 'string', enum: ['true', 'false'] }),
};

/**
 * The headers of one answer. Every answer has API-Version and the security headers; with a valid
 * session (past 401 and 429) Sessie-Verloopt-Op; a refused session WWW-Authenticate; 429
 * Retry-After. A write with a session may be a replay of a stored answer, which is every answer
 * its handler gives: not those of the hooks before it (401, 413, 415, 422, 429).
 */
export function antwoordkoppen(a: { toegang: Toegang; methode: string; status: number; eigen: readonly Eigenkop[] }): Kopnaam[] {
  const open = a.toegang === 'open';
  return [
    'API-Version', 'Cache-Control', 'X-Content-Type-Options', 'X-Frame-Options', 'Content-Security-Policy',
    ...(!open && a.status !== 401 && a.status !== 429 ? ['Sessie-Verloopt-Op' as const] : []),
    ...(!open && a.status === 401 ? ['WWW-Authenticate' as const] : []),
    ...(a.status === 429 ? ['Retry-After' as const] : []),
    ...(!open && a.methode !== 'GET' && ![401, 413, 415, 422, 429].includes(a.status) ? ['Idempotent-Replayed' as const] : []),
    ...a.eigen,
  ];
}

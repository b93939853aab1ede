import { expect, type Page } from '@playwright/test';
import { controlegetal } from '../../shared/formats/controlegetal';
import { Wijzigingen } from '../../shared/schemas/api';
import { volgendeTotpCode } from '../helpers/totp';
import { isiKlok } from './isi-klok';

/**
 * Checks on the server side, past the app: a session of its own on the reference server
 * (demo users share the TOTP secret), and one JSON call at a time.
 */
export async function isiSessie(isiUrl: string, gebruikersnaam: 'demo-muteren' | 'demo-raadplegen' = 'demo-muteren'): Promise<string> {
  const r = await fetch(`${isiUrl}/api/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam, wachtwoord: 'demo', totp: await volgendeTotpCode('JBSWY3DPEHPK3PXP', `${isiUrl}|${gebruikersnaam}`, isiKlok(isiUrl)) }),
  });
  expect(r.status, await r.clone().text()).toBe(201);
  return ((await r.json()) as { token: string }).token;
}

export async function isi<T = any>(isiUrl: string, token: string, methode: string, pad: string, body?: unknown): Promise<{ status: number; body: T; tekst: string }> {
  const r = await fetch(`${isiUrl}${pad}`, {
    method: methode,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const tekst = await r.text();
  return { status: r.status, tekst, body: ((r.headers.get('content-type') ?? '').includes('json') && tekst ? JSON.parse(tekst) : tekst) as T };
}

/** A person made exactly as a test needs it, through the reference server's demo simulation. */
export async function simulatiePersoon(isiUrl: string, persoon: Record<string, unknown>): Promise<{ id: string; bsn: string; versie: number }> {
  const r = await isi<{ id: string; bsn: string; versie: number }>(isiUrl, await isiSessie(isiUrl), 'POST', '/api/v1/simulatie/personen', persoon);
  expect(r.status, r.tekst).toBe(201);
  return r.body;
}

/** R-GEM-1: the gemeente the app works for, chosen in the bar at the top. */
export async function kiesGemeente(page: Page, naam: string): Promise<void> {
  const keuze = page.getByTestId('gekozen-gemeente');
  if ((await keuze.textContent())?.includes(naam)) return;
  await keuze.click();
  await page.getByRole('option', { name: naam }).click();
  await expect(keuze).toContainText(naam);
}

/** An item of the start screen "Inburgering" (R-ROL-2). */
export async function openOnderdeel(page: Page, titel: string): Promise<void> {
  await page.getByTestId('menu').getByRole('link', { name: titel }).click();
}

/** ISI's own data as a full sync brings them, validated as the cache validates them: its check number (shared/formats/controlegetal.ts). */
export async function controlegetalBijIsi(isiUrl: string, gc: string): Promise<string> {
  const token = await isiSessie(isiUrl);
  const personen: { id: string }[] = [];
  const signalen: { id: string }[] = [];
  let cursor: string | null = null;
  for (;;) {
    const q = new URLSearchParams({ limiet: '5000', ...(cursor ? { vanaf: cursor } : {}) });
    const r = await fetch(`${isiUrl}/api/v1/gemeenten/${gc}/wijzigingen?${q}`, { headers: { authorization: `Bearer ${token}` } });
    const p = Wijzigingen.parse(await r.json());
    personen.push(...p.personen);
    signalen.push(...p.signalen);
    cursor = p.cursor;
    if (!p.meer) return controlegetal(personen, signalen);
  }
}

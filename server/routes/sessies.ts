import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { inlogmethode, MELDING_INLOGGEN_MISLUKT, MINIMALE_WACHTWOORDLENGTE, weigerVerlopenActivatiecode } from '../../shared/rules/auth';
import { Activatie, ActivatieAanvraag, SessieAanvraag, SessieMetSleutel, SessieMetWachtwoord, Sessie } from '../../shared/schemas/api';
import { controleerTotp, nieuwTotpGeheim } from '../auth/totp';
import { controleerWachtwoord, controleerZonderAccount, hashWachtwoord } from '../auth/wachtwoord';
import { beeindigSessie, laadGebruiker, maakSessie, ruimSessiesOp } from '../auth/sessies';
import { rekeningnummer } from '../domein/gemeenten';
import { Vertrager } from '../http/begrenzer';
import { Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import { valideer } from '../http/valideer';
import type { Omgeving } from '../omgeving';

const VIJFTIEN_MINUTEN = 15 * 60_000;
const VIJF_MINUTEN = 5 * 60_000;

export function activatiecodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

export function nieuweActivatiecode(): string {
  const tekens = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const code = [...bytes].map((b) => tekens[b % tekens.length]).join('');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

export function sessieRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving, opties: { mislukteLogins: number }): void {
  // Growing delays, never a hard block (issue 12, finding 5). The pair of account and address
  // slows one guesser down most; the account alone (from any address) and the address alone (a
  // gemeente behind one NAT address) only after many more failures and at most a few minutes,
  // so someone else's failures cannot keep a colleague out for long.
  const klokMs = () => klok.nuEcht();
  const perPaar = new Vertrager(Math.max(1, opties.mislukteLogins - 2), VIJFTIEN_MINUTEN, VIJFTIEN_MINUTEN, { klok: klokMs });
  const perAccount = new Vertrager(opties.mislukteLogins * 2, VIJF_MINUTEN, VIJFTIEN_MINUTEN, { klok: klokMs });
  const perAdres = new Vertrager(opties.mislukteLogins * 4, VIJF_MINUTEN, VIJFTIEN_MINUTEN, { klok: klokMs });
  app.addHook('onClose', async () => {
    for (const v of [perPaar, perAccount, perAdres]) v.stop();
  });

  function controleerTempo(account: string, adres: string, nu: number): void {
    const wacht = Math.max(perPaar.wachttijd(`${account}|${adres}`, nu), perAccount.wachttijd(account, nu), perAdres.wachttijd(adres, nu));
    if (wacht > 0) {
      const over = wacht >= 120 ? `${Math.ceil(wacht / 60)} minuten` : `${wacht} seconden`;
      throw new Probleemfout(429, `Te veel mislukte pogingen. Probeer het over ${over} opnieuw.`, { headers: { 'Retry-After': String(wacht) } });
    }
  }

  function telFout(log: FastifyBaseLogger, account: string, adres: string, nu: number): void {
    const wacht = Math.max(perPaar.tel(`${account}|${adres}`, nu), perAccount.tel(account, nu), perAdres.tel(adres, nu));
    // Who was slowed down and for how long, for the beheerder reading the log; never a password or code.
    if (wacht > 0) log.warn({ inlogvertraging: { account, adres, wachtSeconden: wacht } }, 'mislukte pogingen: vertraagd');
  }

  function mislukt(log: FastifyBaseLogger, account: string, adres: string, nu: number): never {
    telFout(log, account, adres, nu);
    throw new Probleemfout(401, MELDING_INLOGGEN_MISLUKT);
  }

  definieer(app, catalogus, {
    methode: 'POST',
    pad: '/api/v1/sessies',
    toegang: 'open',
    tag: 'Sessies',
    samenvatting: 'Inloggen met wachtwoord en TOTP (eHerkenning EH3) of met een CVS-applicatiesleutel (R-AUTH-1)',
    body: SessieAanvraag,
    regel: 'R-AUTH-1',
    antwoord: { status: 201, schema: Sessie },
    weigeringen: [400, 401, 429],
    handler: ({ req }) => {
      const ruw = (req.body ?? {}) as Record<string, unknown>;
      const methode = inlogmethode(ruw);
      const nu = klok.nuEcht();
      const adres = `ip:${req.ip}`;
      let gebruikersnaam: string;
      if (methode === 'CVS') {
        const invoer = valideer(SessieMetSleutel, ruw, 'R-AUTH-1');
        gebruikersnaam = invoer.applicatiesleutel;
        controleerTempo(`u:${gebruikersnaam}`, adres, nu);
        const rij = db.prepare("SELECT wachtwoord_hash FROM gebruikers WHERE gebruikersnaam = ? AND soort = 'CVS'").get(gebruikersnaam) as { wachtwoord_hash: string | null } | undefined;
        const goed = rij ? controleerWachtwoord(invoer.wachtwoord, rij.wachtwoord_hash) : controleerZonderAccount(invoer.wachtwoord);
        if (!goed) mislukt(req.log, `u:${gebruikersnaam}`, adres, nu);
      } else {
        const invoer = valideer(SessieMetWachtwoord, ruw, 'R-AUTH-1');
        gebruikersnaam = invoer.gebruikersnaam;
        controleerTempo(`u:${gebruikersnaam}`, adres, nu);
        const rij = db.prepare("SELECT wachtwoord_hash, totp_geheim, totp_laatste_stap FROM gebruikers WHERE gebruikersnaam = ? AND soort = 'PERSOON'").get(gebruikersnaam) as
          | { wachtwoord_hash: string | null; totp_geheim: string | null; totp_laatste_stap: number | null }
          | undefined;
        const wachtwoordGoed = rij ? controleerWachtwoord(invoer.wachtwoord, rij.wachtwoord_hash) : controleerZonderAccount(invoer.wachtwoord);
        const stap = controleerTotp(rij?.totp_geheim ?? null, invoer.totp, nu, rij?.totp_laatste_stap ?? null);
        if (!wachtwoordGoed || stap === null) mislukt(req.log, `u:${gebruikersnaam}`, adres, nu);
        // Only a login that succeeds uses up its step (R-AUTH-1, RFC 6238 §5.2); the condition
        // keeps it so even if two logins with one code were ever checked side by side.
        const gebruikt = db.prepare('UPDATE gebruikers SET totp_laatste_stap = ? WHERE gebruikersnaam = ? AND (totp_laatste_stap IS NULL OR totp_laatste_stap < ?)').run(stap, gebruikersnaam, stap);
        if (gebruikt.changes !== 1) mislukt(req.log, `u:${gebruikersnaam}`, adres, nu);
      }
      perPaar.wis(`u:${gebruikersnaam}|${adres}`);
      const gebruiker = laadGebruiker(db, gebruikersnaam);
      if (!gebruiker) throw new Probleemfout(401, MELDING_INLOGGEN_MISLUKT);
      ruimSessiesOp(db, nu);
      const { token, verlooptOp } = maakSessie(db, gebruikersnaam, nu);
      return {
        token,
        verlooptOp,
        gebruiker: {
          gebruikersnaam: gebruiker.gebruikersnaam,
          naam: gebruiker.naam,
          rollen: gebruiker.rollen,
          gemeenten: gebruiker.gemeenten.map((g) => ({ ...g, rekeningnummerBekend: rekeningnummer(db, g.code) !== null })),
          ...(gebruiker.beheerderVan.length > 0 ? { beheerderVan: gebruiker.beheerderVan } : {}),
        },
      };
    },
  });

  definieer(app, catalogus, {
    methode: 'DELETE',
    pad: '/api/v1/sessies/huidig',
    toegang: 'sessie',
    tag: 'Sessies',
    samenvatting: 'Uitloggen',
    antwoord: { status: 204 },
    weigeringen: [401],
    handler: ({ req }) => {
      beeindigSessie(db, (req.headers.authorization ?? '').slice(7).trim());
    },
  });

  definieer(app, catalogus, {
    methode: 'POST',
    pad: '/api/v1/activaties',
    toegang: 'open',
    tag: 'Sessies',
    samenvatting: 'Account activeren met gebruikersnaam en activatiecode (R-AUTH-2); geeft het TOTP-geheim',
    body: ActivatieAanvraag,
    regel: 'R-AUTH-2',
    antwoord: { status: 201, schema: Activatie },
    weigeringen: [400, 409, 429],
    handler: ({ req, body }) => {
      const nu = klok.nuEcht();
      const account = `act:${body.gebruikersnaam}`;
      controleerTempo(account, `ip:${req.ip}`, nu);
      const rij = db.prepare('SELECT geldig_tot, gebruikt FROM activatiecodes WHERE code_hash = ? AND gebruikersnaam = ?').get(activatiecodeHash(body.activatiecode), body.gebruikersnaam) as
        | { geldig_tot: string; gebruikt: number }
        | undefined;
      if (!rij || rij.gebruikt === 1) {
        telFout(req.log, account, `ip:${req.ip}`, nu);
        throw new Probleemfout(400, 'Deze combinatie van gebruikersnaam en activatiecode is niet bekend. Controleer de gegevens of vraag uw Mijn DUO-beheerder om een nieuwe activatiecode.', { regel: 'R-AUTH-2' });
      }
      weiger(weigerVerlopenActivatiecode(new Date(rij.geldig_tot), klok.nu()));
      if (body.wachtwoord.length < MINIMALE_WACHTWOORDLENGTE) {
        throw new Probleemfout(400, `Kies een wachtwoord van minimaal ${MINIMALE_WACHTWOORDLENGTE} tekens.`, {
          regel: 'R-AUTH-2',
          fouten: [{ veld: 'wachtwoord', code: 'TE_KORT', melding: `Kies een wachtwoord van minimaal ${MINIMALE_WACHTWOORDLENGTE} tekens.` }],
        });
      }
      const totpGeheim = nieuwTotpGeheim();
      db.transaction(() => {
        db.prepare('UPDATE gebruikers SET wachtwoord_hash = ?, totp_geheim = ? WHERE gebruikersnaam = ?').run(hashWachtwoord(body.wachtwoord), totpGeheim, body.gebruikersnaam);
        db.prepare('UPDATE activatiecodes SET gebruikt = 1 WHERE gebruikersnaam = ?').run(body.gebruikersnaam);
      })();
      return { totpGeheim };
    },
  });
}


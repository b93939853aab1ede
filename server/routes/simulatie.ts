import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dagenTussen, plusDagen, plusMaanden } from '../../shared/datum';
import { weigerBsn } from '../../shared/rules/bsn';
import { Gebeurtenis, GemeenteRef, Klok, Persoon, SignaalCode, SimulatieGemeente, SimulatiePersoon, UitgaandeMail } from '../../shared/schemas/api';
import { haalDagwerkIn } from '../domein/dagwerk';
import { verwerkGebeurtenis } from '../domein/gebeurtenissen';
import { bestaatGemeente, gemeenteNaam } from '../domein/gemeenten';
import { leesPersoonInGemeente, leesPersoonOpBsn, naarPersoon } from '../domein/personen';
import { voegPersoonToe, vrijeTestBsn } from '../domein/nieuwePersoon';
import { maakSignaal } from '../domein/signalen';
import { nietGevonden, Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';

const MAX_KLOKSTAP_DAGEN = 3_660;

const gemeentecodeVan = (g: string | { code: string } | null | undefined): string | null | undefined => (g === null || g === undefined ? g : typeof g === 'string' ? g : g.code);

/** Demo mode only: lets tests, training and demos build any situation and move time forward. */
/** At most an hour per call: enough for a TOTP step, too little to end every session by accident. */
const TijdStap = z.strictObject({ vooruitSeconden: z.number().int().min(1).max(3600) }).meta({ id: 'TijdStap' });

export function simulatieRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/simulatie/personen', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'Een persoon met willekeurige gegevens aanmaken (ook DUO-velden); BSN gegenereerd als die ontbreekt',
    body: SimulatiePersoon,
    antwoord: { status: 201, schema: Persoon }, weigeringen: [400, 401, 409],
    handler: ({ body, gebruiker }) => {
      const gc = body.gemeentecode;
      const onbekend = [gc, gemeentecodeVan(body.gemeenteEersteVestiging), gemeentecodeVan(body.gemeenteEindePvt), ...(body.vorigeGemeenten ?? [])]
        .filter((c): c is string => typeof c === 'string' && !bestaatGemeente(db, c));
      if (onbekend.length > 0) throw new Probleemfout(400, `Onbekende gemeente: ${[...new Set(onbekend)].join(', ')}.`);
      if (body.bsn !== undefined) {
        weiger(weigerBsn(body.bsn));
        if (leesPersoonOpBsn(db, body.bsn)) throw new Probleemfout(409, 'Er bestaat al een persoon met dit burgerservicenummer.', { code: 'BESTAAT_AL' });
      }
      const vandaag = klok.vandaag();
      const pvtPlichtig = body.pvtPlichtig !== undefined ? body.pvtPlichtig : 'J';
      const start = body.datumStartPvtPlicht !== undefined ? body.datumStartPvtPlicht : pvtPlichtig === 'J' ? vandaag : null;
      const einde = body.datumEindePvtPlicht !== undefined ? body.datumEindePvtPlicht : start ? plusDagen(plusMaanden(start, 12), -1) : null;
      // VOORMALIG: the person lived in `gemeentecode` and now lives in another gemeente (the first other one known).
      const woont = body.verblijf === 'VOORMALIG'
        ? (db.prepare('SELECT code FROM gemeenten WHERE code != ? ORDER BY code').get(gc) as { code: string }).code
        : gc;
      const id = db.transaction(() => {
        const id = voegPersoonToe(db, {
          bsn: body.bsn ?? vrijeTestBsn(db),
          voornamen: body.voornamen ?? 'Test',
          voorvoegsels: body.voorvoegsels ?? null,
          achternaam: body.achternaam ?? 'Simulatiepersoon',
          geslacht: body.geslacht ?? 0,
          geboortedatum: body.geboortedatum ?? '1990-01-01',
          wet: body.wet ?? 'WI2013',
          inburgeringsplichtig: body.inburgeringsplichtig ?? true,
          gemeentecode: woont,
          vorigeGemeenten: [...(body.vorigeGemeenten ?? []), ...(woont !== gc ? [gc] : [])],
          overleden: body.overleden ?? false,
          uitgeschreven: body.uitgeschreven ?? false,
          lening: body.lening ?? false,
          gemeenteEersteVestiging: gemeentecodeVan(body.gemeenteEersteVestiging) ?? (body.gemeenteEersteVestiging === null ? null : gc),
          gemeenteEindePvt: gemeentecodeVan(body.gemeenteEindePvt) ?? null,
          pvtPlichtig,
          datumStartPvtPlicht: start,
          datumEindePvtPlicht: einde,
          datumStartDeelname: body.datumStartDeelname ?? null,
          datumEindeDeelname: body.datumEindeDeelname ?? null,
          datumVoldaan: body.datumVoldaan ?? null,
          redenNietVoldaan: body.redenNietVoldaan ?? null,
          datumRegistratie: body.datumRegistratie !== undefined ? body.datumRegistratie : body.datumVoldaan || body.redenNietVoldaan ? vandaag : null,
          registratieDefinitief: body.registratieDefinitief ?? false,
          rechtOpMb: body.rechtOpMb ?? null,
          datumMbGemeldBijBzk: body.datumMbGemeldBijBzk ?? null,
          factuur: body.factuur
            ? { factuurnummer: body.factuur.factuurnummer, factuurdatum: body.factuur.factuurdatum, debiteurnummer: body.factuur.debiteurnummer ?? null, status: body.factuur.status ?? 2, geaccepteerd: body.factuur.geaccepteerd ?? false }
            : null,
        });
        // R-SIG-10: becoming PVT-plichtig raises SS601 in the gemeente where the person lives.
        if (pvtPlichtig === 'J' && (body.wet ?? 'WI2013') === 'WI2013') {
          maakSignaal(db, { persoonId: id, gemeentecode: woont, code: 'SS601', datum: start ?? vandaag, sleutel: 'pvt-plichtig' });
        }
        return id;
      })();
      const p = leesPersoonInGemeente(db, id, gc);
      if (!p) {
        const rij = db.prepare('SELECT id FROM personen WHERE id = ?').get(id) as { id: string };
        return { id: rij.id };
      }
      return naarPersoon(db, p, gc, gebruiker.rollen);
    },
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/simulatie/klok', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'De serverdatum vooruitzetten en DUO\'s dagwerk uitvoeren voor elke verstreken dag',
    body: Klok,
    antwoord: { status: 200, schema: z.object({ vandaag: z.string(), dagen: z.number().int(), signalen: z.number().int(), definitief: z.number().int(), opgeschoond: z.number().int() }) },
    weigeringen: [400, 401, 409],
    handler: ({ body }) => {
      if (body.vandaag < klok.vandaag()) throw new Probleemfout(409, `De datum kan alleen vooruit: vandaag is het ${klok.vandaag()}.`);
      // Each day runs DUO's daily work; a bounded step keeps one call from holding the server.
      if (dagenTussen(klok.vandaag(), body.vandaag) > MAX_KLOKSTAP_DAGEN) {
        throw new Probleemfout(400, `Zet de klok in stappen van hoogstens ${MAX_KLOKSTAP_DAGEN} dagen vooruit.`, { fouten: [{ veld: 'vandaag', code: 'TE_GROTE_STAP', melding: `Hoogstens ${MAX_KLOKSTAP_DAGEN} dagen per keer.` }] });
      }
      const verslagen = haalDagwerkIn(db, body.vandaag);
      klok.zetVandaag(body.vandaag);
      return {
        vandaag: body.vandaag,
        dagen: verslagen.length,
        signalen: verslagen.reduce((n, v) => n + v.signalen, 0),
        definitief: verslagen.reduce((n, v) => n + v.definitief, 0),
        opgeschoond: verslagen.reduce((n, v) => n + v.opgeschoond, 0),
      };
    },
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/simulatie/tijd', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'De echte tijd van de server vooruitzetten (TOTP-stappen, inactieve sessies), bijvoorbeeld om een gebruiker binnen 30 seconden opnieuw te laten inloggen',
    body: TijdStap,
    antwoord: { status: 200, schema: z.object({ nu: z.string() }) },
    weigeringen: [400, 401],
    handler: ({ body }) => {
      klok.verzetEcht(body.vooruitSeconden * 1000);
      return { nu: new Date(klok.nuEcht()).toISOString() };
    },
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/simulatie/gebeurtenissen', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'Een DUO-gebeurtenis op een persoon; maakt de signalen die de regel noemt (R-SIG-10)',
    body: Gebeurtenis,
    antwoord: { status: 201, schema: z.object({ id: z.string(), persoonId: z.string(), signalen: z.array(z.object({ id: z.string(), code: SignaalCode, gemeentecode: z.string() })) }) },
    weigeringen: [400, 401, 404, 409],
    handler: ({ body }) => {
      weiger(weigerBsn(body.bsn));
      const p = leesPersoonOpBsn(db, body.bsn);
      if (!p) throw nietGevonden('Er is geen persoon met dit burgerservicenummer.');
      const id = randomUUID();
      const signalen = verwerkGebeurtenis(db, p, body, klok.vandaag(), klok.nu().toISOString(), id);
      return { id, persoonId: p.id, signalen };
    },
  });

  definieer(app, catalogus, {
    methode: 'PUT', pad: '/api/v1/simulatie/gemeenten/:gemeentecode', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'Het rekeningnummer van een gemeente bij DUO zetten of wissen (R-FAC-3)',
    body: SimulatieGemeente,
    antwoord: { status: 200, schema: GemeenteRef.extend({ rekeningnummer: z.string().nullable() }) }, weigeringen: [400, 401, 404],
    handler: ({ body, params }) => {
      const gc = params.gemeentecode!;
      if (!/^\d{4}$/.test(gc) || !bestaatGemeente(db, gc)) throw nietGevonden('Deze gemeente bestaat niet.');
      db.prepare('UPDATE gemeenten SET rekeningnummer = ? WHERE code = ?').run(body.rekeningnummer, gc);
      return { ...gemeenteNaam(db, gc)!, rekeningnummer: body.rekeningnummer };
    },
  });

  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/simulatie/uitgaande-mail', toegang: 'sessie', tag: 'Simulatie',
    samenvatting: 'De e-mails die de server "verstuurde", nieuwste eerst: die de eigen handelingen veroorzaakten, voor een beheerder ook die van de gebruikers die hij beheert',
    antwoord: { status: 200, schema: z.array(UitgaandeMail) }, weigeringen: [401],
    // Issue 12, finding 11 (API.md): never another user's activation code.
    handler: ({ gebruiker }) =>
      (db.prepare(`SELECT id, aan, onderwerp, inhoud, verzonden_op FROM uitgaande_mail
        WHERE veroorzaakt_door = @ik OR veroorzaakt_door IN (
          SELECT gg.gebruikersnaam FROM gebruiker_gemeenten gg
          WHERE gg.gemeentecode IN (SELECT gemeentecode FROM gebruiker_gemeenten WHERE gebruikersnaam = @ik AND beheerder = 1))
        ORDER BY verzonden_op DESC, rowid DESC`).all({ ik: gebruiker.gebruikersnaam }) as { id: string; aan: string; onderwerp: string; inhoud: string; verzonden_op: string }[])
        .map((m) => ({ id: m.id, aan: m.aan, onderwerp: m.onderwerp, inhoud: m.inhoud, verzondenOp: m.verzonden_op })),
  });
}

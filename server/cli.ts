import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isGeldigeDatum } from '../shared/datum';
import { isGemeentecode } from '../shared/rules/gemeente';
import { ROLLEN, type Rol } from '../shared/rules/rollen';
import { activatiecodeGeldigTot } from '../shared/rules/auth';
import { hashWachtwoord } from './auth/wachtwoord';
import { openDatabase } from './db/database';
import { activatiecodeHash, nieuweActivatiecode } from './routes/sessies';
import { maakIsi } from './start';

const HULP = `ISI-referentieserver

  npm run server -- [--demo] [--port 8080] [--host 127.0.0.1] [--db PAD|:memory:] [--vandaag JJJJ-MM-DD] [--personen N] [--idempotentie-dagen 30] [--sessie-max-uren 10] [--stil]
      Start de server. Met --demo: demogemeenten, demogebruikers, een synthetisch bestand personen en
      /api/v1/simulatie/*. Standaard database: :memory: met --demo, anders data/isi.db.
      --idempotentie-dagen: hoe lang een Idempotency-Key bewaard blijft (standaard 30, minimaal 15:
      langer dan een client een wijziging opnieuw mag versturen).
      --sessie-max-uren: hoe lang een sessie ten hoogste duurt, hoe actief ook (standaard 10, 1 tot 24).

Beheer (zonder --demo; eerst een gemeente, dan haar Mijn DUO-beheerder):
  npm run server -- gemeente --db PAD --code 0014 --naam Groningen [--rekeningnummer NL..]
  npm run server -- beheerder --db PAD --gebruikersnaam NAAM --naam "Volledige naam" --email ADRES --gemeenten 0014[,0034]
      Drukt een activatiecode af (24 uur geldig); de beheerder activeert met POST /api/v1/activaties.
  npm run server -- cvs-sleutel --db PAD --gemeente 0014 [--rollen WI2013,WI2013MUT]
      Maakt een applicatiesleutel met wachtwoord voor een cliëntvolgsysteem en drukt beide af.
`;

function fout(melding: string): never {
  process.stderr.write(`${melding}\n\n${HULP}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string' },
    vandaag: { type: 'string' },
    personen: { type: 'string' },
    'idempotentie-dagen': { type: 'string' },
    'sessie-max-uren': { type: 'string' },
    stil: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    code: { type: 'string' },
    naam: { type: 'string' },
    rekeningnummer: { type: 'string' },
    gebruikersnaam: { type: 'string' },
    email: { type: 'string' },
    gemeenten: { type: 'string' },
    gemeente: { type: 'string' },
    rollen: { type: 'string' },
  },
});

if (values.help) {
  process.stdout.write(HULP);
  process.exit(0);
}

const opdracht = positionals[0];
const dbPad = values.db ?? (values.demo ? ':memory:' : 'data/isi.db');

if (opdracht === 'gemeente') {
  if (!values.code || !isGemeentecode(values.code) || !values.naam) fout('Geef --code (4 cijfers) en --naam.');
  const db = openDatabase(dbPad);
  db.prepare('INSERT INTO gemeenten (code, naam, rekeningnummer) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, rekeningnummer = excluded.rekeningnummer')
    .run(values.code, values.naam, values.rekeningnummer ?? null);
  process.stdout.write(`Gemeente ${values.code} ${values.naam} opgeslagen in ${dbPad}.\n`);
} else if (opdracht === 'beheerder') {
  const gemeenten = (values.gemeenten ?? '').split(',').filter(Boolean);
  if (!values.gebruikersnaam || !values.naam || !values.email || gemeenten.length === 0) fout('Geef --gebruikersnaam, --naam, --email en --gemeenten.');
  const db = openDatabase(dbPad);
  for (const gc of gemeenten) if (!db.prepare('SELECT 1 FROM gemeenten WHERE code = ?').get(gc)) fout(`Gemeente ${gc} bestaat niet; maak haar eerst aan met 'gemeente'.`);
  const code = nieuweActivatiecode();
  const geldigTot = activatiecodeGeldigTot(new Date()).toISOString();
  db.transaction(() => {
    db.prepare("INSERT INTO gebruikers (gebruikersnaam, naam, email, soort, rollen, aangemaakt_op) VALUES (?, ?, ?, 'PERSOON', '[]', ?)").run(values.gebruikersnaam, values.naam, values.email, new Date().toISOString());
    for (const gc of gemeenten) db.prepare('INSERT INTO gebruiker_gemeenten (gebruikersnaam, gemeentecode, beheerder) VALUES (?, ?, 1)').run(values.gebruikersnaam, gc);
    db.prepare('INSERT INTO activatiecodes (code_hash, gebruikersnaam, geldig_tot) VALUES (?, ?, ?)').run(activatiecodeHash(code), values.gebruikersnaam, geldigTot);
  })();
  process.stdout.write(`Beheerder ${values.gebruikersnaam} aangemaakt. Activatiecode: ${code} (geldig tot ${geldigTot}).\n`);
} else if (opdracht === 'cvs-sleutel') {
  const gc = values.gemeente;
  if (!gc || !isGemeentecode(gc)) fout('Geef --gemeente (4 cijfers).');
  const rollen = (values.rollen ?? 'WI2013,WI2013MUT').split(',') as Rol[];
  if (rollen.some((r) => !(ROLLEN as readonly string[]).includes(r))) fout(`Onbekende rol; kies uit ${ROLLEN.join(', ')}.`);
  const db = openDatabase(dbPad);
  if (!db.prepare('SELECT 1 FROM gemeenten WHERE code = ?').get(gc)) fout(`Gemeente ${gc} bestaat niet; maak haar eerst aan met 'gemeente'.`);
  const sleutel = `cvs-${gc}-${randomBytes(4).toString('hex')}`;
  const wachtwoord = randomBytes(18).toString('base64url');
  db.transaction(() => {
    db.prepare("INSERT INTO gebruikers (gebruikersnaam, naam, soort, wachtwoord_hash, rollen, aangemaakt_op) VALUES (?, ?, 'CVS', ?, ?, ?)").run(sleutel, `Cliëntvolgsysteem ${gc}`, hashWachtwoord(wachtwoord), JSON.stringify(rollen), new Date().toISOString());
    db.prepare('INSERT INTO gebruiker_gemeenten (gebruikersnaam, gemeentecode, beheerder) VALUES (?, ?, 0)').run(sleutel, gc);
  })();
  process.stdout.write(`Applicatiesleutel: ${sleutel}\nWachtwoord: ${wachtwoord}\n(Bewaar het wachtwoord nu: het wordt alleen als hash opgeslagen.)\n`);
} else if (opdracht !== undefined) {
  fout(`Onbekende opdracht '${opdracht}'.`);
} else {
  if (values.vandaag !== undefined && !isGeldigeDatum(values.vandaag)) fout(`--vandaag ${values.vandaag} is geen geldige datum (JJJJ-MM-DD).`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fout(`--port ${values.port} is geen geldig poortnummer.`);
  const personen = values.personen === undefined ? undefined : Number(values.personen);
  if (personen !== undefined && (!Number.isInteger(personen) || personen < 0 || personen > 1_000_000)) fout('--personen moet een geheel getal van 0 tot 1.000.000 zijn.');
  const idempotentieDagen = values['idempotentie-dagen'] === undefined ? undefined : Number(values['idempotentie-dagen']);
  // The outbox of the app keeps a change up to 14 days: a server must remember its key longer.
  if (idempotentieDagen !== undefined && (!Number.isInteger(idempotentieDagen) || idempotentieDagen < 15 || idempotentieDagen > 3650)) fout('--idempotentie-dagen moet een geheel getal van 15 tot 3650 zijn.');
  const sessieMaxUren = values['sessie-max-uren'] === undefined ? undefined : Number(values['sessie-max-uren']);
  if (sessieMaxUren !== undefined && (!Number.isInteger(sessieMaxUren) || sessieMaxUren < 1 || sessieMaxUren > 24)) fout('--sessie-max-uren moet een geheel getal van 1 tot 24 zijn.');
  const begin = Date.now();
  const isi = await maakIsi({
    db: dbPad,
    demo: values.demo,
    ...(idempotentieDagen !== undefined ? { idempotentieDagen } : {}),
    ...(sessieMaxUren !== undefined ? { sessieMaxUren } : {}),
    ...(values.vandaag ? { vandaag: values.vandaag } : {}),
    ...(personen !== undefined ? { personen } : {}),
    ...(values.stil ? {} : { logStream: process.stdout }),
  });
  const adres = await isi.app.listen({ host: values.host, port });
  const soort = values.demo ? 'demo' : 'zonder demo';
  process.stdout.write(`ISI-referentieserver luistert op ${adres} (${soort}, vandaag ${isi.klok.vandaag()}, database ${dbPad}, gestart in ${Date.now() - begin} ms)\n`);
  const stop = async () => {
    await isi.app.close();
    process.exit(0);
  };
  // A close that fails still ends the process, with its cause on stderr rather than as an unhandled rejection.
  const stopBijSignaal = () => {
    stop().catch((fout: unknown) => {
      process.stderr.write(`Stoppen mislukt: ${(fout as Error).message}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stopBijSignaal);
  process.on('SIGTERM', stopBijSignaal);
}

/**
 * The schema of the reference server, as numbered migrations. A database file records the
 * highest applied number in `PRAGMA user_version`; at start-up every newer migration runs, each
 * in its own transaction. Never edit a released migration: add the next one.
 */
export const MIGRATIES: readonly string[] = [
  `
  CREATE TABLE gemeenten (
    code TEXT PRIMARY KEY CHECK (length(code) = 4),
    naam TEXT NOT NULL,
    rekeningnummer TEXT
  );
  CREATE TABLE gebruikers (
    gebruikersnaam TEXT PRIMARY KEY,
    naam TEXT NOT NULL,
    email TEXT,
    soort TEXT NOT NULL CHECK (soort IN ('PERSOON', 'CVS')),
    wachtwoord_hash TEXT,
    totp_geheim TEXT,
    rollen TEXT NOT NULL DEFAULT '[]',
    aangemaakt_op TEXT NOT NULL
  );
  CREATE TABLE gebruiker_gemeenten (
    gebruikersnaam TEXT NOT NULL REFERENCES gebruikers ON DELETE CASCADE,
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    beheerder INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (gebruikersnaam, gemeentecode, beheerder)
  );
  CREATE TABLE activatiecodes (
    code_hash TEXT PRIMARY KEY,
    gebruikersnaam TEXT NOT NULL REFERENCES gebruikers ON DELETE CASCADE,
    geldig_tot TEXT NOT NULL,
    gebruikt INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sessies (
    token_hash TEXT PRIMARY KEY,
    gebruikersnaam TEXT NOT NULL REFERENCES gebruikers ON DELETE CASCADE,
    laatst_actief INTEGER NOT NULL,
    aangemaakt INTEGER NOT NULL
  );
  CREATE TABLE teller (naam TEXT PRIMARY KEY, waarde INTEGER NOT NULL);
  INSERT INTO teller (naam, waarde) VALUES ('seq', 0);
  CREATE TABLE instellingen (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
  CREATE TABLE personen (
    nr INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    bsn TEXT NOT NULL UNIQUE CHECK (length(bsn) = 9),
    voornamen TEXT NOT NULL,
    voorvoegsels TEXT,
    achternaam TEXT NOT NULL,
    geslacht INTEGER NOT NULL CHECK (geslacht IN (0, 1, 2)),
    geboortedatum TEXT NOT NULL,
    wet TEXT NOT NULL CHECK (wet IN ('WI2007', 'WI2013', 'WI2021')),
    inburgeringsplichtig INTEGER NOT NULL,
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    overleden INTEGER NOT NULL DEFAULT 0,
    uitgeschreven INTEGER NOT NULL DEFAULT 0,
    lening INTEGER NOT NULL DEFAULT 0,
    gemeente_eerste_vestiging TEXT REFERENCES gemeenten,
    gemeente_einde_pvt TEXT REFERENCES gemeenten,
    pvt_plichtig TEXT CHECK (pvt_plichtig IN ('J', 'N')),
    datum_start_pvt_plicht TEXT,
    datum_einde_pvt_plicht TEXT,
    datum_start_deelname TEXT,
    datum_einde_deelname TEXT,
    datum_voldaan TEXT,
    reden_niet_voldaan TEXT,
    datum_registratie TEXT,
    registratie_definitief INTEGER NOT NULL DEFAULT 0,
    recht_op_mb TEXT CHECK (recht_op_mb IN ('J', 'N')),
    datum_mb_gemeld_bij_bzk TEXT,
    versie INTEGER NOT NULL DEFAULT 1,
    seq INTEGER NOT NULL
  );
  CREATE INDEX personen_einde_pvt ON personen (datum_einde_pvt_plicht);
  CREATE INDEX personen_registratie ON personen (registratie_definitief, datum_registratie);
  CREATE INDEX personen_seq ON personen (seq);
  -- The PIB of a gemeente: who lives there or lived there. Keyed by the person's integer row
  -- number, because a search joins every member of a large gemeente.
  CREATE TABLE persoon_gemeenten (
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    persoon_nr INTEGER NOT NULL REFERENCES personen (nr) ON DELETE CASCADE,
    verblijf TEXT NOT NULL CHECK (verblijf IN ('WOONACHTIG', 'VOORMALIG')),
    PRIMARY KEY (gemeentecode, persoon_nr)
  ) WITHOUT ROWID;
  CREATE INDEX persoon_gemeenten_persoon ON persoon_gemeenten (persoon_nr);
  CREATE TABLE facturen (
    persoon_id TEXT PRIMARY KEY REFERENCES personen (id) ON DELETE CASCADE,
    factuurnummer TEXT NOT NULL,
    factuurdatum TEXT NOT NULL,
    debiteurnummer TEXT,
    bedrag INTEGER NOT NULL,
    status INTEGER CHECK (status BETWEEN 1 AND 6),
    geaccepteerd INTEGER NOT NULL DEFAULT 0,
    status_gewijzigd_op TEXT
  );
  CREATE TABLE signalen (
    id TEXT PRIMARY KEY,
    persoon_id TEXT NOT NULL REFERENCES personen (id) ON DELETE CASCADE,
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    code TEXT NOT NULL,
    datum TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('NIEUW', 'IN_BEHANDELING', 'AFGEHANDELD')),
    status_gewijzigd_op TEXT,
    sleutel TEXT NOT NULL,
    seq INTEGER NOT NULL,
    UNIQUE (persoon_id, gemeentecode, code, sleutel)
  );
  CREATE INDEX signalen_gemeente ON signalen (gemeentecode, status);
  CREATE INDEX signalen_persoon ON signalen (persoon_id, gemeentecode);
  CREATE INDEX signalen_seq ON signalen (gemeentecode, seq);
  CREATE TABLE verwijderingen (
    seq INTEGER PRIMARY KEY,
    soort TEXT NOT NULL CHECK (soort IN ('PERSOON', 'SIGNAAL')),
    id TEXT NOT NULL,
    gemeentecode TEXT NOT NULL,
    datum TEXT NOT NULL
  );
  CREATE INDEX verwijderingen_gemeente ON verwijderingen (gemeentecode, seq);
  CREATE TABLE idempotentie (
    gebruikersnaam TEXT NOT NULL,
    sleutel TEXT NOT NULL,
    verzoek_hash TEXT NOT NULL,
    status INTEGER,
    headers TEXT,
    body TEXT,
    aangemaakt INTEGER NOT NULL,
    PRIMARY KEY (gebruikersnaam, sleutel)
  );
  CREATE TABLE bestanden (
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    bestandsnaam TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    datum TEXT NOT NULL,
    inhoud BLOB NOT NULL,
    PRIMARY KEY (gemeentecode, bestandsnaam)
  );
  CREATE TABLE bestellingen (
    bestelnummer TEXT PRIMARY KEY,
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    soort TEXT NOT NULL,
    aantal_sets INTEGER NOT NULL,
    contactpersoon TEXT NOT NULL,
    email TEXT NOT NULL,
    besteld_door TEXT NOT NULL,
    besteld_op TEXT NOT NULL
  );
  CREATE TABLE contactberichten (
    id TEXT PRIMARY KEY,
    gemeentecode TEXT NOT NULL REFERENCES gemeenten,
    naam TEXT NOT NULL,
    email TEXT NOT NULL,
    mag_bellen INTEGER NOT NULL,
    telefoonnummer TEXT,
    onderwerp TEXT NOT NULL,
    bericht TEXT NOT NULL,
    verzonden_door TEXT NOT NULL,
    ontvangen_op TEXT NOT NULL
  );
  CREATE TABLE uitgaande_mail (
    id TEXT PRIMARY KEY,
    aan TEXT NOT NULL,
    onderwerp TEXT NOT NULL,
    inhoud TEXT NOT NULL,
    verzonden_op TEXT NOT NULL
  );
  CREATE TABLE mutaties (
    id INTEGER PRIMARY KEY,
    tijd TEXT NOT NULL,
    gebruikersnaam TEXT NOT NULL,
    gemeentecode TEXT,
    actie TEXT NOT NULL,
    persoon_id TEXT,
    oud TEXT,
    nieuw TEXT
  );
  CREATE INDEX mutaties_persoon ON mutaties (persoon_id);
  `,
  // 2 (issue 12): the last TOTP time step each user logged in with, so no code counts twice (RFC 6238 §5.2).
  `
  ALTER TABLE gebruikers ADD COLUMN totp_laatste_stap INTEGER;
  `,
  // 3 (issue 12): Idempotency-Keys are kept for weeks now; expired ones are found by their age.
  `
  CREATE INDEX idempotentie_aangemaakt ON idempotentie (aangemaakt);
  `,
  // 4 (issue 12): whose action caused a mail, so the demo mailbox shows each session its own.
  `
  ALTER TABLE uitgaande_mail ADD COLUMN veroorzaakt_door TEXT;
  `,
];

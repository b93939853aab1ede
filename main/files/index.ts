// The files room (ARCHITECTURE.md: zip → CSV → XLSX, saved and kept track of): what the IPC
// handlers use.
export { converteerSignaalExport, converteerZip, schrijfLijst, type Lijstopties, type Werkboekbestand } from './converteer';
export { BestandFout, type BestandProbleemCode } from './fout';
export { bewaarBestand } from './opslag';
export { bestandenRegister, REGISTER_BESTANDSNAAM, type BestandenRegister, type GeschrevenBestand } from './register';
export { ZIP_GRENZEN, type ZipGrenzen } from './zip';

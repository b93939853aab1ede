// Loaded with `node --import` into the children `scripts/start.mjs` starts (the demo server and
// the browser-mode host), which know nothing of npm start: when npm start dies without stopping
// them, they stop themselves through their own SIGTERM handling, so the database closes cleanly.
import { bewaakOuder, ouderPid } from '../main/ouderbewaking';

const ouder = ouderPid();
if (ouder !== null) bewaakOuder(ouder, () => process.kill(process.pid, 'SIGTERM'));

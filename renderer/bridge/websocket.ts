import { uitFrame } from './frame';
import { bouwApi, type Antwoordbericht, type PibApi, type Uitkomst } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';

const GEEN_HOST: Uitkomst<never> = {
  ok: false,
  probleem: probleem({
    status: 0, code: 'GEEN_VERBINDING', title: 'Geen verbinding',
    detail: 'De verbinding met de applicatie is verbroken. Herlaad de pagina; wat u hebt ingevuld, blijft op het scherm staan tot dan. Helpt dat niet, open de app dan opnieuw via het startbestand of de link die npm run web toonde.',
  }),
};

const OPSLAG = 'pib-sleutel';

/**
 * Browser mode: the same `window.pib` as the preload gives, carried over the host's WebSocket.
 * Every secret opens one connection only (main/host/sleutels.ts). The first came in the URL
 * fragment and is taken out of the URL at once; each connection then brings the secret for the
 * next one, kept in sessionStorage (this tab only, gone with it), so a reload or a reconnect
 * after a drop still gets in while a secret read from anywhere else is already spent.
 */
export function websocketBrug(): PibApi {
  const uitFragment = new URLSearchParams(location.hash.slice(1)).get('sleutel');
  if (uitFragment) {
    sessionStorage.setItem(OPSLAG, uitFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  let volgende = 1;
  const wachtend = new Map<number, (u: Uitkomst<unknown>) => void>();
  let verbinding: Promise<WebSocket> | null = null;

  function verbind(): Promise<WebSocket> {
    verbinding ??= new Promise((klaar, faal) => {
      const geheim = sessionStorage.getItem(OPSLAG) ?? '';
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ipc`, ['pib', `sleutel.${geheim}`]);
      // A sync page comes as one binary frame (shared/frame.ts), read here without a copy.
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => klaar(ws);
      ws.onerror = () => faal(new Error('geen verbinding'));
      ws.onclose = () => {
        verbinding = null;
        for (const [id, los] of wachtend) {
          los(GEEN_HOST);
          wachtend.delete(id);
        }
      };
      ws.onmessage = (e) => {
        const bericht: { sleutel: string } | Antwoordbericht = uitFrame(e.data as string | ArrayBuffer);
        if ('sleutel' in bericht) {
          sessionStorage.setItem(OPSLAG, bericht.sleutel);
          return;
        }
        if (bericht.id === null) return;
        wachtend.get(bericht.id)?.(bericht.uitkomst);
        wachtend.delete(bericht.id);
      };
    });
    return verbinding;
  }

  return bouwApi(async (kanaal, args) => {
    let ws: WebSocket;
    try {
      ws = await verbind();
    } catch {
      verbinding = null;
      return GEEN_HOST;
    }
    const id = volgende++;
    return new Promise((klaar) => {
      wachtend.set(id, klaar);
      ws.send(JSON.stringify({ id, kanaal, args }));
    });
  });
}

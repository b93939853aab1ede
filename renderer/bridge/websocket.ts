import { bouwApi, type PibApi, type Uitkomst } from '../../shared/ipc';

const GEEN_HOST: Uitkomst<never> = {
  ok: false,
  probleem: { type: 'urn:pib:probleem:geen_host', title: 'Geen verbinding', status: 0, code: 'GEEN_VERBINDING', detail: 'De verbinding met de applicatie is verbroken. Herlaad de pagina; wat u hebt ingevuld, blijft op het scherm staan tot dan.' },
};

/**
 * Browser mode: the same `window.pib` as the preload gives, carried over the host's WebSocket.
 * The run's secret came in the URL fragment; it is kept for this tab only and taken out of the URL.
 */
export function websocketBrug(): PibApi {
  const uitFragment = new URLSearchParams(location.hash.slice(1)).get('sleutel');
  if (uitFragment) {
    sessionStorage.setItem('pib-sleutel', uitFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const sleutel = sessionStorage.getItem('pib-sleutel') ?? '';
  let volgende = 1;
  const wachtend = new Map<number, (u: Uitkomst<unknown>) => void>();
  let verbinding: Promise<WebSocket> | null = null;

  function verbind(): Promise<WebSocket> {
    verbinding ??= new Promise((klaar, faal) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ipc`, ['pib', `sleutel.${sleutel}`]);
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
        const { id, uitkomst } = JSON.parse(String(e.data)) as { id: number; uitkomst: Uitkomst<unknown> };
        wachtend.get(id)?.(uitkomst);
        wachtend.delete(id);
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

import { readFileSync } from 'node:fs';
import type { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { checkServerIdentity, type PeerCertificate, rootCertificates } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Policy } from './schemas';

/** What main's ISI client connects with: the policy's extra CAs and proxy, for ISI only. */
export interface IsiVerbinding {
  httpsAgent?: HttpsAgent | HttpAgent;
  /** The proxy used, for the log and the Instellingen screen ("rechtstreeks" when none). */
  proxy: string;
}

/**
 * Through a proxy the TLS to ISI starts on the tunnel: the extra CAs must reach that handshake,
 * which https-proxy-agent takes from the request's options, not its own.
 */
class ProxyMetCa extends HttpsProxyAgent<string> {
  constructor(proxy: string, private readonly ca: string[] | undefined) {
    super(proxy, { keepAlive: true });
  }

  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], opts: Parameters<HttpsProxyAgent<string>['connect']>[1]): Promise<Socket> {
    if (!opts.secureEndpoint) return super.connect(req, opts);
    // The agent drops `host` before the TLS inside the tunnel, so an ISI by IP address would be
    // checked against "localhost": check the certificate against the address asked for.
    const doel = opts.host;
    return super.connect(req, {
      ...opts,
      ...(this.ca ? { ca: this.ca } : {}),
      ...(doel && isIP(doel) ? { checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity(doel, cert) } : {}),
    });
  }
}

/**
 * "PROXY host:port; DIRECT" (a PAC answer, as Electron's session.resolveProxy gives it): the first
 * proxy as a URL, or null for a direct connection.
 */
export function proxyUitPac(pac: string): string | null {
  for (const deel of pac.split(';').map((d) => d.trim())) {
    const m = /^(PROXY|HTTPS)\s+(\S+)$/i.exec(deel);
    if (m) return `${m[1]!.toUpperCase() === 'HTTPS' ? 'https' : 'http'}://${m[2]}`;
    if (/^DIRECT$/i.test(deel)) return null;
  }
  return null;
}

/**
 * The connection of main's ISI client by the policy: `extraCaCertificaten` trusted besides Node's
 * own CAs (for ISI only, not for the whole process), and `proxy`: a URL, or `systeem` (Electron's
 * view of the OS proxy for this address, or HTTPS_PROXY in plain Node).
 */
export async function isiVerbinding(p: Pick<Policy, 'extraCaCertificaten' | 'proxy'>, isiUrl: string, opties: { systeemProxy?: (url: string) => Promise<string>; env?: NodeJS.ProcessEnv } = {}): Promise<IsiVerbinding> {
  const ca = p.extraCaCertificaten ? [...rootCertificates, readFileSync(p.extraCaCertificaten, 'utf8')] : undefined;
  const env = opties.env ?? process.env;
  let proxy: string | null = null;
  if (p.proxy === 'systeem') proxy = opties.systeemProxy ? proxyUitPac(await opties.systeemProxy(isiUrl)) : (env.HTTPS_PROXY || env.https_proxy || null);
  else if (p.proxy) proxy = p.proxy;
  if (proxy && new URL(isiUrl).protocol === 'https:') return { httpsAgent: new ProxyMetCa(proxy, ca), proxy };
  return { ...(ca ? { httpsAgent: new HttpsAgent({ ca, keepAlive: true }) } : {}), proxy: 'rechtstreeks' };
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as httpServer, type Server } from 'node:http';
import { createServer as httpsServer, get } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IsiClient, IsiFout } from '../../../main/isi/client';
import { isiVerbinding, proxyUitPac } from '../../../main/policy/netwerk';

// A real TLS server with a certificate of its own making (openssl, as IT would for a test CA), and a
// real CONNECT proxy in front of it: what extraCaCertificaten and proxy change is the handshake.
let map: string;
let ca: string;
let isi: Server;
let isiUrl: string;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

const luister = (s: Server) => new Promise<number>((klaar) => s.listen(0, '127.0.0.1', () => klaar((s.address() as AddressInfo).port)));

beforeAll(async () => {
  map = mkdtempSync(join(tmpdir(), 'pib-ca-'));
  ca = join(map, 'ca.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(map, 'sleutel.pem'), '-out', ca, '-days', '2', '-subj', '/CN=ISI-test', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  isi = httpsServer({ key: readFileSync(join(map, 'sleutel.pem')), cert: readFileSync(ca) }, (_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ vandaag: '2025-03-01' }));
  });
  isiUrl = `https://127.0.0.1:${await luister(isi)}`;
  proxy = httpServer();
  proxy.on('connect', (req, client, kop) => {
    tunnels.push(req.url!);
    const [host, port] = req.url!.split(':');
    const doel = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      doel.write(kop);
      doel.pipe(client);
      client.pipe(doel);
    });
    doel.on('error', () => client.destroy());
  });
  proxyUrl = `http://127.0.0.1:${await luister(proxy)}`;
});

afterAll(() => {
  isi.close();
  proxy.close();
});

const status = async (client: IsiClient) => (await client.vraag<{ vandaag: string }>('GET', '/api/v1/status', { open: true })).data;

describe('extraCaCertificaten: trusted by main\'s ISI client only', () => {
  it('without it, ISI with a certificate of an unknown CA is no connection', async () => {
    const fout = await new IsiClient(isiUrl).vraag('GET', '/api/v1/status', { open: true }).catch((f: unknown) => f);
    expect(fout).toBeInstanceOf(IsiFout);
    expect((fout as IsiFout).probleem.code).toBe('GEEN_VERBINDING');
  });

  it('with it, the ISI client connects', async () => {
    const v = await isiVerbinding({ extraCaCertificaten: ca }, isiUrl);
    expect(await status(new IsiClient(isiUrl, { httpsAgent: v.httpsAgent }))).toEqual({ vandaag: '2025-03-01' });
    expect(v.proxy).toBe('rechtstreeks');
  });

  it('the rest of the process still does not trust that CA', async () => {
    await isiVerbinding({ extraCaCertificaten: ca }, isiUrl);
    const fout = await new Promise<Error>((klaar) => get(`${isiUrl}/`, () => klaar(new Error('verbonden'))).on('error', klaar));
    expect(fout.message).toMatch(/self[- ]signed|unable to verify/i);
  });
});

describe('proxy', () => {
  it('a proxy URL: ISI is reached through a CONNECT tunnel, with the extra CA on the TLS inside it', async () => {
    tunnels.length = 0;
    const v = await isiVerbinding({ extraCaCertificaten: ca, proxy: proxyUrl }, isiUrl);
    expect(await status(new IsiClient(isiUrl, { httpsAgent: v.httpsAgent }))).toEqual({ vandaag: '2025-03-01' });
    expect(tunnels).toEqual([new URL(isiUrl).host]);
    expect(v.proxy).toBe(proxyUrl);
  });

  it('"systeem" in Electron: the OS proxy for the ISI address, as session.resolveProxy answers', async () => {
    tunnels.length = 0;
    const gevraagd: string[] = [];
    const v = await isiVerbinding({ extraCaCertificaten: ca, proxy: 'systeem' }, isiUrl, { systeemProxy: async (url) => (gevraagd.push(url), `PROXY ${new URL(proxyUrl).host}; DIRECT`) });
    expect(await status(new IsiClient(isiUrl, { httpsAgent: v.httpsAgent }))).toEqual({ vandaag: '2025-03-01' });
    expect(gevraagd).toEqual([isiUrl]);
    expect(tunnels).toHaveLength(1);
  });

  it('"systeem" in plain Node: HTTPS_PROXY; none set: direct', async () => {
    expect((await isiVerbinding({ proxy: 'systeem' }, isiUrl, { env: { HTTPS_PROXY: proxyUrl } })).proxy).toBe(proxyUrl);
    expect((await isiVerbinding({ proxy: 'systeem' }, isiUrl, { env: {} })).proxy).toBe('rechtstreeks');
  });

  it('reads a PAC answer: the first proxy, or direct', () => {
    expect(proxyUitPac('PROXY proxy.gemeente:8080; DIRECT')).toBe('http://proxy.gemeente:8080');
    expect(proxyUitPac('HTTPS proxy.gemeente:443')).toBe('https://proxy.gemeente:443');
    expect(proxyUitPac('DIRECT')).toBeNull();
    expect(proxyUitPac('SOCKS5 s:1080; PROXY p:3128')).toBe('http://p:3128');
  });
});

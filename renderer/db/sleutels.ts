import { CacheFout } from './fouten';
import type { Versleuteld } from './schema';

/** AES-GCM's recommended nonce length; a fresh random one for every value written. */
const IV_BYTES = 12;
const SLEUTEL_BYTES = 32;
const tekst = new TextEncoder();
const lezer = new TextDecoder();

/** The two keys of one cache, both derived from the user's key and never extractable. */
export interface Cachesleutels {
  /** AES-GCM-256 for every personal field at rest. */
  aes: CryptoKey;
  /** HMAC-SHA-256 for the BSN index: equal BSNs find each other, the index alone reveals none. */
  hmac: CryptoKey;
}

/**
 * HKDF from the 32 raw key bytes main hands over (ipc.ts Cachesleutel): one key per purpose, so the
 * BSN index and the ciphertexts never share a key. The raw bytes are overwritten once imported;
 * from then on only non-extractable CryptoKeys exist.
 */
export async function leidSleutels(ruw: Uint8Array<ArrayBuffer>): Promise<Cachesleutels> {
  try {
    if (ruw.length !== SLEUTEL_BYTES) throw new CacheFout('ONGELDIGE_SLEUTEL');
    const basis = await crypto.subtle.importKey('raw', ruw, 'HKDF', false, ['deriveKey']);
    const hkdf = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: tekst.encode('pib-cache'), info: tekst.encode(info) });
    const [aes, hmac] = await Promise.all([
      crypto.subtle.deriveKey(hkdf('aes-gcm-256 velden'), basis, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      crypto.subtle.deriveKey(hkdf('hmac-sha-256 bsn'), basis, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    ]);
    return { aes, hmac };
  } finally {
    ruw.fill(0);
  }
}

export function leesSleutel(sleutelBase64: string): Uint8Array<ArrayBuffer> {
  try {
    return Uint8Array.from(atob(sleutelBase64), (c) => c.charCodeAt(0));
  } catch (e) {
    throw new CacheFout('ONGELDIGE_SLEUTEL', { cause: e });
  }
}

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Field encryption of one open cache. Every value is JSON, encrypted with a random IV and bound
 * (as additional data) to the place it is stored, so a ciphertext copied onto another record
 * does not decrypt. `vergeet()` drops the keys: every later call throws GESLOTEN.
 */
export class Veldversleuteling {
  private sleutels: Cachesleutels | null;

  constructor(sleutels: Cachesleutels) {
    this.sleutels = sleutels;
  }

  private get open(): Cachesleutels {
    if (!this.sleutels) throw new CacheFout('GESLOTEN');
    return this.sleutels;
  }

  vergeet(): void {
    this.sleutels = null;
  }

  /** IV followed by the ciphertext, as one byte array (IndexedDB stores it as is). */
  versleutel(waarde: unknown, plaats: string): Promise<Versleuteld> {
    return this.versleutelBytes(tekst.encode(JSON.stringify(waarde)), plaats);
  }

  /** `versleutel` of bytes as they are (a compressed log entry or chunk). */
  async versleutelBytes(bytes: Uint8Array<ArrayBuffer>, plaats: string): Promise<Versleuteld> {
    const { aes } = this.open;
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: tekst.encode(plaats) }, aes, bytes);
    const uit = new Uint8Array(IV_BYTES + data.byteLength);
    uit.set(iv);
    uit.set(new Uint8Array(data), IV_BYTES);
    return uit;
  }

  async ontsleutelBytes(blob: Versleuteld, plaats: string): Promise<Uint8Array<ArrayBuffer>> {
    const { aes } = this.open;
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.subarray(0, IV_BYTES), additionalData: tekst.encode(plaats) }, aes, blob.subarray(IV_BYTES)));
    } catch (e) {
      // GCM's tag check is the only thing that fails here: another key, or data not written for this place.
      throw new CacheFout('VERKEERDE_SLEUTEL', { cause: e });
    }
  }

  async ontsleutel<T>(blob: Versleuteld, plaats: string): Promise<T> {
    return JSON.parse(lezer.decode(await this.ontsleutelBytes(blob, plaats))) as T;
  }

  /** The BSN index key: HMAC, base64url (no long runs of digits in the store to mistake for a BSN). */
  async bsnHash(bsn: string): Promise<string> {
    const { hmac } = this.open;
    return base64url(await crypto.subtle.sign('HMAC', hmac, tekst.encode(bsn)));
  }
}

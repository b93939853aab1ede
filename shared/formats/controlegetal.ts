/**
 * A check number over a gemeente's persons and signals with every field, the same wherever it is
 * computed: the cache on this computer (renderer) and ISI's own data (tests, support). Equal
 * numbers mean equal data. Key order and record order do not count; values do.
 *
 * Pure JavaScript (no platform hash): it runs in shared/, and it is a comparison, not a secret.
 */
function canoniek(waarde: unknown): string {
  if (waarde === null || typeof waarde !== 'object') return JSON.stringify(waarde) ?? 'null';
  if (Array.isArray(waarde)) return `[${waarde.map(canoniek).join(',')}]`;
  const rec = waarde as Record<string, unknown>;
  return `{${Object.keys(rec).sort().map((k) => `${JSON.stringify(k)}:${canoniek(rec[k])}`).join(',')}}`;
}

/** cyrb53-style 53-bit hash, continued over many strings. */
function hash(delen: Iterable<string>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const deel of delen) {
    for (let i = 0; i < deel.length; i++) {
      const c = deel.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x2c, 2654435761);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export function controlegetal(personen: readonly { id: string }[], signalen: readonly { id: string }[]): string {
  const opId = <T extends { id: string }>(a: readonly T[]) => [...a].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return `${personen.length}/${signalen.length}/${hash([...opId(personen).map(canoniek), '|', ...opId(signalen).map(canoniek)])}`;
}

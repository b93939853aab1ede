import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The house rule of ARCHITECTURE.md as zones, the way VS Code's `code-layering` and Bitwarden's
 * `import/no-restricted-paths` do it: every relative import is resolved against the importing
 * file, and the room (top folder) it lands in must be one its own room may use. A name-pattern
 * rule cannot do this: `../../main/x` spelled as `../renderer/../../main/x` or through a folder
 * called `main` elsewhere would slip past or be refused wrongly.
 *
 * A room with `pakketten` takes packages from that allow-list only, so `shared/` stays pure:
 * a new dependency (`ws`, `jszip`, `node:fs`) is refused until someone decides it belongs there.
 */

/** `@scope/naam/sub` → `@scope/naam`; `naam/sub` → `naam`. */
function pakketnaam(specifier) {
  const delen = specifier.split('/');
  return specifier.startsWith('@') ? delen.slice(0, 2).join('/') : delen[0];
}

const regel = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the rooms of ARCHITECTURE.md: resolved paths, an allow-list of packages where declared.' },
    schema: [{
      type: 'object',
      properties: {
        wortel: { type: 'string' },
        kamers: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { mag: { type: 'array', items: { type: 'string' } }, pakketten: { type: 'array', items: { type: 'string' } } },
            required: ['mag'],
            additionalProperties: false,
          },
        },
      },
      required: ['wortel', 'kamers'],
      additionalProperties: false,
    }],
    messages: {
      kamer: 'ARCHITECTURE.md: {{van}}/ importeert niet uit {{naar}}/ ({{pad}}); alleen uit {{mag}}.',
      buiten: 'ARCHITECTURE.md: {{van}}/ importeert niets van buiten het project ({{pad}}).',
      pakket: "ARCHITECTURE.md: {{van}}/ is puur en gebruikt alleen {{pakketten}}; '{{pakket}}' hoort hier niet (Node, DOM, Electron en andere platformcode horen in main/, renderer/ of server/).",
    },
  },
  create(context) {
    const { wortel, kamers } = context.options[0];
    const bestand = relative(wortel, context.filename);
    if (bestand.startsWith('..') || isAbsolute(bestand)) return {};
    const van = bestand.split(sep)[0];
    const kamer = kamers[van];
    // A file at the top (a config) or in a room without rules (tests/, scripts/) may import anything.
    if (!kamer) return {};

    function toets(knoop) {
      if (!knoop || knoop.type !== 'Literal' || typeof knoop.value !== 'string') return;
      const pad = knoop.value;
      if (pad.startsWith('.')) {
        const doel = relative(wortel, resolve(dirname(context.filename), pad));
        if (doel.startsWith('..') || isAbsolute(doel)) {
          context.report({ node: knoop, messageId: 'buiten', data: { van, pad } });
          return;
        }
        const naar = doel.split(sep)[0];
        if (!kamer.mag.includes(naar)) context.report({ node: knoop, messageId: 'kamer', data: { van, naar, pad, mag: kamer.mag.map((k) => `${k}/`).join(' en ') } });
        return;
      }
      if (kamer.pakketten && !kamer.pakketten.includes(pakketnaam(pad))) {
        context.report({ node: knoop, messageId: 'pakket', data: { van, pakket: pad, pakketten: kamer.pakketten.join(', ') } });
      }
    }

    return {
      ImportDeclaration: (k) => toets(k.source),
      ExportNamedDeclaration: (k) => toets(k.source),
      ExportAllDeclaration: (k) => toets(k.source),
      ImportExpression: (k) => toets(k.source),
      'CallExpression[callee.name="require"]': (k) => toets(k.arguments[0]),
    };
  },
};

export default { meta: { name: 'pib-kamers' }, rules: { kamers: regel } };

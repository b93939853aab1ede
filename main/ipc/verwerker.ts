import { kanaalSchema, type KanaalNaam, MELDING_ONGELDIGE_AANROEP, type Uitkomst } from '../../shared/ipc';
import { leesInvoer } from '../../shared/schemas/fouten';
import type { Diensten } from '../diensten';
import { BestandFout } from '../files/fout';
import { IsiFout } from '../isi/client';
import { logboek } from '../log/logboek';
import { InstellingFout } from '../policy/instellingen';
import { detailVanVeldfouten, interneFout, probleem } from '../../shared/probleem';
import { controleerResultaat } from './resultaat';

/**
 * Carries one call from the renderer to its service: an unknown channel or arguments of the
 * wrong shape are refused here with a typed problem and never reach ISI; a result that breaks the
 * contract never reaches the renderer (./resultaat.ts); nothing is thrown across.
 */
export async function verwerkAanroep(diensten: Diensten, kanaal: unknown, args: unknown): Promise<Uitkomst<unknown>> {
  try {
    const schema = typeof kanaal === 'string' ? kanaalSchema(kanaal) : null;
    if (!schema) {
      return { ok: false, probleem: probleem({ status: 400, code: 'ONBEKENDE_AANROEP', title: 'Onbekende aanroep', detail: MELDING_ONGELDIGE_AANROEP }) };
    }
    const gelezen = leesInvoer(schema.args, args);
    if (!gelezen.ok) {
      return { ok: false, probleem: probleem({ status: 400, code: 'ONGELDIGE_AANROEP', title: 'Ongeldige aanroep', detail: detailVanVeldfouten(gelezen.fouten), fouten: gelezen.fouten }) };
    }
    const [domein, call] = (kanaal as string).split('.') as [keyof Diensten, string];
    const dienst = (diensten[domein] as Record<string, (a: unknown) => Promise<unknown>>)[call]!;
    return controleerResultaat(kanaal as KanaalNaam, schema.resultaat, await dienst(gelezen.waarde));
  } catch (fout) {
    if (fout instanceof IsiFout || fout instanceof BestandFout || fout instanceof InstellingFout) return { ok: false, probleem: fout.probleem };
    // A fault of the app: its cause (stack and `cause` chain) goes to the log, masked there; the user gets the one message.
    logboek().error({ err: fout, kanaal: String(kanaal).slice(0, 100) }, 'onverwachte fout in een aanroep');
    return { ok: false, probleem: interneFout() };
  }
}

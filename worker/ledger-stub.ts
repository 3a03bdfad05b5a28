import type { Ledger } from './ledger.js';

/**
 * The ledger of one questionnaire of one gemeente. With `PEIL_JURISDICTION=eu` the objects are created
 * and stored only inside the EU. Decide before the first response: the same name in another
 * jurisdiction is another object, so switching later would leave the existing responses behind.
 */
export function ledgerFor(env: Env, gemeente: string, questionnaire: string): DurableObjectStub<Ledger> {
  const all = env.LEDGER as unknown as DurableObjectNamespace<Ledger>;
  const ns = (env as { PEIL_JURISDICTION?: string }).PEIL_JURISDICTION === 'eu' ? all.jurisdiction('eu') : all;
  return ns.get(ns.idFromName(`${gemeente}/${questionnaire}`));
}

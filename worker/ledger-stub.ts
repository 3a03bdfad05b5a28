import type { Ledger } from './ledger.js';

/** The ledger of one questionnaire of one gemeente. */
export function ledgerFor(env: Env, gemeente: string, questionnaire: string): DurableObjectStub<Ledger> {
  const ns = env.LEDGER as unknown as DurableObjectNamespace<Ledger>;
  return ns.get(ns.idFromName(`${gemeente}/${questionnaire}`));
}

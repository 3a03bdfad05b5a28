import type { TokenRow } from './db.js';

/** Hono environment: bindings plus what middleware sets on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    token: TokenRow;
  };
}

import type { Principal } from './auth.js';

/** Hono environment: bindings plus what middleware sets on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Who the request acts as: an API token or a signed-in account (see `requireRole`). */
    token: Principal;
  };
}

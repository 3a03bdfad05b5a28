import { applyD1Migrations, env } from 'cloudflare:test';
import { demoSeed } from '../../worker/seed.js';

// Each test file starts from migrated, seeded storage; vitest-pool-workers isolates storage per file.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const stmts = await demoSeed();
await env.DB.batch(stmts.map((s) => env.DB.prepare(s.sql).bind(...s.params)));

import { DurableObject } from 'cloudflare:workers';

interface Env {
  SINK: DurableObjectNamespace<Sink>;
}

/** One table, one insert per request: the least a durable submission can cost in workerd. */
export class Sink extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  }

  async insert(id: string, body: string): Promise<boolean> {
    return this.ctx.storage.sql.exec('INSERT OR IGNORE INTO rows (id, body) VALUES (?, ?)', id, body).rowsWritten > 0;
  }

  async count(): Promise<number> {
    return this.ctx.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM rows').one().n;
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const sink = env.SINK.get(env.SINK.idFromName('bench'));
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/count') return Response.json({ n: await sink.count() });
    if (request.method !== 'POST' || url.pathname !== '/insert') return new Response('not found', { status: 404 });
    const body = await request.text();
    let id: unknown;
    try {
      id = (JSON.parse(body) as { submissionId?: unknown }).submissionId;
    } catch {
      return new Response('bad json', { status: 400 });
    }
    if (typeof id !== 'string') return new Response('no id', { status: 400 });
    const stored = await sink.insert(id, body);
    return Response.json({ submissionId: id }, { status: stored ? 201 : 200 });
  },
};

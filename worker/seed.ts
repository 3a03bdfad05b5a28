import { TEMPLATES, withWijken } from '../schemas/bank.js';
import { QuestionnaireDefinition } from '../schemas/questionnaire.js';
import { sha256Hex } from './crypto.js';

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

export const DEMO = {
  gemeente: { id: 'demo', name: 'Gemeente Demo' },
  partner: { id: 'sociaal-team', name: 'Sociaal team', organisatie: 'het sociaal team', organisatieEn: 'the social team' },
  teams: [
    { id: 'centrum', name: 'Centrum' },
    { id: 'crabbehof', name: 'Crabbehof' },
    { id: 'krispijn', name: 'Krispijn' },
    { id: 'oost', name: 'Oost' },
    { id: 'wielwijk', name: 'Wielwijk' },
  ],
  siteKey: 'demo-site',
  adminToken: 'demo-admin',
  operatorToken: 'demo-operator',
  viewerToken: 'demo-viewer',
  publicToken: 'demo-public',
} as const;

/** The origins the demo site key accepts when Peil runs locally on `port`. */
export function demoOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * The demo gemeente of local development, served on `port` (wrangler dev's default unless PEIL_PORT
 * moves it), as idempotent statements: running it twice changes nothing, and running it for another
 * port moves the demo site key's origins there. Its tokens are well known, so it must never be
 * seeded into a deployed database.
 */
export async function demoSeed(port = 8787): Promise<Statement[]> {
  const g = DEMO.gemeente.id;
  const p = DEMO.partner.id;
  const token = async (id: string, secret: string, role: string, partner: string | null, label: string): Promise<Statement> => ({
    sql: 'INSERT OR IGNORE INTO tokens (id, hash, role, gemeente_id, partner_id, label, hint) VALUES (?, ?, ?, ?, ?, ?, ?)',
    params: [id, await sha256Hex(secret), role, role === 'operator' ? null : g, partner, label, secret.slice(-4)],
  });
  const stmts: Statement[] = [
    { sql: 'INSERT OR IGNORE INTO gemeenten (id, name) VALUES (?, ?)', params: [g, DEMO.gemeente.name] },
    {
      sql: 'INSERT OR IGNORE INTO partners (gemeente_id, id, name, organisatie, organisatie_en) VALUES (?, ?, ?, ?, ?)',
      params: [g, p, DEMO.partner.name, DEMO.partner.organisatie, DEMO.partner.organisatieEn],
    },
    ...DEMO.teams.map((t) => ({
      sql: 'INSERT OR IGNORE INTO teams (gemeente_id, id, partner_id, name) VALUES (?, ?, ?, ?)',
      params: [g, t.id, p, t.name],
    })),
    {
      sql: 'INSERT INTO site_keys (key, gemeente_id, partner_id, origins) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET origins = excluded.origins',
      params: [DEMO.siteKey, g, p, JSON.stringify(demoOrigins(port))],
    },
    await token('tok_demo_operator', DEMO.operatorToken, 'operator', null, 'demo operator'),
    await token('tok_demo_admin', DEMO.adminToken, 'admin', null, 'demo admin'),
    await token('tok_demo_viewer', DEMO.viewerToken, 'viewer', p, 'demo viewer (sociaal team)'),
    await token('tok_demo_public', DEMO.publicToken, 'public', p, 'demo public figure (sociaal team)'),
  ];
  // The demo runs the two everyday questionnaires; the CEO templates are there to start from.
  for (const template of [TEMPLATES['sociaal-team-kort'], TEMPLATES['sociaal-team']]) {
    // The long questionnaire asks for the demo gemeente's wijken, as a gemeente would add its own.
    const def = QuestionnaireDefinition.parse(template.id === 'sociaal-team' ? withWijken(template, DEMO_WIJKEN) : template);
    stmts.push(
      { sql: 'INSERT OR IGNORE INTO questionnaires (gemeente_id, id) VALUES (?, ?)', params: [g, def.id] },
      {
        sql: 'INSERT OR IGNORE INTO questionnaire_versions (gemeente_id, questionnaire_id, version, definition) VALUES (?, ?, 1, ?)',
        params: [g, def.id, JSON.stringify(def)],
      },
    );
  }
  return stmts;
}

/** Wijken of the demo gemeente (Dordrecht's, where the demo's figures come from). */
const DEMO_WIJKEN = [
  { id: 'binnenstad', name: 'Binnenstad' },
  { id: 'crabbehof', name: 'Crabbehof' },
  { id: 'krispijn', name: 'Krispijn' },
  { id: 'oost', name: 'Dordrecht-Oost' },
  { id: 'sterrenburg', name: 'Sterrenburg' },
  { id: 'stadspolders', name: 'Stadspolders' },
  { id: 'wielwijk', name: 'Wielwijk' },
];

function literal(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/** The statements as one SQL script, for `wrangler d1 execute --file`. */
export function toSqlScript(stmts: Statement[]): string {
  return (
    stmts
      .map((s) => {
        let i = 0;
        return `${s.sql.replace(/\?/g, () => literal(s.params[i++]))};`;
      })
      .join('\n') + '\n'
  );
}

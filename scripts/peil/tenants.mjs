// Tenancy commands: gemeenten, partners, site keys, tokens, invites, response deletion and retention.
// Secrets (tokens, invites) are printed once by the API; store them somewhere safe straight away.

const list = (v) => (v === undefined || v === 'true' ? [] : String(v).split(',').map((s) => s.trim()).filter(Boolean));
const enc = encodeURIComponent;

function need(value, what) {
  if (value === undefined || value === 'true' || value === '') throw new Error(`missing ${what}`);
  return value;
}

/** `id:Naam,id2:Naam 2` → [{id, name}]; a bare id is its own name. */
function teams(v) {
  return list(v).map((t) => {
    const [id, ...name] = t.split(':');
    return name.length ? { id, name: name.join(':') } : id;
  });
}

function query(params) {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== 'true')
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&');
  return q ? `?${q}` : '';
}

/** `<questionnaire> <submissionId:item>…` → the body of a release or hold. */
function reviewBody(a) {
  const [questionnaire, ...ids] = a._;
  if (ids.length === 0) throw new Error('missing <submissionId:item>');
  return {
    questionnaire: need(questionnaire, '<questionnaire>'),
    texts: ids.map((id) => {
      const at = id.lastIndexOf(':');
      return { submissionId: id.slice(0, at), item: id.slice(at + 1) };
    }),
  };
}

export const commands = {
  'gemeente create': {
    usage: 'gemeente create <id> --name NAME [--k 10]',
    help: 'Creates a gemeente (operator token); prints its first admin token once.',
    run: (a, api) =>
      api.request('POST', '/v1/gemeenten', { id: need(a._[0], '<id>'), name: need(a.name, '--name'), ...(a.k ? { k: Number(a.k) } : {}) }),
  },
  'gemeente set': {
    usage: 'gemeente set <id> --open-text-review on|off',
    help: 'Settings: with open-text review on, partners see open texts only after an admin released them.',
    run: (a, api) =>
      api.request('PATCH', `/v1/gemeenten/${enc(need(a._[0], '<id>'))}`, { openTextReview: need(a['open-text-review'], '--open-text-review') === 'on' }),
  },
  'texts list': {
    usage: 'texts list <questionnaire> [--review pending|released|withheld] [--gemeente ID]',
    help: 'Open texts to read before partners do, newest first, with the ids to release or hold back.',
    run: (a, api) => api.request('GET', `/v1/open-texts${query({ questionnaire: need(a._[0], '<questionnaire>'), review: a.review, gemeente: a.gemeente })}`),
  },
  'texts release': {
    usage: 'texts release <questionnaire> <submissionId:item>… [--gemeente ID]',
    help: 'Releases open texts for partner viewers ("vrijgeven").',
    run: (a, api) => api.request('POST', `/v1/open-texts/release${query({ gemeente: a.gemeente })}`, reviewBody(a)),
  },
  'texts hold': {
    usage: 'texts hold <questionnaire> <submissionId:item>… [--gemeente ID]',
    help: 'Holds open texts back from partner viewers, also from releases that already hold them.',
    run: (a, api) => api.request('POST', `/v1/open-texts/hold${query({ gemeente: a.gemeente })}`, reviewBody(a)),
  },
  'gemeente list': {
    usage: 'gemeente list',
    help: 'Lists the gemeenten the token may see.',
    run: (_a, api) => api.request('GET', '/v1/gemeenten'),
  },
  'partner create': {
    usage: 'partner create <gemeente> <id> --name NAME --origins URL,URL [--teams id:Naam,…] [--organisatie TEXT]',
    help: 'Creates a partner with teams; prints its site key and viewer token once.',
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/partners`, {
        id: need(a._[1], '<id>'),
        name: need(a.name, '--name'),
        origins: list(need(a.origins, '--origins')),
        teams: teams(a.teams),
        ...(a.organisatie ? { organisatie: a.organisatie } : {}),
      }),
  },
  'partner list': {
    usage: 'partner list <gemeente>',
    help: 'Lists partners with their teams.',
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/partners`),
  },
  'team add': {
    usage: 'team add <gemeente> <partner> --teams id:Naam,…',
    help: 'Adds teams to a partner.',
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/partners/${enc(need(a._[1], '<partner>'))}/teams`, {
        teams: teams(need(a.teams, '--teams')),
      }),
  },
  'sitekey list': {
    usage: 'sitekey list <gemeente> [--partner ID]',
    help: 'Lists site keys with their origins, revoked ones included.',
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys${query({ partner: a.partner })}`),
  },
  'sitekey add': {
    usage: 'sitekey add <gemeente> --partner ID --origins URL,URL',
    help: 'Adds a site key for a partner.',
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys`, {
        partner: need(a.partner, '--partner'),
        origins: list(need(a.origins, '--origins')),
      }),
  },
  'sitekey origins': {
    usage: 'sitekey origins <gemeente> <key> --origins URL,URL',
    help: 'Replaces the origins a site key accepts submissions from.',
    run: (a, api) =>
      api.request('PATCH', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys/${enc(need(a._[1], '<key>'))}`, {
        origins: list(need(a.origins, '--origins')),
      }),
  },
  'sitekey revoke': {
    usage: 'sitekey revoke <gemeente> <key>',
    help: 'Revokes a site key: its embeds stop taking answers at once.',
    run: (a, api) => api.request('DELETE', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys/${enc(need(a._[1], '<key>'))}`),
  },
  'token list': {
    usage: 'token list <gemeente>',
    help: 'Lists tokens by id, role, label and last characters.',
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens`),
  },
  'token create': {
    usage: 'token create <gemeente> --role admin|viewer|public [--partner ID] [--label TEXT]',
    help: 'Creates a token (viewer: a partner dashboard; public: only its figures, to embed on a public page); prints it once.',
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens`, {
        role: need(a.role, '--role'),
        ...(a.partner ? { partner: a.partner } : {}),
        ...(a.label ? { label: a.label } : {}),
      }),
  },
  'token rotate': {
    usage: 'token rotate <gemeente> <tokenId>',
    help: 'Gives a token a new secret; the old one stops working at once.',
    run: (a, api) => api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens/${enc(need(a._[1], '<tokenId>'))}/rotate`),
  },
  'token revoke': {
    usage: 'token revoke <gemeente> <tokenId>',
    help: 'Revokes a token.',
    run: (a, api) => api.request('DELETE', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens/${enc(need(a._[1], '<tokenId>'))}`),
  },
  'invite create': {
    usage: 'invite create <questionnaire> [--partner ID] [--team ID] [--count 1] [--days 30] [--url URL] [--gemeente ID]',
    help: 'Creates one-time invite links (a partner token: for its own partner).',
    run: (a, api) =>
      api.request('POST', `/v1/invites${query({ gemeente: a.gemeente })}`, {
        questionnaire: need(a._[0], '<questionnaire>'),
        ...(a.partner ? { partner: a.partner } : {}),
        ...(a.team ? { team: a.team } : {}),
        ...(a.count ? { count: Number(a.count) } : {}),
        ...(a.days ? { expiresInDays: Number(a.days) } : {}),
        ...(a.url ? { url: a.url } : {}),
      }),
  },
  'invite stats': {
    usage: 'invite stats <questionnaire> [--partner ID] [--gemeente ID]',
    help: 'Counts invites created, used, expired and open.',
    run: (a, api) =>
      api.request('GET', `/v1/invites${query({ questionnaire: need(a._[0], '<questionnaire>'), partner: a.partner, gemeente: a.gemeente })}`),
  },
  'response delete': {
    usage: 'response delete <submissionId> --questionnaire ID [--gemeente ID]',
    help: 'Deletes one response and takes it out of the figures.',
    run: (a, api) =>
      api.request(
        'DELETE',
        `/v1/responses/${enc(need(a._[0], '<submissionId>'))}${query({ questionnaire: need(a.questionnaire, '--questionnaire'), gemeente: a.gemeente })}`,
      ),
  },
  'retention set': {
    usage: 'retention set <questionnaire> --days N [--gemeente ID]',
    help: 'Sets how long responses are kept; older ones are deleted now and daily after.',
    run: (a, api) =>
      api.request('PUT', `/v1/retention${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`, {
        days: Number(need(a.days, '--days')),
      }),
  },
  'retention show': {
    usage: 'retention show <questionnaire> [--gemeente ID]',
    help: 'Shows how long responses are kept.',
    run: (a, api) => api.request('GET', `/v1/retention${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`),
  },
  'operator bootstrap': {
    usage: 'operator bootstrap [--label TEXT]',
    help: 'Prints a new operator token and the SQL that registers its hash (for a fresh deployment).',
    run: async (a) => {
      const { createHash, randomBytes } = await import('node:crypto');
      const token = `peil_op_${randomBytes(32).toString('base64url')}`;
      const hash = createHash('sha256').update(token).digest('hex');
      const id = `tok_op_${randomBytes(6).toString('hex')}`;
      const label = String(a.label ?? 'operator').replace(/'/g, "''");
      const sql = `INSERT INTO tokens (id, hash, role, label, hint) VALUES ('${id}', '${hash}', 'operator', '${label}', '${token.slice(-4)}');`;
      return [
        `Operator token (shown once; keep it in a password manager): ${token}`,
        '',
        'Register it in the deployed registry:',
        `  npx wrangler d1 execute DB --remote --command "${sql}"`,
      ].join('\n');
    },
  },
};

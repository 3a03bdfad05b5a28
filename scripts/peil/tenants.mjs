// Tenancy commands: gemeenten, partners, site keys, tokens, invites, held bursts, response deletion and retention.
// Secrets (tokens, invites) are printed once by the API; store them somewhere safe straight away.

const list = (v) =>
  v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const enc = encodeURIComponent;
const value = { type: 'string' };

function need(value, what) {
  if (value === undefined || value === '') throw new Error(`missing ${what}`);
  return value;
}

/** `id:Naam,id2:Naam 2` → [{id, name}]; a bare id is its own name. */
function teams(v) {
  return list(v).map((t) => {
    const [id, ...name] = t.split(':');
    return name.length ? { id, name: name.join(':') } : id;
  });
}

/** `--kiosk` or `--kiosk true` → true, `--kiosk false` → false, absent → undefined. */
function flag(v) {
  if (v === undefined || typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new Error(`expected true or false, not ${v}`);
}

/** The site key settings given on the command line, only those given. */
function siteKeySettings(a) {
  const out = { inviteRequired: flag(a['invite-required']), kiosk: flag(a.kiosk) };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function query(params) {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined)
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
    options: { name: value, k: value },
    run: (a, api) =>
      api.request('POST', '/v1/gemeenten', { id: need(a._[0], '<id>'), name: need(a.name, '--name'), ...(a.k ? { k: Number(a.k) } : {}) }),
  },
  'gemeente set': {
    usage: 'gemeente set <id> --open-text-review on|off',
    options: { 'open-text-review': value },
    help: 'Settings: with open-text review on, partners see open texts only after an admin released them.',
    run: (a, api) =>
      api.request('PATCH', `/v1/gemeenten/${enc(need(a._[0], '<id>'))}`, {
        openTextReview: need(a['open-text-review'], '--open-text-review') === 'on',
      }),
  },
  'texts list': {
    options: { review: value, gemeente: value },
    usage: 'texts list <questionnaire> [--review pending|released|withheld] [--gemeente ID]',
    help: 'Open texts to read before partners do, newest first, with the ids to release or hold back.',
    run: (a, api) =>
      api.request(
        'GET',
        `/v1/open-texts${query({ questionnaire: need(a._[0], '<questionnaire>'), review: a.review, gemeente: a.gemeente })}`,
      ),
  },
  'texts release': {
    options: { gemeente: value },
    usage: 'texts release <questionnaire> <submissionId:item>… [--gemeente ID]',
    help: 'Releases open texts for partner viewers ("vrijgeven").',
    run: (a, api) => api.request('POST', `/v1/open-texts/release${query({ gemeente: a.gemeente })}`, reviewBody(a)),
  },
  'texts hold': {
    options: { gemeente: value },
    usage: 'texts hold <questionnaire> <submissionId:item>… [--gemeente ID]',
    help: 'Holds open texts back from partner viewers, also from releases that already hold them.',
    run: (a, api) => api.request('POST', `/v1/open-texts/hold${query({ gemeente: a.gemeente })}`, reviewBody(a)),
  },
  'gemeente list': {
    usage: 'gemeente list',
    help: 'Lists the gemeenten the token may see.',
    options: {},
    run: (_a, api) => api.request('GET', '/v1/gemeenten'),
  },
  'partner create': {
    usage: 'partner create <gemeente> <id> --name NAME --origins URL,URL [--teams id:Naam,…] [--organisatie TEXT]',
    help: 'Creates a partner with teams; prints its site key and viewer token once.',
    options: { name: value, origins: value, teams: value, organisatie: value },
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
    options: {},
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/partners`),
  },
  'team add': {
    usage: 'team add <gemeente> <partner> --teams id:Naam,…',
    help: 'Adds teams to a partner.',
    options: { teams: value },
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/partners/${enc(need(a._[1], '<partner>'))}/teams`, {
        teams: teams(need(a.teams, '--teams')),
      }),
  },
  'sitekey list': {
    usage: 'sitekey list <gemeente> [--partner ID]',
    help: 'Lists site keys with their origins, revoked ones included.',
    options: { partner: value },
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys${query({ partner: a.partner })}`),
  },
  'sitekey add': {
    usage: 'sitekey add <gemeente> --partner ID --origins URL,URL [--invite-required] [--kiosk]',
    help: 'Adds a site key for a partner; invites only, or a registered kiosk.',
    options: { partner: value, origins: value, 'invite-required': { type: 'boolean' }, kiosk: { type: 'boolean' } },
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys`, {
        partner: need(a.partner, '--partner'),
        origins: list(need(a.origins, '--origins')),
        ...siteKeySettings(a),
      }),
  },
  'sitekey set': {
    usage: 'sitekey set <gemeente> <key> [--invite-required true|false] [--kiosk true|false]',
    help: 'Takes only invited answers, or marks a kiosk (never rate-limited nor held).',
    options: { 'invite-required': value, kiosk: value },
    run: (a, api) =>
      api.request('PATCH', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys/${enc(need(a._[1], '<key>'))}`, siteKeySettings(a)),
  },
  'sitekey origins': {
    usage: 'sitekey origins <gemeente> <key> --origins URL,URL',
    help: 'Replaces the origins a site key accepts submissions from.',
    options: { origins: value },
    run: (a, api) =>
      api.request('PATCH', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys/${enc(need(a._[1], '<key>'))}`, {
        origins: list(need(a.origins, '--origins')),
      }),
  },
  'sitekey revoke': {
    usage: 'sitekey revoke <gemeente> <key>',
    help: 'Revokes a site key: its embeds stop taking answers at once.',
    options: {},
    run: (a, api) => api.request('DELETE', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/site-keys/${enc(need(a._[1], '<key>'))}`),
  },
  'token list': {
    usage: 'token list <gemeente>',
    help: 'Lists tokens by id, role, label and last characters.',
    options: {},
    run: (a, api) => api.request('GET', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens`),
  },
  'token create': {
    usage: 'token create <gemeente> --role admin|viewer|public [--partner ID] [--label TEXT] [--days N]',
    help: 'Creates a token (viewer: a partner dashboard; public: only its figures, to embed on a public page; both a year unless --days); prints it once.',
    options: { role: value, partner: value, label: value, days: value },
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens`, {
        role: need(a.role, '--role'),
        ...(a.partner ? { partner: a.partner } : {}),
        ...(a.label ? { label: a.label } : {}),
        ...(a.days ? { expiresInDays: Number(a.days) } : {}),
      }),
  },
  'token rotate': {
    usage: 'token rotate <gemeente> <tokenId>',
    help: 'Gives a token a new secret; the old one stops working at once.',
    options: {},
    run: (a, api) =>
      api.request('POST', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens/${enc(need(a._[1], '<tokenId>'))}/rotate`),
  },
  'token revoke': {
    usage: 'token revoke <gemeente> <tokenId>',
    help: 'Revokes a token.',
    options: {},
    run: (a, api) => api.request('DELETE', `/v1/gemeenten/${enc(need(a._[0], '<gemeente>'))}/tokens/${enc(need(a._[1], '<tokenId>'))}`),
  },
  'invite create': {
    usage: 'invite create <questionnaire> [--partner ID] [--team ID] [--count 1] [--days 30] [--page URL] [--gemeente ID]',
    help: 'Creates one-time invite links (a partner token: for its own partner).',
    options: { partner: value, team: value, count: value, days: value, page: value, gemeente: value },
    run: (a, api) =>
      api.request('POST', `/v1/invites${query({ gemeente: a.gemeente })}`, {
        questionnaire: need(a._[0], '<questionnaire>'),
        ...(a.partner ? { partner: a.partner } : {}),
        ...(a.team ? { team: a.team } : {}),
        ...(a.count ? { count: Number(a.count) } : {}),
        ...(a.days ? { expiresInDays: Number(a.days) } : {}),
        ...(a.page ? { url: a.page } : {}),
      }),
  },
  'invite stats': {
    usage: 'invite stats <questionnaire> [--partner ID] [--gemeente ID]',
    help: 'Counts invites created, used, expired and open.',
    options: { partner: value, gemeente: value },
    run: (a, api) =>
      api.request(
        'GET',
        `/v1/invites${query({ questionnaire: need(a._[0], '<questionnaire>'), partner: a.partner, gemeente: a.gemeente })}`,
      ),
  },
  'response delete': {
    usage: 'response delete <submissionId> --questionnaire ID [--gemeente ID]',
    help: 'Deletes one response and takes it out of the figures.',
    options: { questionnaire: value, gemeente: value },
    run: (a, api) =>
      api.request(
        'DELETE',
        `/v1/responses/${enc(need(a._[0], '<submissionId>'))}${query({ questionnaire: need(a.questionnaire, '--questionnaire'), gemeente: a.gemeente })}`,
      ),
  },
  'held list': {
    options: { gemeente: value },
    usage: 'held list <questionnaire> [--gemeente ID]',
    help: 'Lists bursts held out of partner figures (many answers from one source at once).',
    run: (a, api) => api.request('GET', `/v1/held${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`),
  },
  'held accept': {
    options: { gemeente: value },
    usage: 'held accept <questionnaire> <burst> [--gemeente ID]',
    help: 'Accepts a held burst: partners see its answers from now on.',
    run: (a, api) =>
      api.request('POST', `/v1/held/accept${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`, {
        burst: need(a._[1], '<burst>'),
      }),
  },
  'held reject': {
    options: { gemeente: value },
    usage: 'held reject <questionnaire> <burst> [--gemeente ID]',
    help: 'Rejects a held burst: its answers are deleted.',
    run: (a, api) =>
      api.request('POST', `/v1/held/reject${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`, {
        burst: need(a._[1], '<burst>'),
      }),
  },
  'retention set': {
    usage: 'retention set <questionnaire> --days N [--gemeente ID]',
    help: 'Sets how long responses are kept; older ones are deleted now and daily after.',
    options: { days: value, gemeente: value },
    run: (a, api) =>
      api.request('PUT', `/v1/retention${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`, {
        days: Number(need(a.days, '--days')),
      }),
  },
  'retention show': {
    usage: 'retention show <questionnaire> [--gemeente ID]',
    help: 'Shows how long responses are kept.',
    options: { gemeente: value },
    run: (a, api) => api.request('GET', `/v1/retention${query({ questionnaire: need(a._[0], '<questionnaire>'), gemeente: a.gemeente })}`),
  },
  'operator bootstrap': {
    usage: 'operator bootstrap [--label TEXT]',
    help: 'Prints a new operator token and the SQL that registers its hash (for a fresh deployment).',
    options: { label: value },
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

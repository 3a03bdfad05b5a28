// Questionnaire commands: the admin API of worker/routes/questionnaires-admin.ts.
// The usual round: `draft ID --out q.json`, edit q.json, `edit ID q.json`, `publish ID`.
import { readFile, writeFile } from 'node:fs/promises';

const BASE = '/v1/admin/questionnaires';
const value = { type: 'string' };
const flag = { type: 'boolean' };

// An operator token acts for the gemeente named with --gemeente; an admin token for its own.
function path(args, rest = '') {
  const query = args.gemeente ? `?gemeente=${encodeURIComponent(args.gemeente)}` : '';
  return `${BASE}${rest}${query}`;
}

function need(args, i, what) {
  const value = args._[i];
  if (!value) throw new Error(`missing ${what}; see npm run peil -- --help`);
  return value;
}

const id = (args) => `/${encodeURIComponent(need(args, 0, 'questionnaire id'))}`;

async function readDefinition(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read a JSON definition from ${file}: ${err.message}`, { cause: err });
  }
}

// A file on --out keeps the JSON clean of npm's own output lines, ready to edit.
async function output(args, value) {
  if (!args.out) return value;
  await writeFile(args.out, `${JSON.stringify(value, null, 2)}\n`);
  return `Wrote ${args.out}`;
}

export const commands = {
  'questionnaire list': {
    usage: 'questionnaire list [--gemeente ID]',
    help: "Lists the gemeente's questionnaires with status, latest version and draft.",
    options: { gemeente: value },
    run: async (args, api) => {
      const { questionnaires } = await api.request('GET', path(args));
      return questionnaires.map((q) => ({
        id: q.id,
        status: q.status,
        version: q.latestVersion,
        draft: q.hasDraft,
        title: q.title?.nl ?? null,
      }));
    },
  },
  'questionnaire versions': {
    usage: 'questionnaire versions <id> [--gemeente ID]',
    help: 'Lists published versions with the items each added and removed.',
    options: { gemeente: value },
    run: async (args, api) => (await api.request('GET', path(args, `${id(args)}/versions`))).versions,
  },
  'questionnaire show': {
    usage: 'questionnaire show <id> [--version N] [--out FILE] [--gemeente ID]',
    help: 'Shows a questionnaire (its latest version and draft) or one published version.',
    options: { version: value, out: value, gemeente: value },
    run: async (args, api) => {
      const at = args.version ? `${id(args)}/versions/${encodeURIComponent(args.version)}` : id(args);
      return output(args, await api.request('GET', path(args, at)));
    },
  },
  'questionnaire create': {
    usage: 'questionnaire create <template> [--id ID] [--publish] | --file FILE [--gemeente ID]',
    help: 'Creates a questionnaire from a template (see template list) or a JSON definition.',
    options: { id: value, publish: flag, file: value, gemeente: value },
    run: async (args, api) => {
      const body = args.file
        ? { definition: await readDefinition(args.file) }
        : { template: need(args, 0, 'template id'), ...(args.id ? { id: args.id } : {}) };
      return api.request('POST', path(args), { ...body, publish: args.publish === true });
    },
  },
  'questionnaire draft': {
    usage: 'questionnaire draft <id> [--out FILE] [--gemeente ID]',
    help: 'Starts a draft from the latest version (or returns the open draft).',
    options: { out: value, gemeente: value },
    run: async (args, api) => output(args, (await api.request('POST', path(args, `${id(args)}/draft`))).draft),
  },
  'questionnaire edit': {
    usage: 'questionnaire edit <id> <file.json> [--gemeente ID]',
    help: 'Replaces the draft with the definition in a JSON file (validated).',
    options: { gemeente: value },
    run: async (args, api) => {
      const def = await readDefinition(need(args, 1, 'JSON file'));
      await api.request('PUT', path(args, `${id(args)}/draft`), def);
      return `Draft of ${args._[0]} saved; publish it with: npm run peil -- questionnaire publish ${args._[0]}`;
    },
  },
  'questionnaire discard': {
    usage: 'questionnaire discard <id> [--gemeente ID]',
    help: 'Throws away the draft; published versions stay.',
    options: { gemeente: value },
    run: (args, api) => api.request('DELETE', path(args, `${id(args)}/draft`)),
  },
  'questionnaire publish': {
    usage: 'questionnaire publish <id> [--gemeente ID]',
    help: 'Publishes the draft as the next version; earlier versions and their responses stay.',
    options: { gemeente: value },
    run: (args, api) => api.request('POST', path(args, `${id(args)}/publish`)),
  },
  'questionnaire close': {
    usage: 'questionnaire close <id> [--gemeente ID]',
    help: 'Stops taking responses (submissions get questionnaire_closed).',
    options: { gemeente: value },
    run: (args, api) => api.request('POST', path(args, `${id(args)}/close`)),
  },
  'questionnaire open': {
    usage: 'questionnaire open <id> [--gemeente ID]',
    help: 'Takes responses again.',
    options: { gemeente: value },
    run: (args, api) => api.request('POST', path(args, `${id(args)}/open`)),
  },
  'template list': {
    usage: 'template list',
    help: 'Lists the default questionnaires a gemeente can start from.',
    options: {},
    run: async (_args, api) => (await api.request('GET', '/v1/templates')).templates,
  },
  'template show': {
    usage: 'template show <id> [--out FILE]',
    help: 'Shows a default questionnaire in full.',
    options: { out: value },
    run: async (args, api) => output(args, await api.request('GET', `/v1/templates/${encodeURIComponent(need(args, 0, 'template id'))}`)),
  },
};

import { Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ErrorCode } from '../../schemas/errors.js';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';
import { ERROR_DESCRIPTIONS, openApiDocument, type OpenApiDocument } from './openapi.js';
import { CSP } from './pages.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Media {
  schema?: Schema;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, Media>;
  'x-error-codes'?: ErrorCode[];
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Record<string, Media> };
  responses: Record<string, ResponseObject>;
  'x-roles'?: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Text from the document, with its `code` spans kept as code. */
const prose = (text: string | undefined): Html =>
  html`${(text ?? '').split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;

const schemaName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A bound, unless it is only zod's safe-integer range. */
const bound = (n: unknown) => (n === undefined || Math.abs(Number(n)) === Number.MAX_SAFE_INTEGER ? '…' : String(n));

/** The limits a schema sets, in a few words. */
function constraints(s: Schema): string[] {
  const out: string[] = [];
  if (s.format) out.push(String(s.format));
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '…'}`);
  const range = `${bound(s.minimum)}–${bound(s.maximum)}`;
  if (range !== '…–…') out.push(range);
  if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${s.minItems ?? 0}–${s.maxItems ?? '…'} items`);
  if (s.pattern && !s.format) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** A schema as a reader needs it: a type with its limits, and the fields of an object in a table. */
function schema(s: Schema | undefined): Html {
  if (!s || Object.keys(s).length === 0) return html`any`;
  if (typeof s.$ref === 'string') {
    const name = schemaName(s.$ref);
    return html`<a href="#schema-${name}">${name}</a>`;
  }
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives)
    return html`one of:
      <ul class="alternatives">
        ${alternatives.map((a) => html`<li>${schema(a)}</li>`)}
      </ul>`;
  if (Array.isArray(s.enum)) return html`one of ${s.enum.map((v, i) => html`${i ? ', ' : ''}<code>${JSON.stringify(v)}</code>`)}`;
  if (s.const !== undefined) return html`<code>${JSON.stringify(s.const)}</code>`;
  if (s.type === 'object' && s.properties) return fields(s);
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return html`object, each value ${schema(s.additionalProperties as Schema)}`;
  }
  const limits = constraints(s);
  const noted = limits.length ? html` <span class="limits">(${limits.join('; ')})</span>` : '';
  if (s.type === 'array') return html`array of ${schema(s.items as Schema | undefined)}${noted}`;
  return html`${Array.isArray(s.type) ? s.type.join(' or ') : String(s.type ?? 'any')}${noted}`;
}

function fields(s: Schema): Html {
  const required = new Set((s.required as string[] | undefined) ?? []);
  const properties = Object.entries(s.properties as Record<string, Schema>);
  return html`<table class="fields">
    <thead>
      <tr>
        <th scope="col">Field</th>
        <th scope="col">Required</th>
        <th scope="col">Type</th>
      </tr>
    </thead>
    <tbody>
      ${properties.map(
        ([name, p]) =>
          html`<tr>
            <th scope="row"><code>${name}</code></th>
            <td>${required.has(name) ? 'yes' : 'no'}</td>
            <td>${schema(p)}${p.description ? html`<p>${prose(String(p.description))}</p>` : ''}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function parameters(list: Parameter[]): Html {
  const described = list.some((p) => p.description);
  return html`<h4>Parameters</h4>
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Required</th>
          <th scope="col">Type</th>
          ${described ? html`<th scope="col">Description</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (p) =>
            html`<tr>
              <th scope="row"><code>${p.name}</code></th>
              <td>${p.in}</td>
              <td>${p.required ? 'yes' : 'no'}</td>
              <td>${schema(p.schema)}</td>
              ${described ? html`<td>${prose(p.description)}</td>` : ''}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

const content = (c: Record<string, Media> | undefined): Html =>
  html`${Object.entries(c ?? {}).map(([type, m]) => html`<p><code>${type}</code>${m.schema ? html`: ${schema(m.schema)}` : ''}</p>`)}`;

function responses(rs: Record<string, ResponseObject>): Html {
  return html`<h4>Responses</h4>
    <table>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(rs).map(
          ([status, r]) =>
            html`<tr>
              <th scope="row">${status}</th>
              <td>
                ${
                  r['x-error-codes']
                    ? html`<ul class="codes">
                        ${r['x-error-codes'].map(
                          (c) =>
                            html`<li>
                              <a href="#error-${c}"><code>${c}</code></a
                              >: ${prose(ERROR_DESCRIPTIONS[c])}
                            </li>`,
                        )}
                      </ul>`
                    : html`${prose(r.description)}${content(r.content)}`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function operation(method: string, path: string, op: Operation): Html {
  const who = op['x-roles'] ? html`Bearer token of: ${op['x-roles'].join(', ')}.` : html`No token.`;
  return html`<section class="operation" id="${op.operationId}" aria-labelledby="${op.operationId}-title">
    <h3 id="${op.operationId}-title"><span class="method method-${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${prose(op.summary)}</p>
    ${op.description ? html`<p>${prose(op.description)}</p>` : ''}
    <p class="who">${who}</p>
    ${op.parameters?.length ? parameters(op.parameters) : ''}
    ${
      op.requestBody
        ? html`<h4>Body</h4>
            <p>${prose(op.requestBody.description)}</p>
            ${content(op.requestBody.content)}`
        : ''
    }
    ${responses(op.responses)}
  </section>`;
}

/** Operations by tag, in the order of the document's tags. */
function byTag(doc: OpenApiDocument): [{ name: string; description?: string }, [string, string, Operation][]][] {
  const groups = new Map<string, [string, string, Operation][]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? '';
      groups.set(tag, [...(groups.get(tag) ?? []), [method, path, op]]);
    }
  }
  return doc.tags.filter((t) => groups.has(t.name)).map((t) => [t, groups.get(t.name)!]);
}

/** The whole document as one page of plain HTML: no script, styles from a file, so it works under Peil's CSP. */
async function page(doc: OpenApiDocument): Promise<string> {
  const groups = byTag(doc);
  const schemas = Object.entries((doc.components.schemas ?? {}) as Record<string, Schema>);
  const body = await html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} reference</title>
        <link rel="stylesheet" href="/api.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <p class="brand">Peil</p>
          <nav aria-label="Contents">
            <ul>
              ${groups.map(([t]) => html`<li><a href="#tag-${t.name}">${t.name}</a></li>`)}
              <li><a href="#errors">error codes</a></li>
              <li><a href="#schemas">schemas</a></li>
            </ul>
          </nav>
        </header>
        <main id="main">
          <h1>${doc.info.title}</h1>
          <p>${prose(doc.info.description)}</p>
          <p>The same as OpenAPI ${doc.openapi}: <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
          ${groups.map(
            ([t, ops]) =>
              html`<section class="tag" aria-labelledby="tag-${t.name}">
                <h2 id="tag-${t.name}">${t.name}</h2>
                <p>${prose(t.description)}</p>
                ${ops.map(([method, path, op]) => operation(method, path, op))}
              </section>`,
          )}
          <section aria-labelledby="errors">
            <h2 id="errors">Error codes</h2>
            <p>Every error is <code>{"error":{"code","message","issues?"}}</code>; choose what to show by <code>code</code>.</p>
            <dl class="errors">
              ${Object.entries(ERROR_DESCRIPTIONS).map(
                ([code, text]) =>
                  html`<dt id="error-${code}"><code>${code}</code></dt>
                    <dd>${prose(text)}</dd>`,
              )}
            </dl>
          </section>
          <section aria-labelledby="schemas">
            <h2 id="schemas">Schemas</h2>
            ${schemas.map(
              ([name, s]) =>
                html`<section class="schema" aria-labelledby="schema-${name}">
                  <h3 id="schema-${name}">${name}</h3>
                  ${schema(s)}
                </section>`,
            )}
          </section>
        </main>
      </body>
    </html> `;
  return body.toString();
}

/** `GET /api`: the OpenAPI document as a page a developer reads. */
export const reference = (app: Hono<AppEnv>) => {
  let rendered: Promise<string> | undefined;
  return new Hono<AppEnv>().get(
    '/',
    route({ summary: 'This API as a readable page', tag: 'pages', ok: { 200: { description: 'HTML', type: 'text/html' } } }),
    async (c) => {
      rendered ??= openApiDocument(app).then(page);
      return c.html(await rendered, 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'public, max-age=300' });
    },
  );
};

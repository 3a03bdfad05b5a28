import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ORGANISATIE_IN_GENERAL } from '../../schemas/constants.js';
import { Text } from '../../schemas/item.js';
import { QuestionnaireDefinition, allItems, materialize, versionIssues, type PublishedQuestionnaire } from '../../schemas/questionnaire.js';
import type { Item, Section } from '../../schemas/item.js';
import { ApiFailure } from './client.js';
import { BeheerScreen } from './screen.js';

/** The languages a text has, straight from the schema: a longer list there adds columns here. */
const LANGUAGES = Object.keys(Text.shape) as (keyof Text)[];
const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  tr: 'Turks',
  ar: 'Arabisch',
  pl: 'Pools',
  uk: 'Oekraïens',
};
const ITEM_TYPES = ['cijfer', 'stelling', 'aanraden', 'nps', 'keuze', 'meerkeuze', 'open'] as const satisfies readonly Item['type'][];
const TYPE_NAMES: Record<Item['type'], () => string> = {
  cijfer: () => msg('Rapportcijfer 1–10'),
  stelling: () => msg('Stelling (eens – oneens)'),
  aanraden: () => msg('Aanraden (ja, misschien, nee)'),
  nps: () => msg('Aanraden 0–10'),
  keuze: () => msg('Eén keuze'),
  meerkeuze: () => msg('Meerdere keuzes'),
  open: () => msg('Open vraag'),
};

type Path = (string | number)[];
type Definition = QuestionnaireDefinition;
interface Version {
  version: number;
  definition: Definition;
}

/** A problem of the draft as Dutch text, from a zod issue (or a version check) and its path. */
function dutch(issue: { code: string; path: Path; message: string }): string {
  const last = issue.path.at(-1);
  if (issue.code === 'incompatible_change')
    return msg(
      'Deze vraag had in een eerdere versie een ander soort antwoord. Geef een vraag van een ander soort een nieuwe id, dan blijven de trends kloppen.',
    );
  if (/duplicate/.test(issue.message)) return msg('Deze id komt al voor. Elke id mag maar één keer.');
  if (issue.path.includes('showIf'))
    return msg('Deze voorwaarde moet verwijzen naar een eerdere vraag en een antwoord dat die vraag kan hebben.');
  if (issue.code === 'too_small' && last === 'options') return msg('Geef ten minste één antwoordmogelijkheid.');
  if (issue.code === 'too_small' && last === 'items') return msg('Zet ten minste één vraag op deze pagina.');
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && typeof last === 'string' && LANGUAGES.includes(last as keyof Text)))
    return msg('Vul deze tekst in.');
  if (issue.code === 'invalid_format') return msg('Een id begint met een kleine letter en heeft alleen kleine letters, cijfers en _.');
  return msg('Dit klopt nog niet.');
}

const key = (path: Path) => path.join('.');
const clone = <T>(x: T): T => structuredClone(x);

/**
 * The editor of one questionnaire's draft: titles, sections and items with their texts per language,
 * help, required, options and `showIf`; problems in Dutch beside their field; a live preview that is
 * the survey element itself; publishing as the next version after saying what changes.
 */
export class BeheerEditor extends BeheerScreen {
  static override styles = [
    ...BeheerScreen.styles,
    css`
      .missing {
        margin: 0.25rem 0 0;
        font-size: 0.9em;
        color: #5c4400;
      }
      .editor {
        display: grid;
        gap: 1.5rem;
      }
      @media (min-width: 60rem) {
        .editor {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        aside {
          position: sticky;
          top: 0;
          align-self: start;
          max-height: 100vh;
          overflow: auto;
        }
      }
      fieldset {
        border: 1px solid #c8c8c8;
        border-radius: 6px;
        margin: 0 0 1rem;
        padding: 0.5rem 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 600;
      }
    `,
  ];

  @property() questionnaire = '';
  @state() private draft?: Definition;
  @state() private versions: Version[] = [];
  @state() private problems = new Map<string, string[]>();
  @state() private confirming = false;
  @state() private previewKey = 0;
  @state() private saved = true;
  private saveTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.saveTimer);
  }

  private get path() {
    return `/v1/admin/questionnaires/${encodeURIComponent(this.questionnaire)}`;
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      const { draft } = await this.client.json<{ draft: Definition }>('POST', `${this.path}/draft`);
      const { versions } = await this.client.get<{ versions: { version: number }[] }>(`${this.path}/versions`);
      this.versions = await Promise.all(versions.map((v) => this.client.get<Version>(`${this.path}/versions/${v.version}`)));
      this.draft = draft;
      this.check();
    });
  }

  private get latest(): Version | undefined {
    return this.versions.at(-1);
  }

  /** Checks the draft as the server will: the schema, then the compatibility with every published version. */
  private check(): boolean {
    const parsed = QuestionnaireDefinition.safeParse(this.draft);
    const problems = new Map<string, string[]>();
    const add = (i: { code: string; path: Path; message: string }) => {
      const k = key(i.path);
      problems.set(k, [...(problems.get(k) ?? []), dutch(i)]);
    };
    if (!parsed.success) for (const i of parsed.error.issues) add({ code: i.code, path: i.path as Path, message: i.message });
    else for (const i of versionIssues(this.versions, parsed.data)) add({ code: i.code, path: i.path ?? [], message: i.message });
    this.problems = problems;
    return problems.size === 0;
  }

  /** Applies an edit, checks it, refreshes the preview and saves the draft shortly after typing stops. */
  private edit(change: (d: Definition) => void): void {
    const next = clone(this.draft!);
    change(next);
    this.draft = next;
    this.saved = false;
    const ok = this.check();
    this.previewKey += 1;
    clearTimeout(this.saveTimer);
    if (ok) this.saveTimer = setTimeout(() => void this.save(), 600);
  }

  private async save(): Promise<boolean> {
    const r = await this.run(() => this.client.json('PUT', `${this.path}/draft`, this.draft));
    if (r.ok) this.saved = true;
    else if (r.error instanceof ApiFailure) for (const i of r.error.issues) this.problems.set(key(i.path), [dutch(i)]);
    return r.ok;
  }

  private async discard(): Promise<void> {
    if (!confirm(msg('Het concept weggooien? Alle wijzigingen sinds de laatste versie gaan verloren.'))) return;
    clearTimeout(this.saveTimer);
    const r = await this.run(() => this.client.json('DELETE', `${this.path}/draft`));
    if (!r.ok) return;
    await this.load();
    this.previewKey += 1;
    this.notice = msg('Het concept is weggegooid. U ziet weer de laatste versie.');
  }

  /** What publishing changes against the latest version, in words. */
  private changes(): string[] {
    const before = new Map((this.latest ? allItems(this.latest.definition) : []).map((i) => [i.id, i]));
    const after = allItems(this.draft!);
    const out: string[] = [];
    for (const i of after) {
      const old = before.get(i.id);
      if (!old) out.push(msg(str`Nieuwe vraag: “${i.text.nl}”`));
      else if (JSON.stringify(old) !== JSON.stringify(i)) out.push(msg(str`Gewijzigd: “${i.text.nl}”`));
    }
    for (const [id, i] of before) if (!after.some((a) => a.id === id)) out.push(msg(str`Vervalt: “${i.text.nl}”`));
    if (this.latest && JSON.stringify(this.latest.definition.title) !== JSON.stringify(this.draft!.title))
      out.push(msg('De titel is gewijzigd.'));
    return out;
  }

  private async publish(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (!this.check() || !(await this.save())) return;
    const r = await this.run(() => this.client.json<{ version: number }>('POST', `${this.path}/publish`));
    this.confirming = false;
    if (!r.ok) {
      if (r.error instanceof ApiFailure) for (const i of r.error.issues) this.problems.set(key(i.path), [dutch(i)]);
      this.requestUpdate();
      return;
    }
    await this.load();
    this.notice = msg(str`Versie ${r.value.version} is gepubliceerd. Cliënten zien deze versie vanaf nu.`);
    this.dispatchEvent(new Event('beheer-published', { bubbles: true, composed: true }));
  }

  private problemsAt(path: Path): TemplateResult | typeof nothing {
    const list = this.problems.get(key(path));
    return list ? html`${list.map((p) => html`<p class="field-error">${p}</p>`)}` : nothing;
  }

  private invalid(path: Path): 'true' | 'false' {
    return this.problems.has(key(path)) ? 'true' : 'false';
  }

  /** One input per language for a text; `get` reads it from the draft, `path` names it. */
  private textFields(
    label: string,
    path: Path,
    value: Partial<Text> | undefined,
    set: (d: Definition, v: Text | undefined) => void,
    optional = false,
  ) {
    const id = `f-${key(path).replace(/\./g, '-')}`;
    return html`<fieldset class="texts">
      <legend>${label}</legend>
      ${LANGUAGES.map((lang) => {
        const langPath = [...path, lang];
        return html`<div class="field">
          <label for=${`${id}-${lang}`}>${LANGUAGE_NAMES[lang] ?? lang}</label>
          <input
            id=${`${id}-${lang}`}
            lang=${lang}
            .value=${value?.[lang] ?? ''}
            aria-invalid=${this.invalid(langPath)}
            aria-describedby=${`${id}-${lang}-error`}
            @input=${(e: Event) => {
              const v = (e.target as HTMLInputElement).value;
              this.edit((d) => {
                // An emptied language is left out, so a schema where it is optional falls back to Dutch.
                const next = { ...(value ?? {}), [lang]: v } as Text;
                if (!v) delete (next as Partial<Text>)[lang];
                const empty = LANGUAGES.every((l) => !next[l]);
                set(d, optional && empty ? undefined : next);
              });
            }}
          />
          <div id=${`${id}-${lang}-error`}>
            ${this.problemsAt(langPath)}${lang === LANGUAGES[0] ? this.problemsAt(path) : nothing}
            ${
              lang !== 'nl' && value?.nl && !value[lang]
                ? html`<p class="missing">${msg('Nog niet vertaald: de cliënt ziet hier het Nederlands.')}</p>`
                : nothing
            }
          </div>
        </div>`;
      })}
    </fieldset>`;
  }

  private itemEditor(item: Item, s: number, i: number) {
    const path: Path = ['sections', s, 'items', i];
    const at = (d: Definition) => d.sections[s].items[i];
    const id = `f-${s}-${i}`;
    const published = this.latest ? allItems(this.latest.definition).some((x) => x.id === item.id) : false;
    return html`<article class="card" aria-labelledby=${`${id}-title`}>
      <h4 id=${`${id}-title`}>${msg(str`Vraag ${i + 1}`)}: <code>${item.id}</code></h4>
      ${
        published
          ? nothing
          : html`<div class="field">
              <label for=${`${id}-id`}
                >${msg('Id')}<span class="hint">${msg('Kleine letters, cijfers en _; blijft gelijk over versies.')}</span></label
              >
              <input
                id=${`${id}-id`}
                .value=${item.id}
                aria-invalid=${this.invalid([...path, 'id'])}
                aria-describedby=${`${id}-id-error`}
                @input=${(e: Event) => this.edit((d) => (at(d).id = (e.target as HTMLInputElement).value))}
              />
              <div id=${`${id}-id-error`}>${this.problemsAt([...path, 'id'])}</div>
            </div>`
      }
      <div class="field">
        <label for=${`${id}-type`}>${msg('Soort antwoord')}</label>
        <select
          id=${`${id}-type`}
          aria-invalid=${this.invalid([...path, 'type'])}
          aria-describedby=${`${id}-type-error`}
          @change=${(e: Event) =>
            this.edit((d) => {
              const type = (e.target as HTMLSelectElement).value as Item['type'];
              const { id: itemId, text, help, required, showIf } = at(d);
              const common = { id: itemId, text, required, ...(help ? { help } : {}), ...(showIf ? { showIf } : {}) };
              d.sections[s].items[i] = (
                type === 'keuze' || type === 'meerkeuze'
                  ? { ...common, type, options: [] }
                  : type === 'open'
                    ? { ...common, type, maxLength: 1000 }
                    : { ...common, type }
              ) as Item;
            })}
        >
          ${ITEM_TYPES.map((t) => html`<option value=${t} ?selected=${t === item.type}>${TYPE_NAMES[t]()}</option>`)}
        </select>
        <div id=${`${id}-type-error`}>${this.problemsAt([...path, 'type'])}</div>
      </div>
      ${this.textFields(msg('Vraag'), [...path, 'text'], item.text, (d, v) => (at(d).text = v!))}
      ${this.textFields(
        msg('Uitleg (niet verplicht)'),
        [...path, 'help'],
        item.help,
        (d, v) => {
          if (v) at(d).help = v;
          else delete at(d).help;
        },
        true,
      )}
      <div class="field">
        <input
          type="checkbox"
          id=${`${id}-req`}
          .checked=${item.required}
          @change=${(e: Event) => this.edit((d) => (at(d).required = (e.target as HTMLInputElement).checked))}
        />
        <label for=${`${id}-req`} class="inline">${msg('Verplicht')}</label>
      </div>
      ${item.type === 'keuze' || item.type === 'meerkeuze' ? this.optionsEditor(item, path, s, i) : nothing}
      ${this.showIfEditor(item, path, s, i)}
      <button class="danger" @click=${() => this.edit((d) => d.sections[s].items.splice(i, 1))}>
        ${msg(str`Vraag ${item.id} weghalen`)}
      </button>
    </article>`;
  }

  private optionsEditor(item: Extract<Item, { type: 'keuze' | 'meerkeuze' }>, path: Path, s: number, i: number) {
    const at = (d: Definition) => d.sections[s].items[i] as Extract<Item, { type: 'keuze' | 'meerkeuze' }>;
    const fromTeams = item.type === 'keuze' && item.optionsFrom === 'teams';
    return html`<fieldset>
      <legend>${msg('Antwoordmogelijkheden')}</legend>
      ${fromTeams ? html`<p>${msg('De teams van de partner komen er vanzelf bij.')}</p>` : nothing} ${this.problemsAt([...path, 'options'])}
      ${item.options.map(
        (o, n) =>
          html`<div class="card">
            ${this.textFields(msg(str`Mogelijkheid ${n + 1} (${o.id})`), [...path, 'options', n, 'text'], o.text, (d, v) => (at(d).options[n].text = v!))}
            ${this.problemsAt([...path, 'options', n, 'id'])}
            <button class="danger" @click=${() => this.edit((d) => at(d).options.splice(n, 1))}>
              ${msg(str`Mogelijkheid ${n + 1} weghalen`)}
            </button>
          </div>`,
      )}
      <button
        class="secondary"
        @click=${() =>
          this.edit((d) => {
            const opts = at(d).options;
            let n = opts.length + 1;
            while (opts.some((o) => o.id === `optie_${n}`)) n += 1;
            opts.push({ id: `optie_${n}`, text: Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as Text });
          })}
      >
        ${msg('Mogelijkheid toevoegen')}
      </button>
    </fieldset>`;
  }

  private showIfEditor(item: Item, path: Path, s: number, i: number) {
    const earlier = this.draft!.sections.flatMap((sec, si) => sec.items.filter((_, ii) => si < s || (si === s && ii < i)));
    const id = `f-${s}-${i}-showif`;
    const at = (d: Definition) => d.sections[s].items[i];
    return html`<div class="field">
      <label for=${id}
        >${msg('Alleen tonen als')}<span class="hint"
          >${msg('Een eerdere vraag en de antwoorden (gescheiden door komma’s) waarbij deze vraag komt.')}</span
        ></label
      >
      <div class="row">
        <select
          id=${id}
          aria-describedby=${`${id}-error`}
          @change=${(e: Event) =>
            this.edit((d) => {
              const target = (e.target as HTMLSelectElement).value;
              if (!target) delete at(d).showIf;
              else at(d).showIf = { item: target, in: at(d).showIf?.in ?? [] };
            })}
        >
          <option value="">${msg('Altijd tonen')}</option>
          ${earlier.map((x) => html`<option value=${x.id} ?selected=${item.showIf?.item === x.id}>${x.id}</option>`)}
        </select>
        ${
          item.showIf
            ? html`<label class="visually-hidden" for=${`${id}-in`}>${msg('Antwoorden')}</label>
                <input
                  id=${`${id}-in`}
                  .value=${item.showIf.in.join(', ')}
                  @change=${(e: Event) =>
                    this.edit((d) => {
                      const values = (e.target as HTMLInputElement).value
                        .split(',')
                        .map((v) => v.trim())
                        .filter(Boolean)
                        .map((v) => (/^\d+$/.test(v) ? Number(v) : v));
                      at(d).showIf = { item: item.showIf!.item, in: values };
                    })}
                />`
            : nothing
        }
      </div>
      <div id=${`${id}-error`}>
        ${this.problemsAt([...path, 'showIf', 'item'])}${this.problemsAt([...path, 'showIf', 'in'])}${this.problemsAt([...path, 'showIf'])}
      </div>
    </div>`;
  }

  private addItem(s: number, type: Item['type']): void {
    this.edit((d) => {
      const ids = new Set(allItems(d).map((x) => x.id));
      let n = 1;
      while (ids.has(`vraag_${n}`)) n += 1;
      const text = Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as Text;
      const common = { id: `vraag_${n}`, text, required: false };
      const item = (
        type === 'keuze' || type === 'meerkeuze'
          ? { ...common, type, options: [] }
          : type === 'open'
            ? { ...common, type, maxLength: 1000 }
            : { ...common, type }
      ) as Item;
      d.sections[s].items.push(item);
    });
  }

  private addSection(): void {
    this.edit((d) => {
      let n = d.sections.length + 1;
      while (d.sections.some((x) => x.id === `pagina_${n}`)) n += 1;
      d.sections.push({ id: `pagina_${n}`, title: Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as Text, items: [] });
    });
  }

  private sectionEditor(section: Section, s: number) {
    const id = `add-${s}`;
    return html`<section class="card" aria-labelledby=${`sec-${s}`}>
      <h3 id=${`sec-${s}`}>${msg(str`Pagina ${s + 1}`)}: ${section.title.nl}</h3>
      ${this.textFields(msg('Titel van de pagina'), ['sections', s, 'title'], section.title, (d, v) => (d.sections[s].title = v!))}
      ${this.problemsAt(['sections', s, 'items'])} ${section.items.map((item, i) => this.itemEditor(item, s, i))}
      <div class="row">
        <label for=${id}>${msg('Nieuwe vraag van soort')}</label>
        <select id=${id}>
          ${ITEM_TYPES.map((t) => html`<option value=${t}>${TYPE_NAMES[t]()}</option>`)}
        </select>
        <button
          class="secondary"
          @click=${() => this.addItem(s, (this.renderRoot.querySelector(`#${id}`) as HTMLSelectElement).value as Item['type'])}
        >
          ${msg('Vraag toevoegen')}
        </button>
      </div>
      ${
        this.draft!.sections.length > 1
          ? html`<button class="danger" @click=${() => this.edit((d) => d.sections.splice(s, 1))}>
              ${msg(str`Pagina ${s + 1} weghalen`)}
            </button>`
          : nothing
      }
    </section>`;
  }

  private previewDefinition(): PublishedQuestionnaire {
    const d = this.draft!;
    const filled = materialize(d, { teams: [], organisatie: ORGANISATIE_IN_GENERAL });
    return { ...filled, version: (this.latest?.version ?? 0) + 1, status: 'open' };
  }

  override render() {
    if (!this.draft)
      return html`${this.messages()}
        <p>${msg('Even geduld…')}</p>`;
    const ok = this.problems.size === 0;
    const next = (this.latest?.version ?? 0) + 1;
    return html`${this.messages()}
      <div class="editor">
        <div class="form">
          ${this.textFields(msg('Titel van de vragenlijst'), ['title'], this.draft.title, (d, v) => (d.title = v!))}
          ${this.textFields(
            msg('Inleiding (niet verplicht)'),
            ['intro'],
            this.draft.intro,
            (d, v) => {
              if (v) d.intro = v;
              else delete d.intro;
            },
            true,
          )}
          ${this.draft.sections.map((sec, s) => this.sectionEditor(sec, s))}
          <button class="secondary" @click=${this.addSection}>${msg('Pagina toevoegen')}</button>
          <p role="status">
            ${ok ? (this.saved ? msg('Concept opgeslagen.') : msg('Wordt opgeslagen…')) : msg(str`Nog ${this.problems.size} punten om te verbeteren voordat het concept wordt opgeslagen.`)}
          </p>
          ${
            this.confirming
              ? html`<div class="card" role="region" aria-labelledby="confirm">
                  <h3 id="confirm">${msg(str`Publiceren als versie ${next}?`)}</h3>
                  ${
                    this.changes().length
                      ? html`<ul>
                          ${this.changes().map((c) => html`<li>${c}</li>`)}
                        </ul>`
                      : html`<p>${msg('Er is niets veranderd ten opzichte van de vorige versie.')}</p>`
                  }
                  <p>${msg('Cliënten die nu bezig zijn, maken hun lijst af in de oude versie. Nieuwe cliënten krijgen deze versie.')}</p>
                  <div class="row">
                    <button @click=${this.publish} ?disabled=${this.busy}>${msg(str`Ja, publiceer versie ${next}`)}</button>
                    <button class="secondary" @click=${() => (this.confirming = false)}>${msg('Nog niet')}</button>
                  </div>
                </div>`
              : html`<div class="row">
                  <button ?disabled=${!ok} @click=${() => (this.confirming = true)}>${msg('Publiceren…')}</button>
                  <button class="danger" @click=${this.discard}>${msg('Concept weggooien')}</button>
                </div>`
          }
        </div>
        <aside aria-labelledby="preview-title">
          <h3 id="preview-title">${msg('Voorbeeld')}</h3>
          <p class="hint">${msg('Zo ziet de cliënt het. Antwoorden in het voorbeeld worden niet bewaard.')}</p>
          ${
            ok
              ? keyed(
                  this.previewKey,
                  html`<peil-survey
                    questionnaire=${this.questionnaire}
                    site-key="voorbeeld"
                    .preview=${this.previewDefinition()}
                  ></peil-survey>`,
                )
              : html`<p>${msg('Het voorbeeld verschijnt weer als alle punten zijn verbeterd.')}</p>`
          }
        </aside>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-editor': BeheerEditor;
  }
}

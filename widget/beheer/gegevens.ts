import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { ApiFailure } from './client.js';
import { lineIssueText, problem } from './errors.js';
import { BeheerScreen } from './screen.js';

interface ImportReport {
  lines: number;
  stored: number;
  duplicates: number;
  refused: number;
  refusedLines: { line: number; code: string; issues?: { code: string; item?: string; path?: (string | number)[] }[] }[];
  refusedLinesOmitted: number;
}

const EXPORTS = [
  { file: 'responses.csv', text: () => msg('Alle antwoorden (CSV)') },
  { file: 'responses.xlsx', text: () => msg('Alle antwoorden (Excel)') },
  { file: 'spss.zip', text: () => msg('SPSS-pakket (CSV, syntax, R, codeboek)') },
  { file: 'aggregates.csv?format=excel', text: () => msg('Cijfers (CSV voor Excel)') },
  { file: 'aggregates.xlsx', text: () => msg('Cijfers (Excel)') },
] as const;

/** Gegevens: retention per questionnaire (saying what a change deletes first), imports of interviews, the exports. */
export class BeheerGegevens extends BeheerScreen {
  @state() private questionnaires: { id: string }[] = [];
  @state() private questionnaire = '';
  @state() private retention?: number;
  @state() private proposed?: { days: number; keepsFrom: string; wouldDelete: number };
  @state() private progress?: number;
  @state() private report?: ImportReport;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const r = await this.run(() => this.client.get<{ questionnaires: { id: string }[] }>('/v1/admin/questionnaires'));
    // An onderzoeker has no questionnaire list: the gemeente's defaults are offered.
    this.questionnaires = r.ok ? r.value.questionnaires : [{ id: 'sociaal-team-kort' }, { id: 'sociaal-team' }];
    if (!r.ok) this.error = '';
    this.questionnaire ||= this.questionnaires[0]?.id ?? '';
    await this.loadRetention();
  }

  private async loadRetention(): Promise<void> {
    this.retention = undefined;
    this.proposed = undefined;
    if (!this.isAdmin || !this.questionnaire) return;
    const r = await this.run(() =>
      this.client.get<{ retentionDays: number }>(`/v1/retention?questionnaire=${encodeURIComponent(this.questionnaire)}`),
    );
    if (r.ok) this.retention = r.value.retentionDays;
  }

  /** Asks the server what the new period would delete, and shows that before anything is deleted. */
  private async propose(e: Event): Promise<void> {
    e.preventDefault();
    const days = Number(new FormData(e.target as HTMLFormElement).get('days'));
    if (!Number.isInteger(days) || days < 1 || days > 36500) {
      this.error = msg('Kies een aantal dagen van 1 tot 36500.');
      return;
    }
    const q = new URLSearchParams({ questionnaire: this.questionnaire, days: String(days) });
    const r = await this.run(() => this.client.get<{ keepsFrom: string; wouldDelete: number }>(`/v1/retention/preview?${q}`));
    if (r.ok) this.proposed = { days, ...r.value };
  }

  private async applyRetention(): Promise<void> {
    const { days } = this.proposed!;
    const r = await this.run(() =>
      this.client.json<{ deleted: number }>('PUT', `/v1/retention?questionnaire=${encodeURIComponent(this.questionnaire)}`, { days }),
    );
    if (r.ok) {
      this.retention = days;
      this.proposed = undefined;
      this.notice = msg(str`Bewaartermijn is nu ${days} dagen. ${r.value.deleted} antwoorden zijn verwijderd.`);
    }
  }

  /** Uploads with XMLHttpRequest: fetch reports no upload progress. */
  private upload(e: Event): void {
    e.preventDefault();
    const file = (new FormData(e.target as HTMLFormElement).get('file') as File | null) ?? undefined;
    if (!file || !file.size) {
      this.error = msg('Kies eerst een bestand.');
      return;
    }
    this.error = '';
    this.report = undefined;
    this.progress = 0;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/import?questionnaire=${encodeURIComponent(this.questionnaire)}`);
    // The export's own CSV layout is read as CSV; anything else as NDJSON lines.
    const csv = file.type === 'text/csv' || file.name.toLowerCase().endsWith('.csv');
    xhr.setRequestHeader('Content-Type', csv ? 'text/csv' : 'application/x-ndjson');
    for (const [k, v] of this.client.headers()) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (p) => {
      if (p.lengthComputable) this.progress = Math.round((p.loaded / p.total) * 100);
    };
    xhr.onload = () => {
      this.progress = 100;
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 400) {
        const err = (body as { error?: { code?: string; issues?: ApiFailure['issues'] } }).error;
        const columns = err?.code === 'unknown_column' ? (err.issues ?? []).map((i) => String(i.path[1])).join(', ') : '';
        this.error =
          problem(new ApiFailure(xhr.status, err?.code ?? 'internal_error')) + (columns ? ` ${msg(str`Kolommen: ${columns}.`)}` : '');
        return;
      }
      this.report = body as ImportReport;
    };
    xhr.onerror = () => (this.error = problem(new ApiFailure(0, 'load_failed')));
    xhr.send(file);
  }

  private async download(file: string): Promise<void> {
    const [name, query] = file.split('?');
    const params = new URLSearchParams(query);
    params.set('questionnaire', this.questionnaire);
    const r = await this.run(async () => (await this.client.send('GET', `/v1/export/${name}?${params}`)).blob());
    if (!r.ok) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(r.value);
    a.download = `${this.questionnaire}-${name}`;
    a.click();
    URL.revokeObjectURL(a.href);
    this.notice = msg(str`${name} is gedownload.`);
  }

  override render() {
    const keepsFrom = this.proposed ? new Date(`${this.proposed.keepsFrom}T12:00:00Z`).toLocaleDateString('nl-NL') : '';
    return html`<h2>${msg('Gegevens')}</h2>
      ${this.messages()}
      <div class="field">
        <label for="g-q">${msg('Vragenlijst')}</label>
        <select
          id="g-q"
          @change=${(e: Event) => {
            this.questionnaire = (e.target as HTMLSelectElement).value;
            void this.loadRetention();
          }}
        >
          ${this.questionnaires.map((q) => html`<option value=${q.id} ?selected=${q.id === this.questionnaire}>${q.id}</option>`)}
        </select>
      </div>
      ${
        this.isAdmin
          ? html`<section aria-labelledby="retention">
              <h3 id="retention">${msg('Bewaartermijn')}</h3>
              <p>${this.retention ? msg(str`Antwoorden worden ${this.retention} dagen bewaard en daarna vanzelf verwijderd.`) : nothing}</p>
              <form class="row" @submit=${this.propose}>
                <label for="g-days">${msg('Nieuwe termijn (dagen)')}</label>
                <input id="g-days" name="days" inputmode="numeric" value=${this.retention ?? ''} />
                <button class="secondary" type="submit">${msg('Bekijk wat dit doet')}</button>
              </form>
              ${
                this.proposed
                  ? html`<div class="card" role="region" aria-labelledby="retention-check">
                      <h4 id="retention-check">${msg('Weet u het zeker?')}</h4>
                      <p data-retention-preview>
                        ${
                          this.proposed.wouldDelete
                            ? msg(
                                str`Met ${this.proposed.days} dagen worden ${this.proposed.wouldDelete} antwoorden van vóór ${keepsFrom} meteen en voorgoed verwijderd, en ook de cijfers daarvan. Dit kan niet terug.`,
                              )
                            : msg(
                                str`Met ${this.proposed.days} dagen wordt nu niets verwijderd: er zijn geen antwoorden van vóór ${keepsFrom}.`,
                              )
                        }
                      </p>
                      <div class="row">
                        <button class="danger" @click=${this.applyRetention}>${msg(str`Ja, bewaar ${this.proposed.days} dagen`)}</button>
                        <button class="secondary" @click=${() => (this.proposed = undefined)}>${msg('Niet wijzigen')}</button>
                      </div>
                    </div>`
                  : nothing
              }
            </section>`
          : nothing
      }
      <section aria-labelledby="import">
        <h3 id="import">${msg('Telefoon- en papieren interviews invoeren')}</h3>
        <p>
          ${msg(
            'Een NDJSON-bestand (één interview per regel, met channel “telefoon” of “papier”) of een CSV-bestand met de kolommen en codes van de export “Alle antwoorden (CSV)”. Foute regels worden overgeslagen en hieronder genoemd.',
          )}
        </p>
        <form @submit=${this.upload}>
          <div class="field">
            <label for="g-file">${msg('Bestand')}</label>
            <input id="g-file" name="file" type="file" accept=".ndjson,.jsonl,.json,.txt,.csv" />
          </div>
          <button type="submit">${msg('Invoeren')}</button>
        </form>
        ${
          this.progress !== undefined
            ? html`<label for="g-progress">${msg('Voortgang')}</label>
                <progress id="g-progress" max="100" value=${this.progress}>${this.progress}%</progress>`
            : nothing
        }
        ${
          this.report
            ? html`<div class="card" role="status">
                <p>
                  ${msg(
                    str`${this.report.lines} regels gelezen: ${this.report.stored} opgeslagen, ${this.report.duplicates} al eerder ingevoerd, ${this.report.refused} geweigerd.`,
                  )}
                </p>
                ${
                  this.report.refusedLines.length
                    ? html`<ul>
                        ${this.report.refusedLines.map(
                          (l) =>
                            html`<li>
                              ${msg(str`Regel ${l.line}:`)} ${lineIssueText(l.code)}
                              ${(l.issues ?? [])
                                .filter((i) => i.code !== l.code || i.item || i.path?.[0] === 'column')
                                .map((i) =>
                                  i.path?.[0] === 'column' && !i.item
                                    ? html` ${msg('Kolom')} ${i.path[1]}${i.code === l.code ? '' : `: ${lineIssueText(i.code)}`}.`
                                    : html` ${msg('Vraag')}
                                      ${i.item ?? i.path?.join('.') ?? ''}${i.code === l.code ? '' : `: ${lineIssueText(i.code)}`}.`,
                                )}
                            </li>`,
                        )}
                      </ul>`
                    : nothing
                }
                ${this.report.refusedLinesOmitted ? html`<p>${msg(str`En nog ${this.report.refusedLinesOmitted} geweigerde regels.`)}</p>` : nothing}
              </div>`
            : nothing
        }
      </section>
      <section aria-labelledby="exports">
        <h3 id="exports">${msg('Exports')}</h3>
        <ul class="plain">
          ${EXPORTS.map((x) => html`<li><button class="secondary" @click=${() => this.download(x.file)}>${x.text()}</button></li>`)}
        </ul>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-gegevens': BeheerGegevens;
  }
}

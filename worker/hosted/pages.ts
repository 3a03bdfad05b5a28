import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A page of Peil's own: no inline script or style (the strict CSP), one stylesheet, Peil's icon. */
function document(opts: { lang: string; title: string; css: string; head?: Html; body: Html }): Html {
  return html`<!doctype html>
    <html lang="${opts.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/${opts.css}" />
        ${opts.head ?? ''}
      </head>
      <body>
        ${opts.body}
      </body>
    </html> `;
}

/** A URL as it is printed for people to type: without `https://`. */
export function printable(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** Attributes of `<peil-survey>` in order; an empty value writes a boolean attribute. */
export type SurveyAttributes = [name: string, value: string][];

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element; attribute names are Peil's own, the values (from the request) are escaped. */
function survey(attrs: SurveyAttributes): Html {
  const written = attrs.map(([name, value]) => (value === '' ? name : `${name}="${escapeAttr(value)}"`)).join(' ');
  return html`${raw(`<peil-survey ${written}></peil-survey>`)}`;
}

export interface HostedPage {
  lang: string;
  /** The partner as clients know it, e.g. "Sociaal team Crabbehof". */
  partner: string;
  title: string;
  attrs: SurveyAttributes;
  /** The questionnaire request the widget makes, preloaded under exactly its URL. */
  preload: string;
}

/** The hosted survey: the partner's name and the questionnaire, nothing else. */
export function hostedPage(p: HostedPage): Html {
  return document({
    lang: p.lang,
    title: `${p.title} — ${p.partner}`,
    css: 'hosted.css',
    head: html`<link rel="preload" as="fetch" crossorigin href="${p.preload}" />
      <script defer src="/peil.js"></script> `,
    body: html`<header class="hosted-head"><p class="partner">${p.partner}</p></header>
      <main class="hosted">
        <h1 class="sr-only">${p.title}</h1>
        ${survey(p.attrs)}
      </main>`,
  });
}

/** The screen where an interviewer enters a telephone or paper interview (signed in through `#token=`). */
export function interviewPage(p: HostedPage): Html {
  return document({
    lang: p.lang,
    title: `Interview invoeren — ${p.title} — ${p.partner}`,
    css: 'hosted.css',
    head: html`<script defer src="/peil-interview.js"></script> `,
    body: html`<header class="hosted-head"><p class="partner">${p.partner}</p></header>
      <main class="hosted">
        <h1>Interview invoeren <span lang="en" class="en">Enter an interview</span></h1>
        ${survey(p.attrs)}
      </main>`,
  });
}

/** An A4 poster for a waiting room: the hosted page's QR code, large, with a line to type instead. */
export function posterPage(p: { partner: string; url: string; qr: string }): Html {
  return document({
    lang: 'nl',
    title: `Poster — ${p.partner}`,
    css: 'print.css',
    body: html`<main class="poster">
      <p class="partner">${p.partner}</p>
      <h1>Hoe was de hulp?</h1>
      <p class="en" lang="en">How was our help?</p>
      <p class="lead">Vertel het ons. Scan de code met de camera van uw telefoon. Het kost een paar minuten.</p>
      <div class="qr">${raw(p.qr)}</div>
      <p class="type">Of typ dit adres: <span class="link">${printable(p.url)}</span></p>
      <p class="note">U hoeft uw naam niet te geven. <span lang="en">Scan the code to answer, in Dutch or English.</span></p>
    </main>`,
  });
}

export interface Card {
  partner: string;
  qr: string;
  shortLink: string;
}

/** Invite cards on A4 sheets, `perPage` to a sheet (2 columns), with cut lines. */
export function cardSheet(cards: Card[], perPage: 8 | 10): Html {
  const sheets: Card[][] = [];
  for (let i = 0; i < cards.length; i += perPage) sheets.push(cards.slice(i, i + perPage));
  return document({
    lang: 'nl',
    title: `Uitnodigingen (${cards.length})`,
    css: 'print.css',
    body: html`<main class="cards">
      <h1 class="sr-only">Uitnodigingen om de vragenlijst in te vullen (${cards.length})</h1>
      ${sheets.map(
        (sheet, s) =>
          html`<section class="sheet per-${perPage}" aria-label="Blad ${s + 1}">
            ${sheet.map(
              (c) =>
                html`<article class="card">
                  <p class="partner">${c.partner}</p>
                  <div class="qr">${raw(c.qr)}</div>
                  <p class="line">Hoe was de hulp? Scan de code en vertel het ons.</p>
                  <p class="en" lang="en">How was our help? Scan the code and tell us.</p>
                  <p class="link">${printable(c.shortLink)}</p>
                </article> `,
            )}
          </section> `,
      )}
    </main>`,
  });
}

/** A short page for a link that leads nowhere (an invite code mistyped from a card). */
export function messagePage(title: string, text: string, en: string): Html {
  return document({
    lang: 'nl',
    title,
    css: 'hosted.css',
    body: html`<main class="hosted message">
      <h1>${title}</h1>
      <p>${text}</p>
      <p lang="en">${en}</p>
    </main>`,
  });
}

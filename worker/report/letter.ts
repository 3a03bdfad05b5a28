import { esc, gemeenteTitle, printPage } from './print.js';

/** What every letter of a batch says, and each letter's own code, link and QR code. */
export interface LetterInput {
  gemeente: string;
  /** The short link without its code (`…/i`): with `/<code>` after it, short enough to type. */
  shortUrl: string;
  phone: string;
  sender?: string;
  serviceYear?: string;
  /** The last day the code works (YYYY-MM-DD). */
  expiresOn: string;
  letters: { code: string; url: string; qr: string }[];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2026-07-01 → 1 juli 2026. */
export function dutchDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * One A4 letter per invite, in B1 Dutch: why we ask, how to take part (QR code, or the short link and
 * the code), how to get a paper form or a telephone interview, and that taking part is anonymous and free.
 * The address block is left for the gemeente's own mailing: Peil keeps no names or addresses.
 */
export function lettersHtml(input: LetterInput): string {
  const when = input.serviceYear ? ` in ${esc(input.serviceYear)}` : '';
  const gemeente = esc(gemeenteTitle(input.gemeente));
  const sheets = input.letters.map(
    (l) => `<section class="letter" aria-label="Brief met code ${esc(l.code)}">
<p class="from">${gemeente}</p>
<div class="address">Ruimte voor naam en adres</div>
<h1>Wat vindt u van de hulp van de gemeente?</h1>
<p>Beste inwoner,</p>
<p>U kreeg${when} hulp of ondersteuning van ${gemeente}. Wij willen graag weten wat u daarvan vond. Zo kunnen wij de hulp beter maken.</p>
<p>Het invullen duurt ongeveer 5 minuten. Uw antwoorden zijn anoniem. Wij weten niet wie wat heeft ingevuld. Meedoen mag, maar het hoeft niet. Het heeft geen gevolgen voor uw hulp.</p>
<h2>Zo doet u mee</h2>
<div class="steps">
<div class="qr">${l.qr}</div>
<div>
<p><strong>Met uw telefoon:</strong> richt de camera op het vierkantje. Dan opent de vragenlijst.</p>
<p><strong>Met de computer:</strong> typ dit adres over in de adresbalk:<br><span class="url">${esc(input.shortUrl)}/${esc(l.code)}</span></p>
<p>Uw code is:</p>
<p class="code">${esc(l.code)}</p>
</div>
</div>
<p><strong>Liever op papier of aan de telefoon?</strong> Bel ${esc(input.phone)} en noem uw code. Dan sturen wij u een papieren vragenlijst met een antwoordenvelop. Of wij stellen u de vragen aan de telefoon.</p>
<p>Doe mee vóór ${esc(dutchDate(input.expiresOn))}. Alvast bedankt!</p>
<p>Met vriendelijke groet,<br>${input.sender ? esc(input.sender) : gemeente}</p>
<p class="en" lang="en">English: scan the square with your phone, or type the address above. You can choose English on the page. Call ${esc(input.phone)} for a paper form or a phone interview.</p>
</section>`,
  );
  return printPage(`Brieven: uitnodiging vragenlijst ${gemeenteTitle(input.gemeente)}`, `<main>\n${sheets.join('\n')}\n</main>`);
}

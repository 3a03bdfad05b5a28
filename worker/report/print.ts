/**
 * The stylesheet of the pages Peil makes to print: the yearly CEO report and the invite letters. A4,
 * page numbers in the bottom margin, tables that do not break inside a row and repeat their header on a
 * new page, text at least 11 pt, contrast well above 4.5:1.
 */
export const PRINT_CSS = `@page { size: A4; margin: 20mm 18mm 22mm; @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 9pt system-ui, sans-serif; color: #333; } }
@page letter { margin: 18mm 20mm; @bottom-right { content: none; } }
:root { color: #1a1a1a; background: #fff; font: 11pt/1.45 system-ui, "Segoe UI", Arial, sans-serif; }
body { margin: 0 auto; max-width: 174mm; padding: 0 4mm; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 4mm; color: #00396e; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; color: #00396e; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p, li { max-width: 160mm; }
a { color: #00396e; }
.meta { color: #333; }
.report > section { break-before: page; }
.report > section:first-of-type { break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 10pt; break-inside: auto; }
caption { text-align: left; font-weight: 600; padding-bottom: 1.5mm; caption-side: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #767676; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
th[scope="col"] { background: #e8eef5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.theme { break-inside: avoid; }
table.wide { font-size: 9pt; }
.small-table { break-inside: avoid; }
.note { font-size: 10pt; color: #333; }
.sig { font-weight: 600; }
.summary li { margin-bottom: 1.5mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.letter { page: letter; break-after: page; break-inside: avoid; }
.letter:last-child { break-after: auto; }
.letter p { margin: 0 0 2.5mm; }
.letter .from { font-weight: 600; font-size: 13pt; color: #00396e; margin-bottom: 6mm; }
.letter .address { min-height: 25mm; border: 1px dashed #767676; padding: 3mm; color: #333; width: 85mm; margin-bottom: 8mm; }
.letter h1 { font-size: 17pt; margin-bottom: 5mm; }
.letter h2 { margin: 5mm 0 3mm; }
.letter .steps { display: grid; grid-template-columns: 45mm 1fr; gap: 6mm; align-items: start; margin-bottom: 4mm; }
.letter .qr svg { width: 45mm; height: 45mm; display: block; }
.letter .code { font: 600 16pt/1.2 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.08em; }
.letter .url { font: 11pt ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
.letter .en { font-size: 10pt; color: #333; border-top: 1px solid #767676; padding-top: 2mm; margin-top: 6mm; }
@media screen { body { padding: 8mm 4mm; } .letter { border-bottom: 2px dashed #767676; padding-bottom: 8mm; margin-bottom: 8mm; } }
`;

/** "Demo" reads as "Gemeente Demo"; a name that already says "Gemeente …" is kept as it is. */
export function gemeenteTitle(name: string): string {
  return /^gemeente\b/i.test(name) ? name : `Gemeente ${name}`;
}

/** HTML text: nothing a gemeente or client typed can become markup. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A printable page: Dutch, the print stylesheet, no script. */
export function printPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/report.css">
</head>
<body>
${body}
</body>
</html>
`;
}

// Throughput of the open-text scrubber, which runs on every submission: ms per 1,000 texts for a mix
// of ordinary answers and answers with personal data, the mix before and after scrubbing given alike.
// node bench/scrub.mjs [rounds]
import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = await mkdtemp(join(tmpdir(), 'peil-scrub-'));
const outfile = join(dir, 'scrub.mjs');
await build({
  entryPoints: [new URL('../worker/scrub.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const { scrubText } = await import(pathToFileURL(outfile).href);

const ordinary = [
  'Ik ben heel tevreden over de hulp van het sociaal team. Mijn consulent was vriendelijk en dacht mee.',
  'De wachttijd was te lang, ik heb 3 weken gewacht op een gesprek. Daarna ging het wel goed.',
  'Fijn dat er iemand thuis kwam. Op 12-03-2024 had ik een gesprek om 10.30 uur en dat was prettig.',
  'Ik betaal € 1.500,00 per maand en dat is veel. Graag meer uitleg over de regels van de Wmo 2015.',
  'Het was een goed gesprek, maar ik weet nog steeds niet wat er nu gaat gebeuren met mijn aanvraag.',
  'Top geholpen!',
  'Wij zijn met 4 personen en wonen 25 jaar in Dordrecht. De hulp kwam snel en was duidelijk.',
  'Niet zo tevreden. Ik moest alles drie keer vertellen aan verschillende mensen van het wijkteam.',
];
const personal = [
  'Bel me op 06-12345678 of mail naar jan punt jansen at gmail punt com, dan praten we verder.',
  'Mijn zoon Daan heeft hulp gekregen van mevrouw De Vries, zij was geweldig. Groetjes, Anja',
  'Mijn BSN is 123 456 782 en mijn rekening NL91 ABNA 0417 1643 00, graag het geld terug.',
  'Ik woon op de Voorstraat 12, 3311 AB Dordrecht. Mijn man Ahmed is ziek, bel +31 (0)6 1234 5678.',
];
const texts = [];
for (let i = 0; i < 1000; i++) texts.push(i % 5 === 4 ? personal[i % personal.length] : ordinary[i % ordinary.length]);
const long = texts.map((t) => `${t} `.repeat(10).trim());

const rounds = Number(process.argv[2] ?? 20);
const time = (set) => {
  const start = performance.now();
  for (const t of set) scrubText(t);
  return performance.now() - start;
};
for (let i = 0; i < 3; i++) time(texts);
const short = [];
const tenfold = [];
for (let i = 0; i < rounds; i++) {
  short.push(time(texts));
  tenfold.push(time(long));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chars = (set) => Math.round(set.reduce((n, t) => n + t.length, 0) / set.length);
console.log(`1,000 texts of ~${chars(texts)} characters: median ${median(short).toFixed(1)} ms (${rounds} rounds)`);
console.log(`1,000 texts of ~${chars(long)} characters: median ${median(tenfold).toFixed(1)} ms`);

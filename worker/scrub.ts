/** Kinds of personal data removed from open answers, in reporting order. */
export const SCRUB_KINDS = ['email', 'telefoon', 'bsn', 'iban', 'postcode'] as const;

/** One kind of personal data that `scrubText` removes. */
export type ScrubKind = (typeof SCRUB_KINDS)[number];

/** The Dutch marker that replaces each kind in stored text. */
export const SCRUB_MARKERS = {
  email: '[e-mailadres]',
  telefoon: '[telefoonnummer]',
  bsn: '[bsn]',
  iban: '[iban]',
  postcode: '[adres]',
} as const satisfies Record<ScrubKind, string>;

type Pass = (text: string, found: Set<ScrubKind>) => string;

// Patterns refuse a neighbouring digit, so a match never takes part of a longer number: that is
// what keeps partial digits from being left behind.
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
const SP = String.raw`[ \u00A0]`;
const DIGIT_SEP = String.raw`(?:${SP}?[\-./]${SP}?|${SP})`;

const EMAIL_LOCAL = String.raw`[\p{L}\p{N}._%+\-]+`;
const EMAIL_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const EMAIL = new RegExp(
  // The lookbehind keeps matching linear: a start only at the beginning of a run.
  String.raw`(?<![\p{L}\p{N}._%+\-])${EMAIL_LOCAL}(?:${SP}?@${SP}?|${SP}?[(\[]at[)\]]${SP}?)` +
    String.raw`(?:${EMAIL_LABEL}\.)+\p{L}{2,}${EDGE_AFTER}`,
  'gu',
);

// IBAN lengths from the SWIFT IBAN registry; an exact length keeps the scan from eating the
// words that follow an IBAN written in groups.
const IBAN_LENGTHS = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 ' +
    'DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 ' +
    'IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 ' +
    'MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 ' +
    'SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);
const IBAN_START = new RegExp(String.raw`${EDGE_BEFORE}([A-Za-z]{2})${SP}?(\d{2})`, 'gu');
const IBAN_CHAR = /^[A-Za-z0-9]$/;
const IBAN_SEP = /^[ \u00A0\-]$/;

/** ISO 7064 mod 97-10 of an IBAN in check order, digit by digit so no BigInt is needed. */
function mod97(value: string): number {
  let rest = 0;
  for (const c of value) {
    const n = Number.parseInt(c, 36);
    rest = (rest * (n < 10 ? 10 : 100) + n) % 97;
  }
  return rest;
}

/** End index of a valid IBAN starting at `match`, or -1. */
function ibanEnd(text: string, match: RegExpExecArray): number {
  const country = match[1].toUpperCase();
  const length = IBAN_LENGTHS.get(country);
  if (length === undefined) return -1;
  let bban = '';
  let i = match.index + match[0].length;
  while (bban.length < length - 4 && i < text.length) {
    if (IBAN_CHAR.test(text[i])) bban += text[i++];
    else if (IBAN_SEP.test(text[i]) && IBAN_CHAR.test(text[i + 1] ?? '')) i++;
    else break;
  }
  if (bban.length < length - 4 || /[\p{L}\p{N}]/u.test(text[i] ?? '')) return -1;
  bban = bban.toUpperCase();
  const letters = bban.replace(/\d/g, '').length;
  // Shape checks stop a text fragment that happens to pass mod-97 from counting as an IBAN.
  const shaped =
    country === 'NL' ? /^[A-Z]{4}\d{10}$/.test(bban) : letters <= bban.length - letters;
  return shaped && mod97(bban + country + match[2]) === 1 ? i : -1;
}

const scrubIbans: Pass = (text, found) => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(IBAN_START)) {
    if (match.index < last) continue;
    const end = ibanEnd(text, match);
    if (end < 0) continue;
    out += text.slice(last, match.index) + SCRUB_MARKERS.iban;
    last = end;
    found.add('iban');
  }
  return out + text.slice(last);
};

const alternatives = (words: string) => `(?:${words.split(' ').join('|')})`;
const eitherCase = (word: string) => `[${word[0]}${word[0].toUpperCase()}]${word.slice(1)}`;
const anyCase = (word: string) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');

// Two-letter words and units after a number are far more common than a lowercase postcode.
const STOP_WORDS = 'al ca de eh en er ex ik in is ja je me na nu of om op te uw we ze zo'
  .split(' ')
  .map(eitherCase);
const UNITS = 'cl cm dl gb hz kb kg km kw mb mg ml mm pk'.split(' ').map(anyCase);
const NOT_STOP = String.raw`(?!(?:${STOP_WORDS.join('|')})(?!\p{L}))`;
const NOT_UNIT = String.raw`(?!(?:${UNITS.join('|')})(?!\p{L}))`;
// SA, SD and SS are never issued as postcode letters.
const PC_UPPER = String.raw`[1-9]\d{3}${SP}?(?!S[ADS])[A-Z]{2}`;
const PC_TIGHT = String.raw`[1-9]\d{3}${NOT_UNIT}(?![sS][aAdDsS])[A-Za-z]{2}`;
const PC_LOOSE = String.raw`[1-9]\d{3}${SP}${NOT_STOP}${NOT_UNIT}(?![sS][aAdDsS])[A-Za-z]{2}`;
const PC = `(?:${PC_UPPER}|${PC_TIGHT}|${PC_LOOSE})${EDGE_AFTER}`;
// Abbreviations that follow a year ("in 2020 EU-subsidie") and are no address on their own.
const NOT_ABBREVIATION = String.raw`(?!\d{4}${SP}(?:EU|NS|OV|TV|VN)(?!\p{L}))`;
// 12, 12a, 12-A, 12 B, 12-2, 12/3.
const HUISNUMMER =
  String.raw`[1-9]\d{0,4}(?:(?:-?[A-Za-z]|${SP}[A-Z])(?!\p{L})|[\-/][1-9]\d{0,3})?(?!\p{N})`;
const PARTICLES = "van de der den het 't ’t aan op in bij la le ter ten te tot en onder voor";
// Capitalised words that start a sentence far more often than a street name.
const SENTENCE_STARTS = 'In Op Bij Naar Aan Ik Wij We Hij Zij Ze Via Vanaf Tot Uit Om Met Mijn Ons';
const STREET_SUFFIXES =
  'straat laan weg plein gracht kade singel dijk steeg dreef hof pad markt park plantsoen wal ' +
  'haven boulevard';
// An optional capitalised first word covers "Oude Kerkstraat" and "Laan van Meerdervoort".
const STREET_HEAD =
  String.raw`(?:(?!${alternatives(SENTENCE_STARTS)}${SP})\p{Lu}[\p{L}'’\-]*\.?${SP}` +
  `(?:${alternatives(PARTICLES)}${SP})*)?`;
const STREET_BY_SUFFIX =
  String.raw`(?![oO]nderweg${SP})[\p{L}'’\-]*\p{L}` + alternatives(STREET_SUFFIXES);

const ADDRESS_PATTERNS = [
  // Street + number + postcode: the postcode proves the word before the number is a street.
  String.raw`${STREET_HEAD}\p{L}[\p{L}'’\-]*${SP}+${HUISNUMMER}${SP}*,?\s*${PC}`,
  String.raw`${PC}${SP}*,?${SP}*${HUISNUMMER}`,
  String.raw`${STREET_HEAD}${STREET_BY_SUFFIX}${SP}+${HUISNUMMER}`,
  String.raw`${NOT_ABBREVIATION}(?:${PC_UPPER}|${PC_TIGHT})${EDGE_AFTER}`,
  String.raw`${PC_LOOSE}${EDGE_AFTER}(?=,?${SP}+\p{Lu})`,
].map((source) => new RegExp(EDGE_BEFORE + source, 'gu'));

/** `count` digits, each optionally preceded by a separator such as a space, dot or hyphen. */
const digits = (count: number) => String.raw`\d(?:${DIGIT_SEP}?\d){${count - 1}}`;
const phonePattern = (body: string) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}+]|\p{N}[.,])(?:${body})(?!\p{N})`, 'gu');
const PHONE_NL_INTERNATIONAL = phonePattern(
  // +31 6…, +31(0)6…, 0031 6…, and the common slip of keeping the 0: +31 06….
  String.raw`(?:\+|00)${SP}?31${SP}?(?:\(0\)${SP}?|0)?(?:[\-.]${SP}?)?` +
    String.raw`[1-9]${DIGIT_SEP}?${digits(8)}`,
);
// With the area code in brackets the split is explicit; without, `plausibleNlPhone` checks it.
const PHONE_NL = phonePattern(
  [
    String.raw`\(0[1-9]\)${SP}?${digits(8)}`,
    String.raw`\(0[1-9]\d\)${SP}?${digits(7)}`,
    String.raw`\(0[1-9]\d\d\)${SP}?${digits(6)}`,
    String.raw`0[1-9]${DIGIT_SEP}?${digits(8)}`,
  ].join('|'),
);
const PHONE_INTERNATIONAL = phonePattern(
  String.raw`(?:\+|00)${SP}?[1-9]\d{0,2}(?:${SP}?\(0\))?(?:${DIGIT_SEP}?\d){7,12}`,
);

// "06-03-2024 10:30" has ten digits starting with 06 once its separators are ignored.
const DATE_START = /^0[1-9][\-./]\d{2}[\-./](?:19|20)\d{2}(?!\d)/;

/** A written Dutch number has an area code of 3–4 digits, or the 2-digit mobile prefix 06. */
function plausibleNlPhone(match: string): boolean {
  if (match.startsWith('(')) return true;
  const areaCode = /^\d+/.exec(match)![0];
  return !DATE_START.test(match) && (areaCode.length !== 2 || areaCode === '06');
}

// The digits of an IBAN that failed mod-97 are not a phone number or BSN: taking them would
// leave the country code and bank code behind.
const IBAN_HEAD_BEFORE = /[A-Za-z]{2}\d{2}(?:[ \u00A0]?[A-Za-z0-9]{4})*[ \u00A0]?$/;
const afterIbanHead = (text: string, offset: number) =>
  IBAN_HEAD_BEFORE.test(text.slice(Math.max(0, offset - 40), offset));

// Grouped forms refuse a neighbouring digit group too, so "1 123 456 782" stays whole; amounts
// ("€ 123.456.782", "123456782,50") are no BSN.
const BSN = new RegExp(
  String.raw`(?<![\p{L}\p{N}+€]|\p{N}[.,\-]|€${SP})(?:` +
    String.raw`\d{9}(?![.,\-]\p{N})` +
    String.raw`|(?<!\p{N}${SP})(?:\d{3}([ .\-])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3})` +
    String.raw`(?!${SP}\p{N}|[.,\-]\p{N}))${EDGE_AFTER}`,
  'gu',
);

/** The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11, and not all zeros. */
function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  return (sum - Number(bsn[8])) % 11 === 0;
}

type Classify = (match: string, offset: number, text: string) => ScrubKind | undefined;

function replacing(pattern: RegExp, classify: Classify): Pass {
  return (text, found) =>
    text.replace(pattern, (match: string, ...rest: unknown[]) => {
      // After the groups, `replace` passes the offset: the first number among the arguments.
      const offset = rest.find((value) => typeof value === 'number') as number;
      const kind = classify(match, offset, text);
      if (!kind) return match;
      found.add(kind);
      return SCRUB_MARKERS[kind];
    });
}

const phone: Classify = (_match, offset, text) =>
  afterIbanHead(text, offset) ? undefined : 'telefoon';

const nineDigits: Classify = (match, offset, text) => {
  if (afterIbanHead(text, offset)) return undefined;
  if (isValidBsn(match.replace(/\D/g, ''))) return 'bsn';
  // A 9-digit run starting with 6 that fails the 11-proef is a mobile number without its 0.
  return /^6\d{8}$/.test(match) ? 'telefoon' : undefined;
};

// IBANs first (they contain long digit runs), then addresses, phone numbers and BSNs.
const PASSES: readonly Pass[] = [
  replacing(EMAIL, () => 'email'),
  scrubIbans,
  ...ADDRESS_PATTERNS.map((pattern) => replacing(pattern, () => 'postcode')),
  replacing(PHONE_NL_INTERNATIONAL, phone),
  replacing(PHONE_NL, (match, offset, text) =>
    plausibleNlPhone(match) ? phone(match, offset, text) : undefined,
  ),
  replacing(PHONE_INTERNATIONAL, phone),
  replacing(BSN, nineDigits),
];

/** Replaces e-mail addresses, phone numbers, BSNs, IBANs and addresses with Dutch markers. */
export function scrubText(text: string): { text: string; found: ScrubKind[] } {
  const found = new Set<ScrubKind>();
  let current = text;
  // Repeat until stable: a replacement can expose a neighbour that a lookaround held back.
  // Every replacement removes digits or an e-mail's at-sign and adds neither, so this ends.
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = PASSES.reduce((acc, pass) => pass(acc, found), current);
  }
  return { text: current, found: SCRUB_KINDS.filter((kind) => found.has(kind)) };
}

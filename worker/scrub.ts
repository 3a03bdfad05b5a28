import { FIRST_NAMES, foldName } from './scrub-names.js';

/** Kinds of personal data removed from open answers, in reporting order. */
export const SCRUB_KINDS = ['email', 'telefoon', 'bsn', 'iban', 'postcode', 'naam'] as const;

/** One kind of personal data that `scrubText` removes. */
export type ScrubKind = (typeof SCRUB_KINDS)[number];

/** The Dutch marker that replaces each kind in stored text. */
export const SCRUB_MARKERS = {
  email: '[e-mailadres]',
  telefoon: '[telefoonnummer]',
  bsn: '[bsn]',
  iban: '[iban]',
  postcode: '[adres]',
  naam: '[naam]',
} as const satisfies Record<ScrubKind, string>;

type Pass = (text: string, found: Set<ScrubKind>) => string;

// Characters that show as nothing, or steer the reading direction: they only hide a number from a pattern.
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
// Joiners also glue emoji together (a family emoji); only between emoji are they kept.
// eslint-disable-next-line no-misleading-character-class -- the skin-tone range is meant as single code points
const JOINER = /(?<![\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}])[\u200C\u200D]|[\u200C\u200D](?!\p{Extended_Pictographic})/gu;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const DASHES = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63]/gu;
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;
// Arabic-Indic, extended Arabic-Indic (Persian, Urdu) and Devanagari digits, by the code point of their zero.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];
const NATIVE_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/gu;
const PLAIN_ASCII = /^[\x20-\x7E\n]*$/;

function asciiDigit(d: string): string {
  const c = d.codePointAt(0)!;
  return String(c - DIGIT_ZEROS.find((zero) => c >= zero && c <= zero + 9)!);
}

/**
 * The text as the patterns expect it: compatibility forms folded (NFKC: full-width and styled digits,
 * ligatures), invisible characters removed, every dash a hyphen-minus, every space a plain space, line
 * breaks `\n`, digits ASCII. The stored text is this normalised text.
 */
export function normalizeText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(JOINER, '')
    .normalize('NFKC')
    .replace(LINE_BREAKS, '\n')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(NATIVE_DIGIT, asciiDigit);
}

// Patterns refuse a neighbouring digit, so a match never takes part of a longer number: that is
// what keeps partial digits from being left behind.
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
// After `normalizeText` every space is a plain one.
const SP = ' ';
const DIGIT_SEP = String.raw`(?:${SP}?[\-./]${SP}?|${SP})`;

const EMAIL_LOCAL = String.raw`[\p{L}\p{N}._%+\-]+`;
const EMAIL_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const bracketed = (words: string) => String.raw`${SP}?[(\[{<]${SP}?(?:${words})${SP}?[)\]}>]${SP}?`;
// "jan(at)ziggo.nl", "jan [at] ziggo", "jan apenstaartje ziggo", "jan @ ziggo".
const EMAIL_AT = String.raw`(?:${SP}?@${SP}?|${bracketed('at|a|apenstaartje')}|${SP}(?:at|apenstaartje)${SP})`;
// "punt", "[dot]", or a dot with a space on both sides: in the local part a dot followed by a space
// alone is the end of a sentence.
const SPELLED_DOT = String.raw`(?:${bracketed('dot|punt')}|${SP}(?:dot|punt)${SP}|${SP}\.${SP})`;
const DOMAIN_DOT = String.raw`(?:${SP}?\.${SP}?|${SPELLED_DOT})`;
const EMAIL_NAME = `${EMAIL_LOCAL}(?:${SPELLED_DOT}${EMAIL_LOCAL})*`;
// A start only at the beginning of a run, and not right after a spelled-out at or dot: that keeps
// matching linear on "a punt a punt a …".
const EMAIL_START = String.raw`(?<![\p{L}\p{N}._%+\-]|(?<!\p{L})(?:at|dot|punt|apenstaartje)${SP})`;
const TOP_LEVEL_DOMAINS = 'nl be de eu fr uk at ch dk se no pl es it tr ma sr com net org info nu io me biz app online email live';
// Dots written as dots: any top-level domain.
const EMAIL = new RegExp(String.raw`${EMAIL_START}${EMAIL_NAME}${EMAIL_AT}(?:${EMAIL_LABEL}\.)+\p{L}{2,}${EDGE_AFTER}`, 'giu');
// Dots spelled out or spaced: only known top-level domains, so a sentence is not read as a domain.
const EMAIL_SPELLED = new RegExp(
  String.raw`${EMAIL_START}${EMAIL_NAME}${EMAIL_AT}${EMAIL_LABEL}(?:${DOMAIN_DOT}${EMAIL_LABEL})*?` +
    `${DOMAIN_DOT}(?:${TOP_LEVEL_DOMAINS.split(' ').join('|')})${EDGE_AFTER}`,
  'giu',
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
const IBAN_SEP = /^[ -]$/;

/** ISO 7064 mod 97-10 of an IBAN in check order, digit by digit so no BigInt is needed. */
function mod97(value: string): number {
  let rest = 0;
  for (const c of value) {
    const n = Number.parseInt(c, 36);
    rest = (rest * (n < 10 ? 10 : 100) + n) % 97;
  }
  return rest;
}

/**
 * End index of an IBAN starting at `match`, or -1. A typo in the check digits still names the account
 * holder, so an IBAN that fails mod-97 counts too when it is written the way IBANs are: compact or in
 * groups of four.
 */
function ibanEnd(text: string, match: RegExpExecArray): number {
  const country = match[1].toUpperCase();
  const length = IBAN_LENGTHS.get(country);
  if (length === undefined) return -1;
  let bban = '';
  let i = match.index + match[0].length;
  const groups: number[] = [];
  let group = 0;
  while (bban.length < length - 4 && i < text.length) {
    if (IBAN_CHAR.test(text[i])) {
      bban += text[i++];
      group++;
    } else if (IBAN_SEP.test(text[i]) && IBAN_CHAR.test(text[i + 1] ?? '')) {
      if (group > 0) groups.push(group);
      group = 0;
      i++;
    } else break;
  }
  groups.push(group);
  if (bban.length < length - 4 || /[\p{L}\p{N}]/u.test(text[i] ?? '')) return -1;
  bban = bban.toUpperCase();
  const letters = bban.replace(/\d/g, '').length;
  // Shape checks stop a text fragment that happens to pass mod-97 from counting as an IBAN.
  const shaped = country === 'NL' ? /^[A-Z]{4}\d{10}$/.test(bban) : letters <= bban.length - letters;
  if (!shaped) return -1;
  if (mod97(bban + country + match[2]) === 1) return i;
  const inFours = groups.length === 1 || (groups.slice(0, -1).every((g) => g === 4) && groups[groups.length - 1] <= 4);
  return inFours ? i : -1;
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
const STOP_WORDS = 'al ca de eh en er ex ik in is ja je me na nu of om op te uw we ze zo'.split(' ').map(eitherCase);
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
const HUISNUMMER = String.raw`[1-9]\d{0,4}(?:(?:-?[A-Za-z]|${SP}[A-Z])(?!\p{L})|[\-/][1-9]\d{0,3})?(?!\p{N})`;
const PARTICLES = "van de der den het 't ’t aan op in bij la le ter ten te tot en onder voor";
// Capitalised words that start a sentence far more often than a street name.
const SENTENCE_STARTS = 'In Op Bij Naar Aan Ik Wij We Hij Zij Ze Via Vanaf Tot Uit Om Met Mijn Ons';
const STREET_SUFFIXES = 'straat laan weg plein gracht kade singel dijk steeg dreef hof pad markt park plantsoen wal ' + 'haven boulevard';
// An optional capitalised first word covers "Oude Kerkstraat" and "Laan van Meerdervoort".
const STREET_HEAD =
  String.raw`(?:(?!${alternatives(SENTENCE_STARTS)}${SP})\p{Lu}[\p{L}'’\-]*\.?${SP}` + `(?:${alternatives(PARTICLES)}${SP})*)?`;
const STREET_BY_SUFFIX = String.raw`(?![oO]nderweg${SP})[\p{L}'’\-]*\p{L}` + alternatives(STREET_SUFFIXES);

// "3311 AB, nr. 12", "3311AB huisnummer 12".
const NUMBER_WORD = String.raw`(?:(?:huis)?(?:nummer|nr\.?)${SP}?)?`;
const ADDRESS_PATTERNS = [
  // Street + number + postcode: the postcode proves the word before the number is a street.
  String.raw`${STREET_HEAD}\p{L}[\p{L}'’\-]*${SP}+${HUISNUMMER}${SP}*,?\s*${PC}`,
  String.raw`${PC}${SP}*,?${SP}*${NUMBER_WORD}${HUISNUMMER}`,
  // "3311AB12": the number straight after the letters.
  String.raw`(?:${PC_UPPER}|${PC_TIGHT})${HUISNUMMER}`,
  String.raw`${STREET_HEAD}${STREET_BY_SUFFIX}${SP}*${HUISNUMMER}`,
  String.raw`${NOT_ABBREVIATION}(?:${PC_UPPER}|${PC_TIGHT})${EDGE_AFTER}`,
  String.raw`${PC_LOOSE}${EDGE_AFTER}(?=,?${SP}+\p{Lu})`,
].map((source) => new RegExp(EDGE_BEFORE + source, 'gu'));

/** `count` digits, each optionally preceded by a separator such as a space, dot or hyphen. */
const digits = (count: number) => String.raw`\d(?:${DIGIT_SEP}?\d){${count - 1}}`;
const phonePattern = (body: string) => new RegExp(String.raw`(?<![\p{L}\p{N}+]|\p{N}[.,])(?:${body})(?!\p{N})`, 'gu');
const PHONE_NL_INTERNATIONAL = phonePattern(
  // +31 6…, +31(0)6…, 0031 6…, and the common slip of keeping the 0: +31 06….
  String.raw`(?:\+|00)${SP}?31${SP}?(?:\(0\)${SP}?|0)?(?:[\-.]${SP}?)?` + String.raw`[1-9]${DIGIT_SEP}?${digits(8)}`,
);
// With the area code in brackets the split is explicit; without, `plausibleNlPhone` checks it.
const PHONE_NL = phonePattern(
  [
    // "(0)6 12345678", "(0)10-1234567": the country code left out but its brackets kept.
    String.raw`\(0\)${SP}?[1-9]${DIGIT_SEP}?${digits(8)}`,
    // "0 6 1 2 3 4 5 6 7 8": a mobile number read out digit by digit.
    String.raw`0${SP}6(?:${SP}\d){8}`,
    String.raw`\(0[1-9]\)${SP}?${digits(8)}`,
    String.raw`\(0[1-9]\d\)${SP}?${digits(7)}`,
    String.raw`\(0[1-9]\d\d\)${SP}?${digits(6)}`,
    String.raw`0[1-9]${DIGIT_SEP}?${digits(8)}`,
  ].join('|'),
);
const PHONE_INTERNATIONAL = phonePattern(String.raw`(?:\+|00)${SP}?[1-9]\d{0,2}(?:${SP}?\(0\))?(?:${DIGIT_SEP}?\d){7,12}`);

// "06-03-2024 10:30" has ten digits starting with 06 once its separators are ignored.
const DATE_START = /^0[1-9][-./]\d{2}[-./](?:19|20)\d{2}(?!\d)/;

/** A written Dutch number has an area code of 3–4 digits, or the 2-digit mobile prefix 06. */
function plausibleNlPhone(match: string): boolean {
  if (match.startsWith('(')) return true;
  const areaCode = /^\d+/.exec(match)![0];
  return !DATE_START.test(match) && (areaCode.length !== 2 || areaCode === '06');
}

// The digits of an IBAN that failed mod-97 are not a phone number or BSN: taking them would
// leave the country code and bank code behind.
const IBAN_HEAD_BEFORE = /[A-Za-z]{2}\d{2}(?:[ \u00A0]?[A-Za-z0-9]{4})*[ \u00A0]?$/;
const afterIbanHead = (text: string, offset: number) => IBAN_HEAD_BEFORE.test(text.slice(Math.max(0, offset - 40), offset));

// Grouped forms (3-3-3, 4-2-3, 2-3-4 …, one kind of separator) refuse a neighbouring digit group too,
// so "1 123 456 782" stays whole; amounts ("€ 123.456.782", "123456782,50") are no BSN.
const BSN = new RegExp(
  String.raw`(?<![\p{L}\p{N}+€]|\p{N}[.,\-]|€${SP})(?:` +
    String.raw`\d{9}(?![.,\-]\p{N})` +
    String.raw`|(?<!\p{N}${SP})\d{2,4}(${SP}-${SP}|[${SP}.\-])\d{2,4}(?:\1\d{2,4}){0,2}` +
    String.raw`(?!${SP}\p{N}|[.,\-]\p{N}))${EDGE_AFTER}`,
  'gu',
);
// After the word BSN the number goes, also with a typo (8 or 9 digits, any grouping): the word says what it is.
const BSN_LABELLED = new RegExp(
  String.raw`(?<!\p{L})((?:bsn|burgerservicenummer|sofi-?(?:nummer|nr\.?))(?:-?${SP}?(?:nummer|nr\.?))?` +
    String.raw`(?:${SP}?(?::|=|is)${SP}?|${SP}))(\d(?:(?:${SP}-${SP}|[${SP}.\-])?\d){7,8})(?!\p{N})`,
  'giu',
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

const phone: Classify = (_match, offset, text) => (afterIbanHead(text, offset) ? undefined : 'telefoon');

const nineDigits: Classify = (match, offset, text) => {
  if (afterIbanHead(text, offset)) return undefined;
  const digitsOnly = match.replace(/\D/g, '');
  if (digitsOnly.length === 9 && isValidBsn(digitsOnly)) return 'bsn';
  // A 9-digit run starting with 6 that fails the 11-proef is a mobile number without its 0.
  return /^6\d{8}$/.test(match) ? 'telefoon' : undefined;
};

const eitherCases = (words: string) => words.split(' ').map(eitherCase).join('|');

// Names: a name is recognised by the words people put before it ("mevrouw", "mijn zoon", "ik heet"),
// or as a first name from the list in scrub-names.ts. Dutch capitalises no nouns, so a capitalised
// word after such a word is a name far more often than anything else.
const NAME_PARTICLES = `(?:${eitherCases('van de der den ter ten la le el al da di du dos von')}|te|het|bin|ben|'t|’t)`;
// Words that may follow a trigger capitalised without being a name.
const NOT_NAMES =
  'Ik Hij Zij Ze Wij We Het De Een En Maar Die Dat Dit Deze Daar Er U Jij Je Mijn Onze Haar Zijn Hun ' +
  'Is Was Heeft Had Kan Kon Wil Wilde Moet Gaat Ging Zei Zegt Komt Kwam Belde Niet Geen Ook Nog Toen Nu ' +
  'Dus Want Omdat Als Of Dan Bij Met Van Voor Naar Op In Uit Aan Over Om Tot Door Na Wel Heel Erg Echt ' +
  'Ja Nee Graag Goed Fijn Super Top Helaas Soms Altijd Nooit Gemeente Wijkteam Buurtteam Team Sociaal ' +
  'Wmo WMO Jeugd Jeugdzorg Zorg GGD Ggd MEE UWV SVB CAK Belastingdienst Politie Huisarts School Stichting ' +
  'Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Januari Februari Maart April Mei Juni Juli ' +
  'Augustus September Oktober November December Mevrouw Meneer Mevr Mw Mnr Dhr Mr Mrs Ms Juf Dokter ' +
  'Groet Groeten Groetjes Beste Hoi Hallo Dag Hi Hey Dear Regards Mvg MVG Naam ' +
  'I He She They The And But My Our His Her';
const NAME_WORD = String.raw`(?!(?:${NOT_NAMES.split(' ').join('|')})(?![\p{L}'’]))\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*`;
const LOWER_WORD = String.raw`\p{Ll}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*`;
const INITIALS = String.raw`(?:\p{Lu}\.${SP}?){1,4}`;
const SURNAME = `(?:${NAME_PARTICLES}${SP}){0,3}${NAME_WORD}`;
// "Daan", "Daan de Vries", "Jan-Willem van den Berg".
const FIRST_NAME_AND_SURNAME = `${NAME_WORD}(?:${SP}${SURNAME})?`;
// "De Vries", "J.P. van Dam", "Petra de Vries".
const NAME_AFTER_TITLE = `(?:${INITIALS})?${SURNAME}(?:${SP}${SURNAME})?`;
const NAME_END = String.raw`(?![\p{L}\p{N}'’])`;
const NAME_START = String.raw`(?<![\p{L}\p{N}])`;

const TITLES =
  `${eitherCases('mevrouw meneer juffrouw mejuffrouw juf meester dokter miss')}|de heer|De heer|` +
  String.raw`(?:${eitherCases('mevr mw mnr dhr dr mr mej mrs ms')})\.?`;
const RELATIVES =
  'zoon zoontje dochter dochtertje man vrouw moeder vader ouders broer broertje zus zusje opa oma ' +
  'kleinzoon kleindochter kind kindje kinderen zoons dochters partner vriend vriendin buurman buurvrouw buren ' +
  'neef nicht oom tante schoonmoeder schoonvader schoonzoon schoondochter zwager schoonzus stiefvader ' +
  'stiefmoeder pleegzoon pleegdochter pleegkind echtgenoot echtgenote ex consulent consulente begeleider ' +
  'begeleidster hulpverlener casemanager klantmanager wijkcoach coach contactpersoon mentor behandelaar ' +
  'son daughter husband wife mother father brother sister friend neighbour neighbor counsellor caseworker';
const FAMILY = 'zoon dochter moeder vader ouder broer zus opa oma kind kleinzoon kleindochter partner';
const DETERMINERS = "mijn m'n m’n onze ons haar zijn z'n z’n je jouw uw de het my our her his the";
const STRONG_TRIGGERS =
  String.raw`${eitherCase('ik')}${SP}heet|heet${SP}ik|${eitherCase('mijn')}${SP}naam${SP}is|${eitherCase('my')}${SP}name${SP}is|` +
  String.raw`(?:${eitherCase('mijn')}${SP})?${eitherCase('naam')}${SP}?:|` +
  String.raw`(?:${eitherCases('groet groeten groetjes regards beste hoi hallo dag dear hi hey')}|mvg|MVG|[mM]\.v\.g\.|[gG]r\.)[,!]?`;
const WEAK_TRIGGERS =
  String.raw`${eitherCase('ik')}${SP}ben|${eitherCase('dit')}${SP}is|${eitherCase('hier')}${SP}is|${eitherCase('spreekt')}${SP}met|` +
  String.raw`I${SP}am|I['’]m|${eitherCase('this')}${SP}is`;

const nameTrigger = (trigger: string, sep: string, name: string) =>
  new RegExp(`${NAME_START}(${trigger})(${sep})(${name})${NAME_END}`, 'gu');
const TITLE_NAME = nameTrigger(TITLES, String.raw`,?${SP}|:${SP}?|(?<=\.)`, `${NAME_AFTER_TITLE}|${LOWER_WORD}`);
const RELATIVE_NAME = nameTrigger(
  `(?:(?:${eitherCases(DETERMINERS)})${SP})?(?:${RELATIVES.split(' ').join('|')})`,
  String.raw`,?${SP}|${SP}?:${SP}?`,
  `${FIRST_NAME_AND_SURNAME}|${LOWER_WORD}`,
);
const FAMILY_OF_NAME = nameTrigger(`(?:${FAMILY.split(' ').join('|')})${SP}van`, SP, FIRST_NAME_AND_SURNAME);
const STRONG_NAME = nameTrigger(STRONG_TRIGGERS, String.raw`\s+|(?<=[:.,!])\s*`, `${NAME_AFTER_TITLE}|${LOWER_WORD}`);
const WEAK_NAME = nameTrigger(WEAK_TRIGGERS, SP, `${FIRST_NAME_AND_SURNAME}|${LOWER_WORD}`);

/** True for a first name from the list, also "Jan-Willem" and "Daan's". */
function isListedName(word: string): boolean {
  return foldName(word.replace(/['’]s$/, ''))
    .split('-')
    .every((part) => FIRST_NAMES.has(part));
}

type NameRule = (name: string) => boolean;
// A lower-case word counts only when it is a listed first name: "mijn zoon daan", not "mijn zoon is".
const capitalisedOrListed: NameRule = (name) => /(?:^|\s)\p{Lu}/u.test(name) || isListedName(name);
// After "ik ben" a single capitalised word is as often a nationality or a mood: a listed first name, or
// a first name with a surname.
const listedOrFull: NameRule = (name) => isListedName(name.split(SP)[0]) || (/^\p{Lu}/u.test(name) && name.includes(SP));

function naming(pattern: RegExp, rule: NameRule): Pass {
  return (text, found) =>
    text.replace(pattern, (match: string, trigger: string, sep: string, name: string) => {
      if (!rule(name)) return match;
      found.add('naam');
      return `${trigger}${sep}${SCRUB_MARKERS.naam}`;
    });
}

const CAPITALISED = new RegExp(String.raw`${NAME_START}\p{Lu}[\p{Ll}'’]*(?:-\p{Lu}[\p{Ll}'’]*)*${NAME_END}`, 'gu');
const SURNAME_NEXT = new RegExp(`^${SP}${SURNAME}${NAME_END}`, 'u');

/** Listed first names anywhere, with the surname after them: "door Petra de Vries geholpen". */
const scrubListedNames: Pass = (text, found) => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CAPITALISED)) {
    if (match.index < last || !isListedName(match[0])) continue;
    let end = match.index + match[0].length;
    end += SURNAME_NEXT.exec(text.slice(end, end + 100))?.[0].length ?? 0;
    out += text.slice(last, match.index) + SCRUB_MARKERS.naam;
    last = end;
    found.add('naam');
  }
  return last === 0 ? text : out + text.slice(last);
};

interface Step {
  /** Skips the pass when the text cannot contain what it looks for. */
  needs?: RegExp;
  pass: Pass;
}
const DIGIT = /\d/;
const AT_SIGN = /@|(?<!\p{L})(?:at|a|apenstaartje)(?!\p{L})/iu;

// IBANs first (they contain long digit runs), then addresses, phone numbers and BSNs; names last, so
// the words they take are never part of a number.
const STEPS: readonly Step[] = [
  { needs: AT_SIGN, pass: replacing(EMAIL, () => 'email') },
  { needs: AT_SIGN, pass: replacing(EMAIL_SPELLED, () => 'email') },
  { needs: DIGIT, pass: scrubIbans },
  ...ADDRESS_PATTERNS.map((pattern) => ({ needs: DIGIT, pass: replacing(pattern, () => 'postcode') })),
  { needs: DIGIT, pass: replacing(PHONE_NL_INTERNATIONAL, phone) },
  {
    needs: DIGIT,
    pass: replacing(PHONE_NL, (match, offset, text) => (plausibleNlPhone(match) ? phone(match, offset, text) : undefined)),
  },
  { needs: DIGIT, pass: replacing(PHONE_INTERNATIONAL, phone) },
  {
    needs: /bsn|sofi|burgerservice/i,
    pass: (text, found) =>
      text.replace(BSN_LABELLED, (_match, label: string) => {
        found.add('bsn');
        return label + SCRUB_MARKERS.bsn;
      }),
  },
  { needs: DIGIT, pass: replacing(BSN, nineDigits) },
  { pass: naming(TITLE_NAME, capitalisedOrListed) },
  { pass: naming(RELATIVE_NAME, capitalisedOrListed) },
  { pass: naming(FAMILY_OF_NAME, capitalisedOrListed) },
  { pass: naming(STRONG_NAME, capitalisedOrListed) },
  { pass: naming(WEAK_NAME, listedOrFull) },
  { pass: scrubListedNames },
];

/**
 * Normalises the text, then replaces e-mail addresses, phone numbers, BSNs, IBANs, addresses and names
 * with Dutch markers. A text with nothing to replace is returned exactly as typed (exports stay
 * faithful); one with a replacement is returned normalised, markers and all.
 */
export function scrubText(text: string): { text: string; found: ScrubKind[] } {
  const found = new Set<ScrubKind>();
  let current = normalizeText(text);
  // Repeat until stable: a replacement can expose a neighbour that a lookaround held back.
  // Every replacement removes digits, an e-mail's at-sign or a name's letters and adds none of those
  // a pattern starts from, so this ends.
  for (let previous = ''; previous !== current;) {
    previous = current;
    for (const step of STEPS) if (!step.needs || step.needs.test(current)) current = step.pass(current, found);
  }
  if (found.size === 0) return { text, found: [] };
  return { text: current, found: SCRUB_KINDS.filter((kind) => found.has(kind)) };
}

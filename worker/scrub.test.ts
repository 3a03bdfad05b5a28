import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_NAMES } from './scrub-names.js';
import { SCRUB_KINDS, scrubText, type ScrubKind } from './scrub.js';

const scrubbed = (text: string) => scrubText(text).text;

describe('scrubText: e-mail', () => {
  it.each([
    ['Mail me op jan.jansen@gmail.com.', 'Mail me op [e-mailadres].'],
    ['j.de-vries+peil@gemeente.dordrecht.nl!', '[e-mailadres]!'],
    ['JAN@HOTMAIL.NL graag', '[e-mailadres] graag'],
    ['jan @ ziggo.nl', '[e-mailadres]'],
    ['jan(at)ziggo.nl', '[e-mailadres]'],
    ['mail: ans@müller.de', 'mail: [e-mailadres]'],
    // Written out, as people do to keep bots from reading them.
    ['jan punt jansen at gmail punt com', '[e-mailadres]'],
    ['jan.jansen apenstaartje gmail.com', '[e-mailadres]'],
    ['Jan.Jansen Apenstaartje Gmail Punt Com', '[e-mailadres]'],
    ['jan [at] ziggo [dot] nl', '[e-mailadres]'],
    ['j.de.vries (at) hotmail (punt) nl', '[e-mailadres]'],
    ['jan{at}kpnmail.nl', '[e-mailadres]'],
    ['jan @ gmail . com', '[e-mailadres]'],
    ['jan.jansen @gmail.com', '[e-mailadres]'],
    ['jan . jansen @ live . nl', '[e-mailadres]'],
    ['jan at outlook dot com', '[e-mailadres]'],
    ['ｊａｎ＠ｚｉｇｇｏ．ｎｌ', '[e-mailadres]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toEqual({ text: expected, found: ['email'] });
  });

  it('leaves an @ without a domain', () => {
    expect(scrubbed('jan@gmail en @sociaalteam')).toBe('jan@gmail en @sociaalteam');
  });

  it('leaves sentences with "at" and "punt" that are no address', () => {
    for (const text of [
      'Het punt is dat ik at home werk.',
      'Op dat punt nl. vond ik het lastig',
      'Ik was klaar. Punt uit.',
      'Dat was een goed punt, echt waar.',
    ]) {
      expect(scrubText(text)).toEqual({ text, found: [] });
    }
  });

  it('ends the address where the sentence ends', () => {
    expect(scrubbed('Ik ben klaar. jan@x.nl stuur maar')).toBe('Ik ben klaar. [e-mailadres] stuur maar');
    expect(scrubbed('Mail: jan@x.nl. Bedankt!')).toBe('Mail: [e-mailadres]. Bedankt!');
  });
});

describe('scrubText: telefoon', () => {
  it.each([
    '0612345678',
    '06-12345678',
    '06 1234 5678',
    '06-123 456 78',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '(06) 12345678',
    '+31 6 12345678',
    '+31(0)6-12345678',
    '+31 (0)10 123 45 67',
    '+31612345678',
    '0031612345678',
    '010-1234567',
    '010 - 123 45 67',
    '(010) 123 45 67',
    '078 123 45 67',
    '0781234567',
    '0181-123456',
    '+32 470 12 34 56',
    '0049 30 1234567',
    // 9 digits failing the 11-proef, starting with 6: a mobile number without its 0.
    '612345678',
    '06 - 12 34 56 78',
    '06/12345678',
    '06 123 456 78',
    '06.123.456.78',
    '(0)6 12345678',
    '(0)6-1234 5678',
    '+31 (0)6 12 34 56 78',
    '+31-6-12345678',
    '+31.6.12.34.56.78',
    '0031 (0)6 1234 5678',
    '0031-10-1234567',
    '+31 (0) 10 - 123 45 67',
    '0 6 1 2 3 4 5 6 7 8',
    // Typed with other dashes, spaces and digits than the ASCII ones.
    '06–12345678',
    '06‑1234‑5678',
    '06\u00A012\u00A034\u00A056\u00A078',
    '06\u200B12345678',
    '０６１２３４５６７８',
  ])('%s', (phone) => {
    expect(scrubText(`Bel me op ${phone} na vijf uur`)).toEqual({
      text: 'Bel me op [telefoonnummer] na vijf uur',
      found: ['telefoon'],
    });
  });

  it('takes the whole number next to punctuation', () => {
    expect(scrubbed('tel:0612345678, of (078 123 45 67).')).toBe('tel:[telefoonnummer], of ([telefoonnummer]).');
  });

  it('leaves numbers with too many digits whole', () => {
    expect(scrubbed('06-123456789')).toBe('06-123456789');
  });

  it('leaves dates, times and service numbers', () => {
    expect(scrubbed('op 01-03-2024 12 uur')).toBe('op 01-03-2024 12 uur');
    expect(scrubbed('op 06-03-2024 10:30')).toBe('op 06-03-2024 10:30');
    expect(scrubbed('van 09.00-12.00 13.00 tot 17.00')).toBe('van 09.00-12.00 13.00 tot 17.00');
    expect(scrubbed('bel 0800-1234')).toBe('bel 0800-1234');
  });
});

describe('scrubText: bsn', () => {
  it.each([
    ['123456782', '[bsn]'],
    ['111222333', '[bsn]'],
    ['012345672', '[bsn]'],
    ['123.456.782', '[bsn]'],
    ['123 456 782', '[bsn]'],
    ['123-456-782', '[bsn]'],
    ['1234.56.782', '[bsn]'],
    ['1234 56 782', '[bsn]'],
    ['12 345 6782', '[bsn]'],
    ['123 - 456 - 782', '[bsn]'],
    ['123–456–782', '[bsn]'],
  ])('%s', (bsn, marker) => {
    expect(scrubText(`Mijn BSN is ${bsn}.`)).toEqual({
      text: `Mijn BSN is ${marker}.`,
      found: ['bsn'],
    });
  });

  it.each([
    ['Mijn BSN is 123456789.', 'Mijn BSN is [bsn].'],
    ['bsn: 1234.56.789', 'bsn: [bsn]'],
    ['BSN-nummer 12345678', 'BSN-nummer [bsn]'],
    ['burgerservicenummer 123 456 789', 'burgerservicenummer [bsn]'],
    ['sofinummer: 12.34.56.789', 'sofinummer: [bsn]'],
  ])('after the word BSN, takes a number that fails the 11-proef too: %s', (input, expected) => {
    expect(scrubText(input)).toEqual({ text: expected, found: ['bsn'] });
  });

  it('catches a BSN next to another one', () => {
    expect(scrubbed('123456782 123 456 782')).toBe('[bsn] [bsn]');
  });

  it.each(['123456789', '123.456.789', '000000000', '987654321'])('leaves %s, which fails the 11-proef', (number) => {
    expect(scrubText(`nummer ${number}`)).toEqual({ text: `nummer ${number}`, found: [] });
  });

  it('leaves amounts and parts of longer numbers', () => {
    expect(scrubbed('€ 123.456.782 subsidie')).toBe('€ 123.456.782 subsidie');
    expect(scrubbed('123456782,50 euro')).toBe('123456782,50 euro');
    expect(scrubbed('1234567820')).toBe('1234567820');
    expect(scrubbed('1 123 456 782')).toBe('1 123 456 782');
  });
});

describe('scrubText: iban', () => {
  it.each([
    'NL91 ABNA 0417 1643 00',
    'NL91ABNA0417164300',
    'nl91abna0417164300',
    'nl91 abna 0417 1643 00',
    'NL 91 ABNA 0417 1643 00',
    'NL02ABNA0123456789',
    'NL18RABO0123459876',
    'DE89 3704 0044 0532 0130 00',
    'GB82 WEST 1234 5698 7654 32',
    'BE68 5390 0754 7034',
    'FR14 2004 1010 0505 0001 3M02 606',
  ])('%s', (iban) => {
    expect(scrubText(`Rekening ${iban} is van mij`)).toEqual({
      text: 'Rekening [iban] is van mij',
      found: ['iban'],
    });
  });

  it.each([
    'NL91 ABNA 0417 1643 01',
    'NL91ABNA0417164301',
    'NL19 RABO 0123 4567 89',
    'nl00abna0123456789',
    'DE89 3704 0044 0532 0130 01',
    'BE00 5390 0754 7034',
  ])('takes %s, with wrong check digits, written as IBANs are', (iban) => {
    expect(scrubText(`Rekening ${iban} graag`)).toEqual({ text: 'Rekening [iban] graag', found: ['iban'] });
  });

  it('leaves what only starts like an IBAN whole, not half-scrubbed as a phone number', () => {
    // Wrong check digits and not in fours (or too short): no IBAN, and its digits are no phone number either.
    for (const text of ['NL91ABNA04171643 01', 'DE89 370400 440532 013001', 'NL91 ABNA 0417 1643']) {
      expect(scrubText(text)).toEqual({ text, found: [] });
    }
  });
});

describe('scrubText: adres', () => {
  it.each([
    ['3311 AB 12', '[adres]'],
    ['3311AB 12a', '[adres]'],
    ['3311 ab, 12', '[adres]'],
    ['3311 AB 12-2', '[adres]'],
    ['Voorstraat 12, 3311 AB Dordrecht', '[adres] Dordrecht'],
    ['Voorstraat 12 3311AB', '[adres]'],
    ['voorstraat 12, 3311 ab dordrecht', '[adres] dordrecht'],
    ['Laan van Meerdervoort 12, 2517 AA Den Haag', '[adres] Den Haag'],
    ['Oude Kerkstraat 5a', '[adres]'],
    ['de Voorstraat 12 in Dordrecht', 'de [adres] in Dordrecht'],
    ['3311 AB Dordrecht, Voorstraat 12', '[adres] Dordrecht, [adres]'],
    ['3311 AB', '[adres]'],
    ['3311AB', '[adres]'],
    ['3311ab', '[adres]'],
    ['3311 ab Dordrecht', '[adres] Dordrecht'],
    ['3311AB12', '[adres]'],
    ['3311 AB12', '[adres]'],
    ['3311ab12a', '[adres]'],
    ['3311 AB, nr. 12', '[adres]'],
    ['3311AB huisnummer 12', '[adres]'],
    ['Voorstraat12', '[adres]'],
    ['Voorstraat\u00A012', '[adres]'],
  ])('%s', (address, expected) => {
    expect(scrubText(`Ik woon op ${address}.`)).toEqual({
      text: `Ik woon op ${expected}.`,
      found: ['postcode'],
    });
  });

  it('leaves numbers followed by short words, units and abbreviations', () => {
    for (const text of [
      'in 2023 en 12 keer',
      'Ik heb 1234 ab',
      '1500 km gereden',
      'In 2020 EU-subsidie',
      'Ik was onderweg 2 uur',
      'het park 2 keer',
      '3311 SA 12',
    ]) {
      expect(scrubText(text)).toEqual({ text, found: [] });
    }
  });
});

describe('scrubText: naam', () => {
  it.each([
    ['mevrouw De Vries was heel aardig', 'mevrouw [naam] was heel aardig'],
    ['Mevrouw Özdemir belde terug', 'Mevrouw [naam] belde terug'],
    ['meneer van den Berg kwam langs', 'meneer [naam] kwam langs'],
    ['dhr. Jansen en mevr. Bakker', 'dhr. [naam] en mevr. [naam]'],
    ['Mw. Kowalczyk hielp mij', 'Mw. [naam] hielp mij'],
    ['De heer J.P. van Dam', 'De heer [naam]'],
    ['mijn zoon Daan heeft autisme', 'mijn zoon [naam] heeft autisme'],
    ['mijn zoon daan heeft autisme', 'mijn zoon [naam] heeft autisme'],
    ['Mijn dochter Sanne de Vries is 12', 'Mijn dochter [naam] is 12'],
    ['mijn man, Ahmed, was erbij', 'mijn man, [naam], was erbij'],
    ['m’n vrouw Fatma en ik', 'm’n vrouw [naam] en ik'],
    ['Mijn moeder Wilhelmina is 89', 'Mijn moeder [naam] is 89'],
    ['mijn vader Jozef', 'mijn vader [naam]'],
    ['onze buurman Kees hielp', 'onze buurman [naam] hielp'],
    ['de moeder van Ayoub', 'de moeder van [naam]'],
    ['consulent Jaylano was top', 'consulent [naam] was top'],
    ['ik heet fatima', 'ik heet [naam]'],
    ['Ik heet Kowalczyk', 'Ik heet [naam]'],
    ['Mijn naam is Jaylano Doelwijt', 'Mijn naam is [naam]'],
    ['Naam: Sjors', 'Naam: [naam]'],
    ['Ik ben Mohammed en ik ben tevreden', 'Ik ben [naam] en ik ben tevreden'],
    ['Ik ben Sjors Hendriksen', 'Ik ben [naam]'],
    ['Dit is Karim van het wijkteam', 'Dit is [naam] van het wijkteam'],
    ['Groetjes, Anja', 'Groetjes, [naam]'],
    ['Met vriendelijke groet,\nPieter Bakker', 'Met vriendelijke groet,\n[naam]'],
    ['mvg Hüseyin Yılmaz', 'mvg [naam]'],
    ['Hallo Karin, bedankt', 'Hallo [naam], bedankt'],
    ['Ik werd geholpen door Petra van den Berg.', 'Ik werd geholpen door [naam].'],
    ['Ik sprak met Mohammed, Fatima en Agnieszka', 'Ik sprak met [naam], [naam] en [naam]'],
    ['Jan-Willem belde me op', '[naam] belde me op'],
    ['my son Liam and I', 'my son [naam] and I'],
    ['Mrs. Jones was kind', 'Mrs. [naam] was kind'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toEqual({ text: expected, found: ['naam'] });
  });

  it.each([
    'Ik ben Nederlander en woon in Dordrecht',
    'Ik ben blij met de hulp',
    'Ik ben 67 jaar',
    'de mevrouw van de balie was aardig',
    'mijn buurvrouw uit Sliedrecht',
    'mijn zoon is 12 en gaat naar school',
    'Mijn consulent van Wielwijk was fijn',
    'Wijkteam Crabbehof heeft mij goed geholpen',
    'Het sociaal team van Dordrecht is top',
    'Beste Wijkteam, dank jullie wel',
    'Mijn man. Hij is ziek.',
    'Ik heb in januari met de Wmo gebeld',
    'Mijn vrouw Heeft het moeilijk',
    'Max 2 weken wachten is prima',
  ])('leaves %s', (text) => {
    expect(scrubText(text)).toEqual({ text, found: [] });
  });
});

describe('scrubText: normalising', () => {
  it('keeps a text without personal data exactly as typed, and normalises one where it replaced something', () => {
    for (const text of ['wacht\u00A0tijd – te lang\u200B', 'ﬁjn\tgesprek', 'regel 1\r\nregel 2'])
      expect(scrubText(text)).toEqual({ text, found: [] });
    expect(scrubbed('bel\u00A0mij –\t06\u200B12345678\r\nﬁjn')).toBe('bel mij - [telefoonnummer]\nfijn');
    expect(scrubText('٠٦١٢٣٤٥٦٧٨')).toEqual({ text: '[telefoonnummer]', found: ['telefoon'] });
  });

  it('keeps emoji glued together', () => {
    expect(scrubbed('ons gezin 👨‍👩‍👧 is blij')).toBe('ons gezin 👨‍👩‍👧 is blij');
  });
});

describe('scrubText: ordinary answers', () => {
  it.each([
    'Ik geef een 8',
    'Ik geef een 8,5',
    'Ik wacht al 3 weken',
    'in 2023',
    'Het kost € 1500 per jaar',
    'Ik betaal € 1.500,00 per maand en 1500 euro borg',
    'Op 12-03-2024 had ik een gesprek om 10.30 uur',
    'Ik heb 2 kinderen van 8 en 12, sinds 2021 en 2022',
    'Wij zijn met 4 personen, score 10/10!',
    'Ik ben 67 jaar en woon 25 jaar in Dordrecht',
    'Hoofdstuk 12 van de Wmo 2015',
    'De consulent belde op maandag terug, heel fijn',
    'In Dordrecht is het wijkteam goed bereikbaar.',
    'Ik kon op 3 juni terecht bij het CJG aan de Voorstraat.',
    'Mijn aanvraag voor de Wmo liep 8 weken',
  ])('%s', (text) => {
    expect(scrubText(text)).toEqual({ text, found: [] });
  });

  it('reports every kind found, in SCRUB_KINDS order', () => {
    const result = scrubText('3311 AB 12, NL91ABNA0417164300, bsn 111222333, 06-12345678, a@b.nl');
    expect(result.text).toBe('[adres], [iban], bsn [bsn], [telefoonnummer], [e-mailadres]');
    expect(result.found).toEqual(SCRUB_KINDS.filter((kind) => kind !== 'naam'));
    expect(scrubText('mevrouw Bakker, a@b.nl, 3311 AB 12').found).toEqual(['email', 'postcode', 'naam']);
  });

  // No timing assertion (shared machines); catastrophic backtracking would hit the test timeout.
  it('handles long input without catastrophic backtracking', () => {
    const inputs = [
      'a'.repeat(20_000),
      '1 '.repeat(10_000),
      'NL91 '.repeat(4_000),
      'a.'.repeat(10_000),
      'Voorstraat van de '.repeat(1_000),
    ];
    for (const input of inputs) expect(scrubText(input).text.length).toBeGreaterThan(0);
    expect(scrubText(inputs[0]).text).toBe(inputs[0]);
  });
});

const WORDS = (
  'ik ben heel tevreden over de hulp van het sociaal team mijn consulent was vriendelijk maar ' +
  'wachttijd duurde lang graag Dordrecht wijkteam gesprek thuis kinderen nummer is en op al ' +
  'weken cliënt zorg één keer 8 3 2024 € 1500 , . ? !'
).split(' ');
const dutchish = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' '));

const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });

const validBsn = digitString(8)
  .map((digits) => {
    const sum = digits.reduce((acc, d, i) => acc + (9 - i) * d, 0);
    return [...digits, sum % 11].join('');
  })
  // A remainder of 10 has no check digit, and all zeros is no BSN.
  .filter((bsn) => bsn.length === 9 && bsn !== '000000000');

/** Independent of the module under test: BigInt over the rearranged IBAN. */
const ibanCheckDigits = (country: string, bban: string) => {
  const numeric = [...`${bban}${country}00`].map((c) => Number.parseInt(c, 36)).join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
};

const validNlIban = fc
  .tuple(fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 4, maxLength: 4 }), digitString(10))
  .map(([bank, account]) => {
    const bban = bank.join('') + account.join('');
    return { iban: `NL${ibanCheckDigits('NL', bban)}${bban}`, account: account.join('') };
  });

describe('scrubText: properties', () => {
  it('removes every valid BSN embedded in text', () => {
    fc.assert(
      fc.property(
        dutchish,
        validBsn,
        fc.constantFrom('plain', 'dots', 'spaces', 'sofi'),
        fc.constantFrom('BSN', 'burgerservicenummer:', '(bsn', 'is'),
        fc.constantFrom(' ', '.', ', ', ') ', '!'),
        dutchish,
        (before, bsn, notation, label, after, rest) => {
          const written = {
            plain: bsn,
            dots: `${bsn.slice(0, 3)}.${bsn.slice(3, 6)}.${bsn.slice(6)}`,
            spaces: `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`,
            sofi: `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`,
          }[notation];
          const result = scrubText(`${before} ${label} ${written}${after}graag ${rest}`);
          expect(result.text).not.toContain(written);
          expect(result.text).toContain('[bsn]');
          expect(result.found).toContain('bsn');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('removes every valid NL IBAN embedded in text', () => {
    fc.assert(
      fc.property(dutchish, validNlIban, fc.boolean(), fc.boolean(), dutchish, (before, { iban, account }, grouped, lower, after) => {
        let written = grouped ? iban.replace(/(.{4})(?!$)/g, '$1 ') : iban;
        if (lower) written = written.toLowerCase();
        const result = scrubText(`${before} rekening ${written} ${after}`);
        expect(result.text).toContain('[iban]');
        expect(result.text.replace(/\s/g, '')).not.toContain(account);
        expect(result.found).toContain('iban');
      }),
      { numRuns: 500 },
    );
  });

  // Capitals are left out: a capitalised word can be a listed first name.
  it('returns text of only lower-case letters and spaces unchanged', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyzéëïöüç '];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 200 }), (text) => {
        expect(scrubText(text)).toEqual({ text, found: [] });
      }),
    );
  });

  it('is idempotent', () => {
    const pieces = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        ...WORDS,
        ...'123456782|123 456 782|1234.56.782|0612345678|06-123 456 78|+31 6 12345678'.split('|'),
        ...'(010) 123 45 67|NL91ABNA0417164300|NL91 ABNA 0417 1643 00|3311 AB|3311ab'.split('|'),
        ...'12|12a|Voorstraat|van|a@b.nl|@|+|-|.|,|(|)|0|6'.split('|'),
        ...'mevrouw|mijn zoon|ik ben|ik heet|Groetjes,|Daan|daan|De|de|Vries|Jansen|at|punt|nl|com|–|\u200B'.split('|'),
      ),
      fc.stringMatching(/^[0-9 .\-+()@A-Za-z]{1,12}$/),
    );
    const texts = fc
      .tuple(fc.array(pieces, { maxLength: 16 }), fc.constantFrom('', ' ', '-', '.'))
      .map(([parts, glue]) => parts.join(glue));
    fc.assert(
      fc.property(texts, (text) => {
        const once = scrubText(text);
        const twice = scrubText(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.found).toEqual([] as ScrubKind[]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('removes a Dutch mobile number in every grouping and prefix', () => {
    const groupings = [[8], [4, 4], [2, 2, 2, 2], [3, 3, 2], [2, 3, 3], [4, 2, 2], [2, 2, 4]];
    fc.assert(
      fc.property(
        dutchish,
        digitString(8),
        fc.constantFrom('06', '+31 6', '+316', '0031 6', '+31 (0)6', '+31(0)6', '(0)6', '0031-6', '+31-6', '+31.6'),
        fc.constantFrom(...groupings),
        fc.constantFrom('', ' ', '-', '.', ' - '),
        fc.constantFrom('', ' ', '-', '/'),
        fc.constantFrom(' ', ', ', '. ', '!'),
        dutchish,
        (before, body, prefix, grouping, sep, afterPrefix, after, rest) => {
          const groups: string[] = [];
          let at = 0;
          for (const size of grouping) groups.push(body.slice(at, (at += size)).join(''));
          const written = `${prefix}${prefix.endsWith(')') || prefix.startsWith('+') ? '' : afterPrefix}${groups.join(sep)}`;
          const result = scrubText(`${before} bel ${written}${after}${rest}`);
          expect(result.text).not.toContain(written);
          expect(result.text.replace(/\D/g, '')).not.toContain(body.join(''));
          expect(result.found).toContain('telefoon');
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('removes an e-mail address however the at and the dots are written', () => {
    const reserved = new Set(['at', 'a', 'dot', 'punt', 'apenstaartje']);
    const word = fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/).filter((w) => !reserved.has(w));
    fc.assert(
      fc.property(
        dutchish,
        word,
        fc.option(word, { nil: undefined }),
        fc.constantFrom('@', ' @ ', ' at ', ' (at) ', '[at]', ' apenstaartje ', ' AT '),
        word,
        fc.constantFrom('.', ' punt ', ' dot ', '[dot]', ' (punt) ', ' . '),
        fc.constantFrom('.', ' punt ', ' dot ', '[dot]', ' . '),
        fc.constantFrom('nl', 'com', 'be', 'org', 'net'),
        dutchish,
        (before, local, second, at, domain, localDot, domainDot, tld, after) => {
          const written = `${local}${second ? localDot + second : ''}${at}${domain}${domainDot}${tld}`;
          const result = scrubText(`${before} mail ${written} ${after}`);
          expect(result.text).not.toContain(written);
          expect(result.text).toContain('[e-mailadres]');
          expect(result.found).toContain('email');
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('removes a name after the words people put before it', () => {
    const listed = fc.constantFrom(...FIRST_NAMES).map((n) => n[0].toUpperCase() + n.slice(1));
    // Made-up surnames no list holds, shaped so that none is an everyday word.
    const surname = fc
      .tuple(
        fc.constantFrom('', 'van ', 'de ', 'van der ', 'El '),
        fc.stringMatching(/^[A-Z][a-z]{2,6}$/),
        fc.constantFrom('ski', 'oglu', 'ema', 'huis', 'ink'),
      )
      .map(([particle, stem, end]) => `${particle}${stem}${end}`);
    const titles = ['mevrouw', 'meneer', 'dhr.', 'mevr.', 'Mw.'];
    // After other words a name starts with a first name, or at least a capital: "van der Berg" alone
    // after "mijn dochter" reads as a place as often.
    const others = ['mijn zoon', 'mijn dochter', 'mijn man', 'mijn vrouw', 'onze buurman', 'ik heet', 'mijn naam is', 'Groetjes,'];
    const firstName = fc.oneof(
      listed,
      surname.filter((n) => /^\p{Lu}/u.test(n)),
      fc.tuple(listed, surname).map(([first, last]) => `${first} ${last}`),
      fc.constantFrom(...FIRST_NAMES),
    );
    const named = fc.oneof(
      fc.tuple(fc.constantFrom(...titles), fc.oneof(surname, firstName)),
      fc.tuple(fc.constantFrom(...others), firstName),
    );
    fc.assert(
      fc.property(dutchish, named, dutchish, (before, [trigger, name], after) => {
        // The comma keeps a number at the end of `before` from reading "1500 Mw." as a postcode.
        const result = scrubText(`${before}, ${trigger} ${name} ${after.toLowerCase()}`);
        expect(result.text).toContain(`${trigger} [naam]`);
        expect(result.found).toContain('naam');
      }),
      { numRuns: 1_000 },
    );
  });

  it('finds the same behind look-alike characters: zero-width, other spaces, dashes and digits', () => {
    const personal = fc.constantFrom(
      '06-12345678',
      '+31 6 1234 5678',
      '123 456 782',
      'NL91 ABNA 0417 1643 00',
      '3311 AB 12',
      'jan@ziggo.nl',
      'mevrouw Bakker',
    );
    const disguise = (text: string, seeds: number[]) =>
      [...text]
        .map((c, i) => {
          const seed = seeds[i % seeds.length];
          if (c === ' ') return ['\u00A0', '\u2009', '\u202F', ' '][seed % 4];
          if (c === '-') return ['\u2013', '\u2212', '\u2011', '-'][seed % 4];
          if (/\d/.test(c) && seed % 3 === 0) return String.fromCodePoint(0xff10 + Number(c));
          return seed % 5 === 0 ? `${c}\u200B` : c;
        })
        .join('');
    fc.assert(
      fc.property(dutchish, personal, dutchish, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (before, pii, after, seeds) => {
        const plain = `${before} ${pii} ${after}`;
        const [seen, expected] = [scrubText(disguise(plain, seeds)), scrubText(plain)];
        expect(seen.found).toEqual(expected.found);
        // A text with a replacement comes back normalised, so the disguise is gone from it too.
        if (expected.found.length > 0) expect(seen.text).toBe(expected.text);
      }),
      { numRuns: 1_000 },
    );
  });
});

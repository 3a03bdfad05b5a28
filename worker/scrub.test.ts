import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toEqual({ text: expected, found: ['email'] });
  });

  it('leaves an @ without a domain', () => {
    expect(scrubbed('jan@gmail en @sociaalteam')).toBe('jan@gmail en @sociaalteam');
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
  ])('%s', (phone) => {
    expect(scrubText(`Bel me op ${phone} na vijf uur`)).toEqual({
      text: 'Bel me op [telefoonnummer] na vijf uur',
      found: ['telefoon'],
    });
  });

  it('takes the whole number next to punctuation', () => {
    expect(scrubbed('tel:0612345678, of (078 123 45 67).')).toBe(
      'tel:[telefoonnummer], of ([telefoonnummer]).',
    );
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
  ])('%s', (bsn, marker) => {
    expect(scrubText(`Mijn BSN is ${bsn}.`)).toEqual({
      text: `Mijn BSN is ${marker}.`,
      found: ['bsn'],
    });
  });

  it('catches a BSN next to another one', () => {
    expect(scrubbed('123456782 123 456 782')).toBe('[bsn] [bsn]');
  });

  it.each(['123456789', '123.456.789', '000000000', '987654321'])(
    'leaves %s, which fails the 11-proef',
    (number) => {
      expect(scrubText(`nummer ${number}`)).toEqual({ text: `nummer ${number}`, found: [] });
    },
  );

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

  it('leaves an IBAN that fails mod-97 whole, not half-scrubbed as a phone number', () => {
    const typos = ['NL91 ABNA 0417 1643 01', 'NL91ABNA0417164301', 'DE89 3704 0044 0532 0130 01'];
    for (const text of typos) {
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
  ])('%s', (text) => {
    expect(scrubText(text)).toEqual({ text, found: [] });
  });

  it('reports every kind found, in SCRUB_KINDS order', () => {
    const result = scrubText(
      '3311 AB 12, NL91ABNA0417164300, bsn 111222333, 06-12345678, a@b.nl',
    );
    expect(result.text).toBe('[adres], [iban], bsn [bsn], [telefoonnummer], [e-mailadres]');
    expect(result.found).toEqual([...SCRUB_KINDS]);
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
const dutchish = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 12 })
  .map((words) => words.join(' '));

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });

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
  .tuple(
    fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 4, maxLength: 4 }),
    digitString(10),
  )
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
      fc.property(
        dutchish,
        validNlIban,
        fc.boolean(),
        fc.boolean(),
        dutchish,
        (before, { iban, account }, grouped, lower, after) => {
          let written = grouped ? iban.replace(/(.{4})(?!$)/g, '$1 ') : iban;
          if (lower) written = written.toLowerCase();
          const result = scrubText(`${before} rekening ${written} ${after}`);
          expect(result.text).toContain('[iban]');
          expect(result.text.replace(/\s/g, '')).not.toContain(account);
          expect(result.found).toContain('iban');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns text of only letters and spaces unchanged', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëïöüç '];
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
});

import { expect } from '@open-wc/testing';
import { LANGUAGES } from '../schemas/constants.js';
import { wholeNumber } from './whole-number.js';

describe('wholeNumber', () => {
  it('writes the whole numbers the survey shows exactly as Intl.NumberFormat does in each language (Latin digits)', () => {
    const values = [0, 1, 7, 10, 99, 999, 1000, 1001, 4500, 9999, 12_345, 999_999, 1_000_000, 123_456_789];
    for (const locale of LANGUAGES) {
      const intl = new Intl.NumberFormat(`${locale}-u-nu-latn`);
      for (const v of values) expect(wholeNumber(v, locale), `${v} in ${locale}`).to.equal(intl.format(v));
    }
  });
});

import { expect } from '@open-wc/testing';
import { wholeNumber } from './whole-number.js';

describe('wholeNumber', () => {
  it('writes whole numbers exactly as Intl.NumberFormat does in Dutch and English', () => {
    const values = [0, 1, 7, 10, 99, 999, 1000, 1001, 4500, 12_345, 999_999, 1_000_000, 123_456_789, -5, -1000];
    for (const locale of ['nl', 'en'] as const) {
      const intl = new Intl.NumberFormat(locale);
      for (const v of values) expect(wholeNumber(v, locale), `${v} in ${locale}`).to.equal(intl.format(v));
    }
  });
});

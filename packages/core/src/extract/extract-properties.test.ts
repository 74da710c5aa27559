import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantityValue } from '../numbers/chinese-amount.format.ts';
import { isSameDecimal } from '../numbers/decimal.ts';
import { extract } from './pipeline.ts';

/** Text made of the characters reports are made of, so the extractor's paths are all exercised. */
const reportChars = fc.constantFrom(
  ...'0123456789０１２.．,，、。；：%％万亿元个百分点以上左右约近超过第届年月日—-到至两三五十百千零一占增长下降同比较其中“”\n *#■ⅢC+N方面投入资金',
);
const reportText = fc.array(reportChars, { maxLength: 120 }).map((chars) => chars.join(''));

describe('extract: properties', () => {
  it('never throws on arbitrary Unicode, and every span lies inside the text and slices to its text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), reportText), (text) => {
        const result = extract(text);
        for (const item of [...result.quantities, ...result.dates, ...result.commitments, ...result.nonQuantities, ...result.sections]) {
          expect(item.start).toBeGreaterThanOrEqual(0);
          expect(item.end).toBeLessThanOrEqual(text.length);
          expect(item.start).toBeLessThanOrEqual(item.end);
          expect(text.slice(item.start, item.end)).toBe(item.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back exactly the value it writes, for every unit and magnitude', () => {
    const unit = fc.constantFrom('元', '%', 'pp', '亩', '个', '户', '吨', '公里');
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: -3, max: 4 }), unit, (mantissa, exponent, unitName) => {
        const value = { mantissa, exponent };
        const written = formatQuantityValue({ type: 'exact', value }, unitName);
        const [quantity] = extract(`共${written}。`).quantities;
        expect(quantity?.unit).toBe(unitName);
        expect(quantity?.value.type === 'exact' && isSameDecimal(quantity.value.value, value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

import { splitIntoPackages } from '../package-split';

describe('a fulfillment of several packages → TikTok packages (one tracking number each)', () => {
  it('one tracking number: one package with every line item', () => {
    expect(splitIntoPackages(['1', '2'], ['T1'], true)).toEqual({
      packages: [{ trackingNumber: 'T1', lineItemIds: ['1', '2'] }],
      unsent: [],
    });
  });

  it('one package per tracking number, the line items shared out in order, the first packages fuller', () => {
    expect(splitIntoPackages(['1', '2', '3', '4', '5'], ['T1', 'T2'], true)).toEqual({
      packages: [
        { trackingNumber: 'T1', lineItemIds: ['1', '2', '3'] },
        { trackingNumber: 'T2', lineItemIds: ['4', '5'] },
      ],
      unsent: [],
    });
  });

  it('more tracking numbers than line items: one unit per package, the extra numbers not sent', () => {
    expect(splitIntoPackages(['1', '2'], ['T1', 'T2', 'T3'], true)).toEqual({
      packages: [
        { trackingNumber: 'T1', lineItemIds: ['1'] },
        { trackingNumber: 'T2', lineItemIds: ['2'] },
      ],
      unsent: ['T3'],
    });
  });

  it('where only Ship Package is offered: one package with the first number, the others not sent', () => {
    expect(splitIntoPackages(['1', '2'], ['T1', 'T2'], false)).toEqual({
      packages: [{ trackingNumber: 'T1', lineItemIds: ['1', '2'] }],
      unsent: ['T2'],
    });
  });

  it('every line item in exactly one package', () => {
    const ids = Array.from({ length: 7 }, (_, i) => String(i));
    const split = splitIntoPackages(ids, ['A', 'B', 'C'], true);
    expect(split.packages.flatMap((p) => p.lineItemIds)).toEqual(ids);
    expect(split.packages.map((p) => p.lineItemIds.length)).toEqual([3, 2, 2]);
  });
});

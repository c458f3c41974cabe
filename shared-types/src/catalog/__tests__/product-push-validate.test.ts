import {
  validateCatalogImage,
  validatePushAck,
  validatePushAudit,
  validatePushPull,
} from '../product-push-validate';

const ok = {
  itemId: '10',
  outcome: 'created',
  productId: '1729000000000000001',
  skus: [{ itemId: '10', skuId: '1729000000000000002' }],
  auditStatus: 'PENDING',
  contentHash: '0123456789abcdef',
  priceHash: 'fedcba9876543210',
  message: null,
};

describe('product push validators', () => {
  test('pull: shop id, after and limit', () => {
    expect(validatePushPull({ action: 'catalog.push.pull', shopId: '7001' }).ok).toBe(true);
    expect(
      validatePushPull({ action: 'catalog.push.pull', shopId: '7001', after: '15', limit: 100 }).ok,
    ).toBe(true);
    const bad = validatePushPull({ action: 'catalog.push.pull', shopId: 'x', after: '', limit: 101 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.split(':')[0])).toEqual(['shopId', 'after', 'limit']);
  });

  test('ack: accepted results carry ids and hashes; refusals carry a message', () => {
    expect(validatePushAck({ action: 'catalog.push.ack', shopId: '7001', results: [ok] }).ok).toBe(true);
    const refused = {
      ...ok,
      outcome: 'rejected',
      productId: null,
      skus: [],
      auditStatus: null,
      contentHash: null,
      priceHash: null,
      message: 'TikTok 12019008: category needs attribute Material',
    };
    expect(validatePushAck({ action: 'catalog.push.ack', shopId: '7001', results: [refused] }).ok).toBe(true);
    const bad = validatePushAck({
      action: 'catalog.push.ack',
      shopId: '7001',
      results: [
        { ...ok, productId: null, contentHash: null },
        { ...refused, itemId: '10', message: '' },
        { ...ok, itemId: '11', outcome: 'done' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.join('\n')).toMatch(/results\[0\]\.productId: TikTok accepted/);
      expect(bad.problems.join('\n')).toMatch(/results\[0\]\.contentHash: TikTok accepted/);
      expect(bad.problems.join('\n')).toMatch(/results\[1\]\.itemId: item 10 is sent twice/);
      expect(bad.problems.join('\n')).toMatch(/results\[2\]\.outcome/);
    }
    expect(
      validatePushAck({
        action: 'catalog.push.ack',
        shopId: '7001',
        results: Array.from({ length: 51 }, (_, i) => ({ ...ok, itemId: String(i + 1) })),
      }).ok,
    ).toBe(false);
  });

  test('audit and image', () => {
    expect(
      validatePushAudit({
        action: 'catalog.push.audit',
        shopId: '7001',
        results: [{ productId: '5', status: 'FAILED', reasons: ['Blurry image'] }],
      }).ok,
    ).toBe(true);
    expect(
      validatePushAudit({
        action: 'catalog.push.audit',
        shopId: '7001',
        results: [{ productId: '5', status: 'LIVE', reasons: 'x' }],
      }).ok,
    ).toBe(false);
    expect(validateCatalogImage({ action: 'catalog.image', shopId: '7001', fileId: '501' }).ok).toBe(true);
    expect(validateCatalogImage({ action: 'catalog.image', shopId: '7001', fileId: 501 }).ok).toBe(false);
  });
});

/// <reference types="jest" />
import {
  buyerExternalId,
  inboxExternalId,
  isInternalId,
  parseOrderExternalId,
  parseShopExternalId,
  salesOrderExternalId,
  shopExternalId,
} from '../external-ids';
import { isTikTokId } from '../tiktok-id';

describe('external ids', () => {
  it('builds the inbox and sales order externalid tts_<shopId>_<orderId>', () => {
    expect(inboxExternalId('7495', '576461413038785752')).toBe('tts_7495_576461413038785752');
    expect(salesOrderExternalId('7495', '576461413038785752')).toBe('tts_7495_576461413038785752');
  });

  it('builds the shop and buyer externalids', () => {
    expect(shopExternalId('7495')).toBe('tts_shop_7495');
    expect(buyerExternalId('7495', '7021436810468230000')).toBe('tts_buyer_7495_7021436810468230000');
  });

  it.each([
    ['', '1'],
    ['12a', '1'],
    ['1', ' 2'],
    ['1', '2_3'],
  ])('refuses ids that are not digits (%j, %j)', (shopId, orderId) => {
    expect(() => inboxExternalId(shopId, orderId)).toThrow('must be a string of digits');
  });

  it('names the bad id', () => {
    expect(() => shopExternalId('abc')).toThrow('shop id must be a string of digits, got "abc"');
    expect(() => buyerExternalId('1', 'x')).toThrow('buyer user id must be a string of digits, got "x"');
  });

  it('parses order and shop externalids back', () => {
    expect(parseOrderExternalId('tts_7495_5764')).toEqual({ shopId: '7495', orderId: '5764' });
    expect(parseOrderExternalId('tts_shop_7495')).toBeNull();
    expect(parseOrderExternalId('tts_buyer_1_2')).toBeNull();
    expect(parseOrderExternalId('tts_1_2_3')).toBeNull();
    expect(parseShopExternalId('tts_shop_7495')).toBe('7495');
    expect(parseShopExternalId('tts_7495_1')).toBeNull();
  });
});

describe('id shapes', () => {
  it('TikTok ids are strings of digits', () => {
    expect(isTikTokId('576461413038785752')).toBe(true);
    expect(isTikTokId('0')).toBe(true);
    expect(isTikTokId(576461413038785752)).toBe(false);
    expect(isTikTokId('')).toBe(false);
    expect(isTikTokId('1-2')).toBe(false);
    expect(isTikTokId('1'.repeat(65))).toBe(false);
  });

  it('NetSuite internal ids are positive integers in strings', () => {
    expect(isInternalId('42')).toBe(true);
    expect(isInternalId('0')).toBe(false);
    expect(isInternalId('042')).toBe(false);
    expect(isInternalId('-1')).toBe(false);
    expect(isInternalId('4.2')).toBe(false);
    expect(isInternalId(42)).toBe(false);
  });
});

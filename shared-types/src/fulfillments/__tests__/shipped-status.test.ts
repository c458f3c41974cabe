/// <reference types="jest" />
import { countsAsShipped, normalizeShipStatus, sendAtStatusOf } from '../shipped-status';

describe('when a fulfillment counts as shipped', () => {
  it('is Shipped by default', () => {
    expect(sendAtStatusOf('')).toBe('shipped');
    expect(sendAtStatusOf(null)).toBe('shipped');
    expect(countsAsShipped('C', 'shipped')).toBe(true);
    expect(countsAsShipped('B', 'shipped')).toBe(false);
    expect(countsAsShipped('A', 'shipped')).toBe(false);
  });

  it('is Packed or Shipped with the Packed setting', () => {
    expect(sendAtStatusOf('Packed')).toBe('packed');
    expect(countsAsShipped('packed', 'packed')).toBe(true);
    expect(countsAsShipped('Shipped', 'packed')).toBe(true);
    expect(countsAsShipped('Picked', 'packed')).toBe(false);
  });

  it('reads letters and texts, and nothing else', () => {
    expect(normalizeShipStatus('shipped')).toBe('C');
    expect(normalizeShipStatus(' B ')).toBe('B');
    expect(normalizeShipStatus('X')).toBeNull();
    expect(countsAsShipped(undefined, 'packed')).toBe(false);
  });
});

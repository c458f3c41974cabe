/// <reference types="jest" />
import {
  applyInventoryAck,
  pendingPage,
  validateInventoryAck,
  validateInventoryPull,
} from '../inventory-contract';

const p = (quantity: number) => ({ quantity, itemId: '1', override: false, queuedAt: 5 });

describe('inventory.pull / inventory.ack validation', () => {
  it('names each bad field and its fix', () => {
    const pull = validateInventoryPull({ action: 'inventory.pull', shopId: 'x', limit: 0 });
    expect(pull.ok).toBe(false);
    expect(JSON.stringify(pull)).toContain('limit');
    const ack = validateInventoryAck({
      action: 'inventory.ack',
      shopId: '7494',
      results: [{ sellerSku: 'A', warehouseId: '70', quantity: -1, outcome: 'failed' }],
    });
    expect(ack.ok).toBe(false);
    const text = JSON.stringify(ack);
    expect(text).toContain('results[0].quantity');
    expect(text).toContain('a failed result needs the reason and its fix');
  });

  it('accepts a valid ack', () => {
    const ack = validateInventoryAck({
      action: 'inventory.ack',
      shopId: '7494',
      results: [{ sellerSku: 'A', warehouseId: '70', quantity: 0, outcome: 'confirmed' }],
    });
    expect(ack.ok).toBe(true);
  });
});

describe('pendingPage', () => {
  it('pages by seller SKU, never splitting one', () => {
    const pending = { 'B\u00001': p(1), 'A\u00001': p(2), 'A\u00002': p(3), 'C\u00001': p(4) };
    const first = pendingPage(pending, undefined, 3);
    expect(first.changes.map((c) => `${c.sellerSku}/${c.warehouseId}`)).toEqual(['A/1', 'A/2', 'B/1']);
    expect(first.next).toBe('B');
    const second = pendingPage(pending, first.next ?? undefined, 3);
    expect(second.changes.map((c) => c.sellerSku)).toEqual(['C']);
    expect(second.next).toBeNull();
  });
});

describe('applyInventoryAck', () => {
  it('records done pairs, logs a failure once per message, prunes what is no longer pending', () => {
    const pending = { 'A\u00001': p(2), 'B\u00001': p(1) };
    const first = applyInventoryAck(
      { done: { 'Z\u00001': { quantity: 3, queuedAt: 5 } }, failed: {} },
      pending,
      [
        { sellerSku: 'A', warehouseId: '1', quantity: 2, outcome: 'confirmed' },
        { sellerSku: 'B', warehouseId: '1', quantity: 1, outcome: 'failed', message: 'm1' },
      ],
    );
    expect(first.file.done).toEqual({ 'A\u00001': { quantity: 2, queuedAt: 5 } });
    expect(first.recorded).toBe(1);
    expect(first.newFailures).toHaveLength(1);
    const again = applyInventoryAck(first.file, pending, [
      { sellerSku: 'B', warehouseId: '1', quantity: 1, outcome: 'failed', message: 'm1' },
    ]);
    expect(again.newFailures).toHaveLength(0);
  });
});

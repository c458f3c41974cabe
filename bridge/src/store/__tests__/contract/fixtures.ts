/**
 * What the store contract suites share: the factory type, a fresh store per test, and sample
 * shops and jobs.
 */
import type { BridgeStore, NewJob, ShopInput } from '../../types';

/** Returns a fresh, empty store (an implementation's tables emptied or a new database). */
export type StoreFactory = () => Promise<BridgeStore>;

export const T0 = 1_700_000_000_000;

export const shop = (overrides: Partial<ShopInput> = {}): ShopInput => ({
  shopId: '7494049642642441621',
  name: 'Test Shop',
  region: 'US',
  sellerType: 'LOCAL',
  cipher: 'ROW_abc123',
  code: 'USLCXXXX',
  state: 'connected',
  ...overrides,
});

export const job = (overrides: Partial<NewJob> = {}): NewJob => ({
  kind: 'order.upsert',
  shopId: '7494049642642441621',
  dedupeKey: 'order:7494049642642441621:1',
  payload: { orderId: '1' },
  runAfter: T0,
  ...overrides,
});

/** Opens a fresh store before each test of the enclosing describe and closes it after; read it with the getter. */
export function useFreshStore(factory: StoreFactory): () => BridgeStore {
  let store: BridgeStore | undefined;
  beforeEach(async () => {
    store = await factory();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('The store is opened in beforeEach; read it inside a test.');
    return store;
  };
}

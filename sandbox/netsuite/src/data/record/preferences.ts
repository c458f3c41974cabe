/**
 * Account preferences that change how records validate. `requirePaymentMethod` is on by default:
 * NetSuite accounts the connector targets reject sales orders without a payment method, which is
 * the failure TikTok orders hit when the Payment Method Map is missing.
 */
export interface Preferences {
  requirePaymentMethod: boolean;
  /** Default `orderstatus` of new sales orders (`A` Pending Approval, `B` Pending Fulfillment). */
  defaultOrderStatus: 'A' | 'B';
  /** Multiple currencies: `currency` becomes mandatory on customers and transactions. */
  multiCurrency: boolean;
  /** OneWorld: `subsidiary` becomes mandatory on customers and transactions. */
  oneWorld: boolean;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  requirePaymentMethod: true,
  defaultOrderStatus: 'B',
  multiCurrency: false,
  oneWorld: false,
});

export function resolvePreferences(overrides: Partial<Preferences> = {}): Preferences {
  return { ...DEFAULT_PREFERENCES, ...overrides };
}

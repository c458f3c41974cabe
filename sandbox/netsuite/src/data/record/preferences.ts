/**
 * Account preferences that change how records validate and transform. One mutable object per
 * account: the record services hold a reference, so a test can change a preference between runs
 * (`NetSuiteEmulator.setPreferences`) as an administrator would on Setup > Accounting > Accounting
 * Preferences.
 */

/**
 * Setup > Accounting > Accounting Preferences > Order Management > Fulfillment > "Fulfill Based on
 * Commitment" (Oracle help, "Order Management Accounting Preferences", section_N1388149):
 * - `LIMIT_TO_COMMITTED` — "Limit to Committed": fulfilments default to the committed items and
 *   quantities, cannot exceed them, and items with nothing committed do not show and cannot be added;
 * - `ALLOW_UNCOMMITTED` — "Allow Uncommitted": defaults as above, but quantities can be raised past the
 *   committed quantity and uncommitted items added;
 * - `IGNORE_COMMITMENT` — "Ignore Commitment": fulfilments default to every unfulfilled quantity.
 */
export type FulfillBasedOnCommitment = 'LIMIT_TO_COMMITTED' | 'ALLOW_UNCOMMITTED' | 'IGNORE_COMMITMENT';

export interface Preferences {
  /**
   * Sales orders need a payment method. On by default: NetSuite accounts the connector targets reject
   * sales orders without one, which is the failure TikTok orders hit when the Payment Method Map is
   * missing.
   */
  requirePaymentMethod: boolean;
  /** Default `orderstatus` of new sales orders (`A` Pending Approval, `B` Pending Fulfillment). */
  defaultOrderStatus: 'A' | 'B';
  /** Multiple currencies: `currency` becomes mandatory on customers and transactions. */
  multiCurrency: boolean;
  /** OneWorld: `subsidiary` becomes mandatory on customers and transactions. */
  oneWorld: boolean;
  /**
   * "Fulfill Based on Commitment". Default `LIMIT_TO_COMMITTED`, the strictest value (the emulator
   * is the stricter one where an account may differ; Oracle's inventory best practice asks for it:
   * "Set the Fulfill Based on Commitment preference to Limit to Committed").
   */
  fulfillBasedOnCommitment: FulfillBasedOnCommitment;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  requirePaymentMethod: true,
  defaultOrderStatus: 'B',
  multiCurrency: false,
  oneWorld: false,
  fulfillBasedOnCommitment: 'LIMIT_TO_COMMITTED',
});

/** A new, mutable preferences object: the defaults with `overrides`. */
export function resolvePreferences(overrides: Partial<Preferences> = {}): Preferences {
  return { ...DEFAULT_PREFERENCES, ...overrides };
}

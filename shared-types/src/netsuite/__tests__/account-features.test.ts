import type { AccountFeatures } from '../account-setup';
import { ALL_FEATURES, FEATURE_IDS, readFeatures } from '../account-setup';
import type { SalesOrderPlan } from '../../orders/order-plan';
import { planSalesOrder } from '../../orders/order-plan';
import { order, shop } from '../../../../test/support/tiktok-order-builder';

/**
 * The plan leaves out every field whose feature the account does not have (issue #10): NetSuite
 * removed those fields at install, so setting one would fail the save.
 */

function planWith(features: AccountFeatures | undefined, perBuyer = false): SalesOrderPlan {
  const result = planSalesOrder(order(), {
    shop: shop({ departmentId: '8', classId: '9', perBuyerCustomer: perBuyer }),
    items: { 'MUG-RED': '501' },
    account: features === undefined ? undefined : { features },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

const without = (flag: keyof AccountFeatures): AccountFeatures => ({ ...ALL_FEATURES, [flag]: false });

describe('readFeatures', () => {
  it('asks runtime.isFeatureInEffect for each feature by its NetSuite id', () => {
    const asked: string[] = [];
    const features = readFeatures((id) => {
      asked.push(id);
      return id !== 'DEPARTMENTS';
    });
    expect(asked.sort()).toEqual(
      ['CLASSES', 'DEPARTMENTS', 'LOCATIONS', 'MULTICURRENCY', 'MULTILOCINVT', 'SUBSIDIARIES'].sort(),
    );
    expect(features).toEqual({ ...ALL_FEATURES, departments: false });
    expect(Object.keys(FEATURE_IDS).sort()).toEqual(Object.keys(ALL_FEATURES).sort());
  });
});

describe('planSalesOrder and the account features', () => {
  it('sets subsidiary, location, department, class and line locations with every feature (and by default)', () => {
    for (const plan of [planWith(ALL_FEATURES), planWith(undefined)]) {
      expect([plan.subsidiaryId, plan.locationId, plan.departmentId, plan.classId]).toEqual([
        '1',
        '3',
        '8',
        '9',
      ]);
      expect(plan.lines.map((l) => l.locationId)).toEqual(['3']);
    }
  });

  it('leaves each out when its feature is off', () => {
    expect(planWith(without('subsidiaries')).subsidiaryId).toBeNull();
    expect(planWith(without('departments')).departmentId).toBeNull();
    expect(planWith(without('classes')).classId).toBeNull();
    const noMli = planWith(without('multiLocationInventory'));
    expect(noMli.locationId).toBe('3');
    expect(noMli.lines.map((l) => l.locationId)).toEqual([null]);
    const noLocations = planWith({ ...without('locations'), multiLocationInventory: false });
    expect([noLocations.locationId, ...noLocations.lines.map((l) => l.locationId)]).toEqual([null, null]);
  });

  it("gives a buyer's new customer the subsidiary only in a OneWorld account", () => {
    const customer = (features: AccountFeatures) => {
      const choice = planWith(features, true).customer;
      return choice.kind === 'new' ? choice.customer.subsidiaryId : 'existing';
    };
    expect(customer(ALL_FEATURES)).toBe('1');
    expect(customer(without('subsidiaries'))).toBeNull();
  });
});

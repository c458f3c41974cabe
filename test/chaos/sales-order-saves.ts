/**
 * Counts the saves of new sales orders the scripts make (`record.create` then `save`): with every
 * order processed once there is one saved per sales order and none refused; an order two import
 * runs both worked on shows as a save refused with DUP_RCRD (its externalid exists). Saves that
 * fail otherwise (an injected app-server restart) are counted apart.
 */
import type { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';

export interface SalesOrderSaves {
  saved: number;
  duplicates: number;
  otherFailures: number;
}

interface SavableRecord {
  save(...args: unknown[]): unknown;
}

interface RecordModuleLike {
  create(options: { type: string }): SavableRecord;
}

export function countSalesOrderSaves(ns: NetSuiteEmulator): SalesOrderSaves {
  const counts: SalesOrderSaves = { saved: 0, duplicates: 0, otherFailures: 0 };
  const module = ns.modules['N/record'] as RecordModuleLike;
  const create = module.create;
  module.create = (options) => {
    const rec = create(options);
    if (String(options.type).toLowerCase() !== 'salesorder') return rec;
    const save = rec.save.bind(rec);
    rec.save = (...args: unknown[]) => {
      try {
        const id = save(...args);
        counts.saved += 1;
        return id;
      } catch (e) {
        if ((e as { name?: unknown }).name === 'DUP_RCRD') counts.duplicates += 1;
        else counts.otherFailures += 1;
        throw e;
      }
    };
    return rec;
  };
  return counts;
}

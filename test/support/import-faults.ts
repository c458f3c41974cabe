import { SuiteScriptError } from '../../sandbox/netsuite/src/errors';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ConnectorAccount } from './connector-account';
import { DEMO_SHOP } from './connector-account';

/**
 * Faults for the exactly-once tests of issue #23: NetSuite failing a write right after the import
 * saved a sales order or a customer (the inbox write that should follow fails, as it does when
 * NetSuite has a temporary problem), and counts of what exists afterwards — by externalid and by
 * what people search by (PO # for sales orders, e-mail for customers), so a second record made under
 * another externalid is counted too.
 */

const INBOX = 'customrecord_tts_order';

interface SavableRecord {
  save(...args: unknown[]): unknown;
}

interface RecordModuleLike {
  create(options: { type: string }): SavableRecord;
  load(options: { type: string; id: unknown }): unknown;
  submitFields(options: { type: string; id: unknown }): unknown;
}

export interface InboxWriteFault {
  /** Inbox writes (load or submitFields of an inbox record) that failed so far. */
  failed: number;
  /** Saves of new `afterSaveOf` records that armed the fault. */
  armedBy: number;
  restore(): void;
}

/**
 * After each successful save of a new record of `afterSaveOf` (`salesorder`, `customer`), the next
 * `times` calls that read or write an inbox record (`record.load`, `record.submitFields`) fail with
 * NetSuite error `name` before anything is charged or written: the import's next inbox write after
 * that save fails, whichever call it is made with. `armings` limits how many saves arm it (default:
 * the first only).
 */
export function failInboxWritesAfterSave(
  world: Pick<ConnectorAccount, 'ns'>,
  afterSaveOf: string,
  options: { times: number; name?: string; message?: string; armings?: number },
): InboxWriteFault {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const { create, load, submitFields } = module;
  const name = options.name ?? 'UNEXPECTED_ERROR';
  const message = options.message ?? 'An unexpected error occurred.';
  let armingsLeft = options.armings ?? 1;
  let left = 0;
  const fault: InboxWriteFault = {
    failed: 0,
    armedBy: 0,
    restore: () => {
      Object.assign(module, { create, load, submitFields });
    },
  };
  const maybeFail = (type: string): void => {
    if (type !== INBOX || left === 0) return;
    left -= 1;
    fault.failed += 1;
    throw new SuiteScriptError(name, message);
  };
  module.create = (createOptions) => {
    const rec = create(createOptions);
    if (String(createOptions.type).toLowerCase() !== afterSaveOf) return rec;
    const save = rec.save.bind(rec);
    rec.save = (...args: unknown[]) => {
      const id = save(...args);
      if (armingsLeft > 0) {
        armingsLeft -= 1;
        fault.armedBy += 1;
        left = options.times;
      }
      return id;
    };
    return rec;
  };
  module.load = (loadOptions) => {
    maybeFail(String(loadOptions.type));
    return load(loadOptions);
  };
  module.submitFields = (submitOptions) => {
    maybeFail(String(submitOptions.type));
    return submitFields(submitOptions);
  };
  return fault;
}

export interface SaveCounts {
  saved: number;
  /** Saves refused with DUP_RCRD: the externalid exists (the import then links the existing record). */
  duplicates: number;
}

/** Counts the saves of new records of `type` from now on. */
export function countNewSaves(world: Pick<ConnectorAccount, 'ns'>, type: string): SaveCounts {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const create = module.create;
  const counts: SaveCounts = { saved: 0, duplicates: 0 };
  module.create = (options) => {
    const rec = create(options);
    if (String(options.type).toLowerCase() !== type) return rec;
    const save = rec.save.bind(rec);
    rec.save = (...args: unknown[]) => {
      try {
        const id = save(...args);
        counts.saved += 1;
        return id;
      } catch (e) {
        if ((e as { name?: unknown }).name === 'DUP_RCRD') counts.duplicates += 1;
        throw e;
      }
    };
    return rec;
  };
  return counts;
}

/** Sales orders of a TikTok order: by externalid `tts_<shopId>_<orderId>`, and by PO # (`otherrefnum`). */
export function salesOrdersOf(
  world: Pick<ConnectorAccount, 'ns'>,
  orderId: string,
): { byExternalId: StoredRecord[]; byPoNumber: StoredRecord[] } {
  const all = world.ns.store.all('salesorder');
  return {
    byExternalId: all.filter((so) => so.externalId === `tts_${DEMO_SHOP.shopId}_${orderId}`),
    byPoNumber: all.filter((so) => String(so.fields.otherrefnum ?? '') === orderId),
  };
}

/** Customers of a TikTok buyer: by externalid `tts_buyer_<shopId>_<buyerId>`, and by e-mail. */
export function customersOf(
  world: Pick<ConnectorAccount, 'ns'>,
  buyer: { userId: string; email: string },
): { byExternalId: StoredRecord[]; byEmail: StoredRecord[] } {
  const all = world.ns.store.all('customer');
  return {
    byExternalId: all.filter((c) => c.externalId === `tts_buyer_${DEMO_SHOP.shopId}_${buyer.userId}`),
    byEmail: all.filter((c) => String(c.fields.email ?? '') === buyer.email),
  };
}

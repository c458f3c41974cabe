/**
 * Faults for the exactly-once tests of issue #23: NetSuite failing a write right after the import
 * saved a sales order or a customer (the inbox write that should follow fails, as it does when
 * NetSuite has a temporary problem), the RESTlet storing a newer payload while a run holds the
 * order's claim, and counts of what exists afterwards — by externalid and by
 * what people search by (PO # for sales orders, e-mail for customers), so a second record made under
 * another externalid is counted too.
 */
import { SuiteScriptError } from '../../sandbox/netsuite/src/errors';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { decideInboxUpsert } from '../../shared-types/src/inbox/inbox-upsert';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import { inboxWrites } from '../../suiteapp/ts/lib/mappers/order-inbox-mapper';
import type { ConnectorAccount } from './connector-account';
import { DEMO_SHOP } from './connector-account';

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
 * After a successful save of a new record of `afterSaveOf` (`salesorder`, `customer`), the next
 * `times` calls that read or write an inbox record (`record.load`, `record.submitFields`) fail with
 * NetSuite error `name` before anything is charged or written: the import's next inbox write after
 * that save fails, whichever call it is made with (scripts run one invocation at a time, so the
 * next inbox call is the saving invocation's). `times` as a number arms the first save only; as a
 * function it says, for the n-th save (from 1), how many calls fail after it (0: none).
 */
export function failInboxWritesAfterSave(
  world: Pick<ConnectorAccount, 'ns'>,
  afterSaveOf: string,
  options: { times: number | ((saveNumber: number) => number); name?: string; message?: string },
): InboxWriteFault {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const { create, load, submitFields } = module;
  const name = options.name ?? 'UNEXPECTED_ERROR';
  const message = options.message ?? 'An unexpected error occurred.';
  const times = options.times;
  const timesAfter = typeof times === 'number' ? (n: number) => (n === 1 ? times : 0) : times;
  let saves = 0;
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
      saves += 1;
      const failing = timesAfter(saves);
      if (failing > 0) {
        fault.armedBy += 1;
        left = failing;
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

interface LoadedRecordLike {
  getValue(options: { fieldId: string }): unknown;
  save(...args: unknown[]): unknown;
}

export interface LatePayload {
  /** True once the newer payload was stored. */
  stored: boolean;
  restore(): void;
}

/**
 * The RESTlet storing `newer` while an import run holds the claim on its inbox record: right after
 * the run's claim is saved (a save of a loaded inbox record of that order that carries a claim), the
 * newer payload is written as `orders.upsert` writes it — the decision of
 * shared-types/src/inbox/inbox-upsert.ts on the record as it is then, in one submitFields of the fields
 * mappers/order-inbox-mapper.ts writes (through the seed's record service: no governance of the run
 * is used). Once.
 */
export function storeNewerPayloadDuringClaim(
  world: Pick<ConnectorAccount, 'ns'>,
  newer: TikTokOrder,
): LatePayload {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const load = module.load;
  const late: LatePayload = {
    stored: false,
    restore: () => {
      module.load = load;
    },
  };
  const storeNewer = (): void => {
    const rec = world.ns.store.findByExternalId(INBOX, `tts_${DEMO_SHOP.shopId}_${newer.id}`);
    if (!rec) throw new Error(`no inbox record for ${newer.id}`);
    const f = rec.fields;
    const decision = decideInboxUpsert(
      {
        id: String(rec.id),
        updateTime:
          typeof f.custrecord_tts_ord_update_time === 'number' ? f.custrecord_tts_ord_update_time : null,
        state: typeof f.custrecord_tts_ord_state === 'string' ? f.custrecord_tts_ord_state : null,
        salesOrderId: f.custrecord_tts_ord_sales_order ? String(f.custrecord_tts_ord_sales_order) : null,
      },
      newer,
      String(f.custrecord_tts_ord_shop),
    );
    if (decision.outcome !== 'updated') throw new Error(`the newer payload was ${decision.outcome}`);
    world.ns.seed.service.submitFields({
      type: INBOX,
      id: rec.id,
      values: Object.fromEntries(inboxWrites(decision.values)),
    });
    late.stored = true;
  };
  module.load = (loadOptions) => {
    const rec = load(loadOptions) as LoadedRecordLike;
    if (String(loadOptions.type) !== INBOX || late.stored) return rec;
    const save = rec.save.bind(rec);
    rec.save = (...args: unknown[]) => {
      const id = save(...args);
      const claimed = String(rec.getValue({ fieldId: 'custrecord_tts_ord_claim' }) ?? '') !== '';
      const ofOrder = rec.getValue({ fieldId: 'custrecord_tts_ord_order_id' }) === newer.id;
      if (claimed && ofOrder && !late.stored) storeNewer();
      return id;
    };
    return rec;
  };
  return late;
}

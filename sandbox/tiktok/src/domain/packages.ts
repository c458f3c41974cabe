/**
 * Packages: the one place that creates, ships, corrects and moves them (TikTok's Get Shipping Providers and fulfillment API and
 * TikTok's Fulfillment API overview, Mark Package As Shipped, Ship Package, Update (Package) Shipping
 * Info and Get Shipping Providers pages, PACKAGE_UPDATE webhook page):
 *
 * - When a package exists. US: "a package is generated after the seller completes the shipment" (Mark
 *   Package As Shipped returns its id). Other markets: "a package is generated after the buyer pays the
 *   order" with every item, shown in Get Order Detail.
 * - Seller shipping. Mark Package As Shipped (only US, GB, ES, IE, IT, DE, FR, JP, else 21008106) with
 *   optional `order_line_item_ids`: each call ships those lines as one package (in-shipping split, "no
 *   restriction"); in a market where the order already has a package, shipping part of it splits it
 *   (PACKAGE_UPDATE `SPLIT`). Elsewhere Ship Package with `self_shipment` ships the order's package.
 *   The provider must be one of the order's delivery option (Get Shipping Providers), else 21011022;
 *   the number is checked against the provider (domain/carriers.ts): special characters 21004012; a
 *   number of another provider 21004015 and of none 11028006, except for US local sellers, who get a
 *   `warning` instead (changelog "warning information added to Mark Package As Shipped"). The overview
 *   says the check returns an error; the changelog is followed for US local shops.
 * - TikTok Shipping (`shipping_type` TIKTOK, a delivery option other than SEND_BY_SELLER; the
 *   overview's "Delivery Option Type"): TikTok's carrier (the option's first provider, or the label
 *   service's) and a number TikTok assigns. Outside the US: Ship Package / Batch Ship Packages with a
 *   handover (domain/handover.ts: pickup in an offered slot, or drop-off). US: Get Eligible Shipping
 *   Service and Create Packages buy the label per line ("TikTok Shipping in the US: Call the Create
 *   Package API"); a line already labelled 21022025. The seller's endpoints are refused on such orders:
 *   Mark Package As Shipped 21011013 "not match logistics rule" (21008042 on labelled lines), Ship
 *   Package with `self_shipment` 21011003 — TikTok's pages say which flow fits which option but not
 *   what the other flow answers, so these codes are choices from the endpoints' tables; the other way
 *   round, Handover Time Slots 11021009 and label purchase 21011037 on seller-shipping orders.
 * - A tracking number already on a package of the same order, or on another order with another
 *   recipient, is 21011025; one number may ship up to 20 orders of the same recipient (in-shipping
 *   consolidation, US/EMEA/JP), the 21st is 21011026.
 * - Life cycle: TO_FULFILL → PROCESSING (shipped, waiting for the carrier) → FULFILLING (collected) →
 *   COMPLETED (delivered); CANCELLED with its lines. The order follows its lines (order-lifecycle.ts):
 *   PARTIALLY_SHIPPING while lines are left, AWAITING_COLLECTION once all are shipped, IN_TRANSIT when
 *   every package is collected, DELIVERED when every package is delivered. Carriers move packages
 *   through the admin API (no automatic scans).
 * - Corrections (Update Shipping Info per order, Update Package Shipping Info per package): only for
 *   seller-shipped packages (21011004), once per order (21011051; overview: "Each order is limited to one
 *   delivery information update"), within 72 hours of shipping in the US, GB and SEA markets (the
 *   overview's "Update order tracking number policy"; TikTok's "update time window extended to 72
 *   hours" changelog speaks of the US only, 36 hours before). After the window 21011049, the code that
 *   changelog gives; its message there reads "Because of the platform rules limitations, updating the
 *   tracking number failed.", the error tables' text is used (Update Package Shipping Info also lists
 *   21011050 "…only be updated within a certain number of hours", which no source ties to the window). Not shipped 21011043, delivered 21011030, cancelled
 *   21011041 (order) / 21011042 (package); an order split over several packages takes the package
 *   endpoint (10007002, a choice: the page only says to use it). Sending the values the package already
 *   has changes nothing and does not use the one update (a choice, so a retried call is harmless).
 * - PACKAGE_UPDATE (type 4) `{sc_type, role_type, package_list[{package_id, order_id_list}],
 *   update_time}`: `SPLIT` when the seller ships part of an existing package, `PARTLY_CANCEL_SPLIT` when
 *   part of an unshipped package is cancelled (the cancelled lines leave it; inferred from the sc_type
 *   list, TikTok documents no trigger per value). Shipping itself sends ORDER_STATUS_CHANGE only.
 */
import { unixSeconds, type Clock } from '../../../../shared-types/src/time/clock';
import { Business, TikTokApiError } from '../errors';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';
import { checkTracking } from './carriers';
import {
  HANDOVER_IGNORED_REGIONS,
  isOfferedSlot,
  pickupSlots,
  shippingServices,
  type HandoverMethod,
  type PackageDimension,
  type PackageWeight,
  type PickupSlot,
  type ShippingService,
} from './handover';
import type { IdFactory } from './ids';
import { zoneOfRegion } from './shop-time';
import { InvalidTransitionError, type OrderLifecycle } from './order-lifecycle';
import type { SimulatorState } from './state';
import type {
  CancellationRole,
  DeliveryOption,
  OrderRecord,
  PackageRecord,
  ShippingProvider,
  Shop,
} from './types';

/** Markets where Mark Package As Shipped may be used (TikTok's fulfillment API). */
export const MARK_SHIPPED_REGIONS: readonly string[] = ['US', 'GB', 'ES', 'IE', 'IT', 'DE', 'FR', 'JP'];
/** Markets where the package is made by the shipment, not at payment (Fulfillment API overview). */
export const PACKAGE_AT_SHIPMENT_REGIONS: readonly string[] = ['US'];
/** Markets where shipping information may be corrected only within 72 hours of shipping. */
export const UPDATE_WINDOW_REGIONS: readonly string[] = ['US', 'GB', 'ID', 'MY', 'PH', 'SG', 'TH', 'VN'];
/** In-shipping consolidation: one tracking number ships at most this many orders. */
export const MAX_ORDERS_PER_TRACKING_NUMBER = 20;

const ROLE_TYPE: Readonly<Record<CancellationRole, string>> = {
  BUYER: 'ROLE_USER',
  SELLER: 'ROLE_SELLER',
  SYSTEM: 'ROLE_SYSTEM',
};

const SHIPPED: ReadonlySet<string> = new Set(['PROCESSING', 'FULFILLING', 'COMPLETED']);

export interface PackagesDeps {
  state: SimulatorState;
  ids: IdFactory;
  random: Random;
  clock: Clock;
  webhooks: WebhookSender;
  orders: OrderLifecycle;
  scheduler: Scheduler;
  /** How long after shipping a correction is accepted where TikTok limits it (clock ms; 72 h / time scale). */
  updateWindowMs: number;
  /** How long after AWAITING_SHIPMENT TikTok's warehouse ships an FBT order (clock ms; 0: only by admin). */
  fbtDispatchMs: number;
}

/** A Seller Center shipment (admin): what the seller enters in TikTok's UI. */
export interface SellerCenterShipment {
  lineItemIds?: string[];
  /** Seller shipping: the carrier's number and the provider (id, or name among the order's option's). */
  trackingNumber?: string;
  shippingProviderId?: string;
  shippingProviderName?: string;
  /** TikTok Shipping outside the US: the handover (default: the option's; the earliest slot). */
  handoverMethod?: HandoverMethod;
  pickupSlot?: PickupSlot;
}

export interface TrackingEvent {
  description: string;
  updateTimeMillis: number;
}

export interface TrackingInput {
  trackingNumber: string;
  shippingProviderId: string;
}

export interface MarkShippedResult {
  pkg: PackageRecord;
  /** Mark Package As Shipped `warning.message` (US local sellers). */
  warning?: string;
}

function isShipped(pkg: PackageRecord | undefined): boolean {
  return pkg !== undefined && SHIPPED.has(pkg.status);
}

export class Packages {
  constructor(private readonly deps: PackagesDeps) {
    deps.orders.setPackageHooks({
      paid: (record) => this.openAtPayment(record),
      linesCancelled: (record, lineIds, role) => this.linesCancelled(record, lineIds, role),
      awaitingShipment: (record, at) => this.scheduleFbtDispatch(record, at),
    });
  }

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  get(packageId: string): PackageRecord | undefined {
    return this.deps.state.packages.get(packageId);
  }

  /** The package, if it belongs to the shop (else 21011028). */
  owned(shopId: string, packageId: string): PackageRecord {
    const pkg = this.get(packageId);
    if (!pkg || pkg.shopId !== shopId) throw Business.packageNotInShop();
    return pkg;
  }

  packagesOf(orderId: string): PackageRecord[] {
    return [...this.deps.state.packages.values()].filter((p) => p.orderId === orderId);
  }

  /** The order's delivery option (the shop's option for its shipping type when the order names none). */
  optionOf(record: OrderRecord): DeliveryOption | undefined {
    return this.deps.state.deliveryOptions.find((o) => o.id === record.order.delivery_option_id);
  }

  providersOf(option: DeliveryOption | undefined): ShippingProvider[] {
    if (!option) return [];
    return option.providerIds
      .map((id) => this.deps.state.shippingProviders.find((p) => p.id === id))
      .filter((p): p is ShippingProvider => p !== undefined);
  }

  /**
   * The order ships with TikTok's labels (TikTok Shipping): sold by the seller, `shipping_type`
   * TIKTOK and a delivery option other than SEND_BY_SELLER.
   */
  isTikTokShipping(record: OrderRecord): boolean {
    return (
      record.order.fulfillment_type !== 'FULFILLMENT_BY_TIKTOK' &&
      record.order.shipping_type === 'TIKTOK' &&
      this.optionOf(record)?.type !== 'SEND_BY_SELLER'
    );
  }

  /** Open lines not shipped yet. */
  private unshippedLines(record: OrderRecord) {
    return record.order.line_items.filter(
      (l) =>
        l.display_status !== 'CANCELLED' && !isShipped(l.package_id ? this.get(l.package_id) : undefined),
    );
  }

  /** Other markets: one package with every line once the buyer has paid. */
  private openAtPayment(record: OrderRecord): void {
    const shop = this.deps.state.requireShop(record.shopId);
    if (PACKAGE_AT_SHIPMENT_REGIONS.includes(shop.region)) return;
    const lines = record.order.line_items.filter((l) => l.display_status !== 'CANCELLED' && !l.package_id);
    if (lines.length === 0) return;
    this.create(
      record,
      lines.map((l) => l.id),
    );
  }

  private create(record: OrderRecord, lineIds: string[], splitTag: PackageRecord['splitTag'] = 'DEFAULT') {
    const now = this.now();
    const pkg: PackageRecord = {
      packageId: this.deps.ids.packageId(),
      shopId: record.shopId,
      orderId: record.order.id,
      lineItemIds: [...lineIds],
      status: 'TO_FULFILL',
      splitTag,
      trackingNumber: '',
      shippingProviderId: '',
      shippingProviderName: '',
      createTime: now,
      updateTime: now,
      shippingInfoUpdates: [],
    };
    this.deps.state.packages.set(pkg.packageId, pkg);
    for (const line of record.order.line_items)
      if (lineIds.includes(line.id)) line.package_id = pkg.packageId;
    record.order.packages = [...(record.order.packages ?? []), { id: pkg.packageId }];
    return pkg;
  }

  /** Moves `lineIds` out of `from` into a new package (both become SPLIT). */
  private split(record: OrderRecord, from: PackageRecord, lineIds: string[]): PackageRecord {
    from.lineItemIds = from.lineItemIds.filter((id) => !lineIds.includes(id));
    from.splitTag = 'SPLIT';
    from.updateTime = Math.max(from.updateTime, this.now());
    return this.create(record, lineIds, 'SPLIT');
  }

  private emitUpdate(shopId: string, scType: string, roleType: string, packages: PackageRecord[]): void {
    this.deps.webhooks.emit({
      eventType: 'PACKAGE_UPDATE',
      shopId,
      data: {
        sc_type: scType,
        role_type: roleType,
        package_list: packages.map((p) => ({ package_id: p.packageId, order_id_list: [p.orderId] })),
        update_time: this.now(),
      },
    });
  }

  /** Order checks shared by the shipping endpoints (Mark Package As Shipped's and Ship Package's codes). */
  private checkShippable(record: OrderRecord, alreadyShipped: () => Error): void {
    const { order } = record;
    if (order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') throw Business.platformFulfilled();
    if (order.status === 'CANCELLED') throw Business.orderCancelled();
    if (order.status === 'ON_HOLD') throw Business.orderOnHold();
    if (['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(order.status))
      throw alreadyShipped();
    if (order.status !== 'AWAITING_SHIPMENT' && order.status !== 'PARTIALLY_SHIPPING')
      throw Business.fulfillActionNotAllowed();
  }

  /** The provider of the order's delivery option (21011022 when the option does not offer it). */
  private provider(record: OrderRecord, providerId: string): ShippingProvider {
    const provider = this.providersOf(this.optionOf(record)).find((p) => p.id === providerId);
    if (!provider) throw Business.trackingProviderInvalid();
    return provider;
  }

  /**
   * Checks a tracking number for the order's provider. `mismatch` is the endpoint's code for a number
   * of another provider or of none; `warnUs` turns those into a warning for US local sellers.
   */
  private checkNumber(
    record: OrderRecord,
    input: TrackingInput,
    mode: 'mark-shipped' | 'ship-package' | 'update',
  ): { provider: ShippingProvider; warning?: string } {
    const provider = this.provider(record, input.shippingProviderId);
    const shop = this.deps.state.requireShop(record.shopId);
    const check = checkTracking(input.trackingNumber, provider, this.providersOf(this.optionOf(record)));
    const usLocal = shop.region === 'US' && shop.sellerType === 'LOCAL';
    switch (check.kind) {
      case 'ok':
        return { provider };
      case 'special-characters':
        throw mode === 'update' ? Business.trackingProviderInvalid() : Business.trackingSpecialCharacters();
      case 'invalid':
        throw Business.trackingProviderInvalid();
      case 'other-provider':
        if (mode === 'mark-shipped' && usLocal)
          return {
            provider,
            warning: `The tracking number you entered does not match your selected logistics provider. Check the tracking number and logistics provider. Did you mean to select ${check.suggested.name}?`,
          };
        throw mode === 'mark-shipped'
          ? Business.trackingMismatchProvider()
          : Business.trackingProviderInvalid();
      case 'no-provider':
        if (mode === 'mark-shipped' && usLocal)
          return {
            provider,
            warning:
              'No logistics provider could be found for this tracking number. Check the tracking number and try again.',
          };
        throw mode === 'update' ? Business.trackingProviderInvalid() : Business.trackingNoCarrier();
    }
  }

  /** 21011025 / 21011026 for a tracking number already used (see the module comment). */
  private checkDuplicate(
    record: OrderRecord,
    trackingNumber: string,
    consolidation: boolean,
    except?: string,
  ) {
    const users = [...this.deps.state.packages.values()].filter(
      (p) =>
        p.shopId === record.shopId &&
        p.packageId !== except &&
        isShipped(p) &&
        p.trackingNumber === trackingNumber,
    );
    if (users.length === 0) return;
    if (!consolidation || users.some((p) => p.orderId === record.order.id))
      throw Business.duplicateTrackingNumber();
    const mine = record.order.recipient_address;
    const orderIds = new Set(users.map((p) => p.orderId));
    for (const orderId of orderIds) {
      const theirs = this.deps.state.orders.get(orderId)?.order.recipient_address;
      if (!mine || !theirs || theirs.name !== mine.name || theirs.full_address !== mine.full_address)
        throw Business.duplicateTrackingNumber();
    }
    if (orderIds.size >= MAX_ORDERS_PER_TRACKING_NUMBER) throw Business.trackingUsedTooOften();
  }

  /** Mark Package As Shipped (`POST /fulfillment/202309/orders/{order_id}/packages`). */
  markShipped(
    record: OrderRecord,
    input: TrackingInput & { orderLineItemIds?: string[] },
  ): MarkShippedResult {
    const shop = this.deps.state.requireShop(record.shopId);
    if (!MARK_SHIPPED_REGIONS.includes(shop.region)) throw Business.interfaceNotInRegion();
    this.checkShippable(record, () => Business.ordersAlreadyShipped());
    const { order } = record;
    if (this.isTikTokShipping(record)) {
      const labelled = order.line_items.some(
        (l) =>
          (input.orderLineItemIds === undefined ||
            input.orderLineItemIds.length === 0 ||
            input.orderLineItemIds.includes(l.id)) &&
          this.get(l.package_id ?? '')?.method === 'TIKTOK_SHIPPING',
      );
      throw labelled ? Business.labelAlreadyPrinted() : Business.logisticsRuleMismatch();
    }
    const open = this.unshippedLines(record);
    let lineIds: string[];
    if (input.orderLineItemIds && input.orderLineItemIds.length > 0) {
      lineIds = [...new Set(input.orderLineItemIds)];
      for (const id of lineIds) {
        const line = order.line_items.find((l) => l.id === id);
        if (!line) throw Business.orderLineNotInOrder();
        if (line.display_status === 'CANCELLED') throw Business.fulfillActionNotAllowed();
        if (!open.includes(line)) throw Business.ordersAlreadyShipped();
      }
    } else {
      lineIds = open.map((l) => l.id);
    }
    if (lineIds.length === 0) throw Business.ordersAlreadyShipped();
    const { provider, warning } = this.checkNumber(record, input, 'mark-shipped');
    this.checkDuplicate(record, input.trackingNumber, true);
    this.deps.orders.beforeShipment(record);
    const pkg = this.packageFor(record, lineIds, 'ROLE_SELLER');
    this.ship(record, pkg, {
      trackingNumber: input.trackingNumber,
      provider,
      method: 'MARK_AS_SHIPPED',
    });
    return warning === undefined ? { pkg } : { pkg, warning };
  }

  /**
   * The package that ships `lineIds`: a new one where packages come with the shipment (US); else the
   * package holding them, split when only part of it ships (PACKAGE_UPDATE SPLIT).
   */
  private packageFor(record: OrderRecord, lineIds: string[], roleType: string): PackageRecord {
    const holders = new Set(
      record.order.line_items.filter((l) => lineIds.includes(l.id)).map((l) => l.package_id ?? ''),
    );
    if (holders.size === 1 && !holders.has('')) {
      const holder = this.get([...holders][0] ?? '');
      if (holder && holder.status === 'TO_FULFILL') {
        if (holder.lineItemIds.every((id) => lineIds.includes(id))) return holder;
        const part = this.split(record, holder, lineIds);
        this.emitUpdate(record.shopId, 'SPLIT', roleType, [holder, part]);
        return part;
      }
    }
    // Lines without a package (US), or spread over several: they leave their packages for a new one.
    for (const holderId of holders) {
      const holder = holderId ? this.get(holderId) : undefined;
      if (holder) holder.lineItemIds = holder.lineItemIds.filter((id) => !lineIds.includes(id));
    }
    return this.create(record, lineIds);
  }

  private ship(
    record: OrderRecord,
    pkg: PackageRecord,
    args: {
      trackingNumber: string;
      provider: ShippingProvider;
      method: NonNullable<PackageRecord['method']>;
      handoverMethod?: string;
    },
  ): void {
    const now = this.now();
    pkg.status = 'PROCESSING';
    pkg.trackingNumber = args.trackingNumber;
    pkg.shippingProviderId = args.provider.id;
    pkg.shippingProviderName = args.provider.name;
    pkg.method = args.method;
    if (args.handoverMethod !== undefined) pkg.handoverMethod = args.handoverMethod;
    pkg.shippedAt = now;
    pkg.updateTime = Math.max(pkg.updateTime, now);
    this.deps.orders.refreshShipping(record, now);
    this.deps.orders.afterShipment(record);
  }

  /** Ship Package (`POST /fulfillment/202309/packages/{package_id}/ship`). */
  shipPackage(
    shopId: string,
    packageId: string,
    input: {
      handoverMethod?: HandoverMethod;
      pickupSlot?: PickupSlot;
      selfShipment?: TrackingInput;
    },
  ): PackageRecord {
    const pkg = this.owned(shopId, packageId);
    const record = this.deps.orders.require(pkg.orderId);
    if (pkg.status !== 'TO_FULFILL') {
      if (pkg.status === 'CANCELLED') throw Business.orderCancelled();
      throw Business.packageAlreadyShipped();
    }
    this.checkShippable(record, () => Business.packageAlreadyShipped());
    if (!this.isTikTokShipping(record)) {
      const selfShipment = input.selfShipment;
      if (!selfShipment) throw Business.fulfillInvalidParams();
      const { provider } = this.checkNumber(record, selfShipment, 'ship-package');
      this.checkDuplicate(record, selfShipment.trackingNumber, false);
      this.deps.orders.beforeShipment(record);
      this.ship(record, pkg, {
        trackingNumber: selfShipment.trackingNumber,
        provider,
        method: 'SHIP_PACKAGE',
        handoverMethod: input.handoverMethod,
      });
      return pkg;
    }
    // TikTok Shipping: TikTok's carrier and number; the seller's own tracking is not taken (a choice:
    // `self_shipment` is "only needed for merchant self-shipping packages"; 21011003 is in the table).
    if (input.selfShipment) throw Business.fulfillActionNotAllowed();
    const handover = this.resolveHandover(record, input.handoverMethod, input.pickupSlot);
    this.deps.orders.beforeShipment(record);
    this.shipWithTikTok(record, pkg, { handoverMethod: handover.method, pickupSlot: handover.slot });
    return pkg;
  }

  /** Get Package Handover Time Slots: what TikTok Shipping offers for the package now. */
  handoverOptions(
    shopId: string,
    packageId: string,
  ): { canPickup: boolean; canDropOff: boolean; canVanCollection?: boolean; pickupSlots: PickupSlot[] } {
    const pkg = this.owned(shopId, packageId);
    const record = this.deps.orders.require(pkg.orderId);
    if (record.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') throw Business.platformFulfilled();
    if (!this.isTikTokShipping(record)) throw Business.noShippingService();
    const shop = this.deps.state.requireShop(record.shopId);
    const option = this.optionOf(record);
    const canPickup = option?.canPickup !== false;
    return {
      canPickup,
      canDropOff: option?.canDropOff !== false,
      ...(shop.region === 'GB' ? { canVanCollection: false } : {}),
      pickupSlots: canPickup ? pickupSlots(this.now(), zoneOfRegion(shop.region)) : [],
    };
  }

  /**
   * The handover of a TikTok Shipping package: the method asked for (PICKUP when the carrier collects
   * and none is named, else DROP_OFF), refused with 21001001 when the delivery option does not offer it
   * (TikTok documents no own code for that: a choice); a pickup needs one of the offered slots (21011054
   * without one, 21011053 for another). In SEA the method named is ignored and the warehouse's
   * collection method (the option's: pickup when offered) applies, with the earliest slot when none is
   * named (inferred from TikTok's SEA changelog).
   */
  private resolveHandover(
    record: OrderRecord,
    asked: HandoverMethod | undefined,
    slot: PickupSlot | undefined,
    earliestByDefault = false,
  ): { method: HandoverMethod; slot?: PickupSlot } {
    const shop = this.deps.state.requireShop(record.shopId);
    const option = this.optionOf(record);
    const canPickup = option?.canPickup !== false;
    const canDropOff = option?.canDropOff !== false;
    const sea = HANDOVER_IGNORED_REGIONS.includes(shop.region);
    const method: HandoverMethod = sea || asked === undefined ? (canPickup ? 'PICKUP' : 'DROP_OFF') : asked;
    if ((method === 'PICKUP' && !canPickup) || (method === 'DROP_OFF' && !canDropOff))
      throw Business.fulfillInvalidParams();
    if (method === 'DROP_OFF') return { method };
    const offered = pickupSlots(this.now(), zoneOfRegion(shop.region));
    if (!slot) {
      if ((sea || earliestByDefault) && offered[0]) return { method, slot: offered[0] };
      throw Business.pickupSlotMissing();
    }
    if (!isOfferedSlot(slot, offered)) throw Business.pickupSlotOutside();
    return { method, slot: { startTime: slot.startTime, endTime: slot.endTime } };
  }

  /** Batch Ship Packages: each package as Ship Package would; refusals per package in `errors`. */
  batchShip(
    shopId: string,
    items: {
      id: string;
      handoverMethod?: HandoverMethod;
      pickupSlot?: PickupSlot;
      selfShipment?: TrackingInput;
    }[],
  ): { code: number; message: string; detail: { package_id: string } }[] {
    const errors: { code: number; message: string; detail: { package_id: string } }[] = [];
    for (const item of items) {
      try {
        this.shipPackage(shopId, item.id, item);
      } catch (caught) {
        if (!(caught instanceof TikTokApiError)) throw caught;
        errors.push({ code: caught.code, message: caught.message, detail: { package_id: item.id } });
      }
    }
    return errors;
  }

  /** Lines of a US label purchase: those named (21011029 unknown, 21011003 cancelled, 21022025 labelled), else every unshipped one. */
  private labelLines(record: OrderRecord, named: string[] | undefined): string[] {
    const open = this.unshippedLines(record);
    if (!named || named.length === 0) {
      if (open.length === 0) throw Business.ordersAlreadyShipped();
      return open.map((l) => l.id);
    }
    const ids = [...new Set(named)];
    for (const id of ids) {
      const line = record.order.line_items.find((l) => l.id === id);
      if (!line) throw Business.orderLineNotInOrder();
      if (line.display_status === 'CANCELLED') throw Business.fulfillActionNotAllowed();
      if (!open.includes(line)) {
        if (this.get(line.package_id ?? '')?.method === 'TIKTOK_SHIPPING')
          throw Business.labelAlreadyPurchased();
        throw Business.ordersAlreadyShipped();
      }
    }
    return ids;
  }

  /** The lines' weight from their products' package weight (a default for label services). */
  private linesWeight(record: OrderRecord, lineIds: string[]): PackageWeight {
    let pounds = 0;
    for (const line of record.order.line_items.filter((l) => lineIds.includes(l.id))) {
      const weight = this.deps.state.products.get(line.product_id)?.packageWeight;
      const value = Number(weight?.value ?? '0.5');
      pounds +=
        weight?.unit === 'KILOGRAM'
          ? value / 0.45359237
          : weight?.unit === 'GRAM'
            ? value / 453.59237
            : value;
    }
    return { value: pounds.toFixed(2), unit: 'POUND' };
  }

  /** US label purchase checks shared by Get Eligible Shipping Service and Create Packages. */
  private labelServices(
    record: OrderRecord,
    input: { orderLineItemIds?: string[]; weight?: PackageWeight },
  ): { lineIds: string[]; weight: PackageWeight; services: ShippingService[] } {
    const shop = this.deps.state.requireShop(record.shopId);
    if (!PACKAGE_AT_SHIPMENT_REGIONS.includes(shop.region)) throw Business.interfaceNotInRegion();
    this.checkShippable(record, () => Business.ordersAlreadyShipped());
    if (!this.isTikTokShipping(record)) throw Business.noEligibleService();
    const lineIds = this.labelLines(record, input.orderLineItemIds);
    const weight = input.weight ?? this.linesWeight(record, lineIds);
    const services = shippingServices(this.providersOf(this.optionOf(record)), weight, shop.currency);
    if (services.length === 0) throw Business.noEligibleService();
    return { lineIds, weight, services };
  }

  /** Get Eligible Shipping Service (`POST /fulfillment/202309/orders/{order_id}/shipping_services/query`, US). */
  eligibleServices(
    record: OrderRecord,
    input: { orderLineItemIds?: string[]; weight?: PackageWeight },
  ): { lineIds: string[]; weight: PackageWeight; services: ShippingService[] } {
    return this.labelServices(record, input);
  }

  /**
   * Create Packages (`POST /fulfillment/202309/packages`, US): buys TikTok's label for the lines (all
   * unshipped ones by default) with the service named (21004008 unknown) or the default one; the
   * package is made, shipped with the service's carrier and a number TikTok assigns (PROCESSING, the
   * order AWAITING_COLLECTION once every line is).
   */
  createPackages(
    record: OrderRecord,
    input: {
      orderLineItemIds?: string[];
      shippingServiceId?: string;
      weight?: PackageWeight;
      dimension?: PackageDimension;
    },
  ): { pkg: PackageRecord; service: ShippingService; weight: PackageWeight } {
    const { lineIds, weight, services } = this.labelServices(record, input);
    const service =
      input.shippingServiceId === undefined
        ? (services.find((s) => s.isDefault) ?? services[0])
        : services.find((s) => s.id === input.shippingServiceId);
    if (!service) throw Business.labelServiceNotFound();
    const provider = this.providersOf(this.optionOf(record)).find((p) => p.id === service.shippingProviderId);
    if (!provider) throw Business.labelServiceNotFound();
    this.deps.orders.beforeShipment(record);
    const pkg = this.packageFor(record, lineIds, 'ROLE_SELLER');
    pkg.shippingServiceId = service.id;
    pkg.weight = { ...weight };
    if (input.dimension) pkg.dimension = { ...input.dimension };
    this.shipWithTikTok(record, pkg, { provider });
    return { pkg, service, weight };
  }

  /** TikTok Shipping: the platform's carrier (the option's first unless chosen) and a number of its format. */
  private shipWithTikTok(
    record: OrderRecord,
    pkg: PackageRecord,
    opts: {
      trackingNumber?: string;
      handoverMethod?: string;
      pickupSlot?: PickupSlot;
      provider?: ShippingProvider;
    } = {},
  ): void {
    const provider = opts.provider ?? this.providersOf(this.optionOf(record))[0];
    if (!provider)
      throw new InvalidTransitionError(`Order ${record.order.id} has no delivery option provider`);
    const digits = (n: number) => this.deps.random.digits(n);
    if (opts.pickupSlot) pkg.pickupSlot = { ...opts.pickupSlot };
    this.ship(record, pkg, {
      trackingNumber: opts.trackingNumber ?? provider.sample?.(digits) ?? `TT${digits(12)}`,
      provider,
      method: 'TIKTOK_SHIPPING',
      handoverMethod: opts.handoverMethod,
    });
  }

  /** Admin: every open line ships in one package through TikTok Shipping. */
  shipAll(orderId: string, trackingNumber?: string): PackageRecord {
    const record = this.deps.orders.require(orderId);
    if (record.order.status !== 'AWAITING_SHIPMENT' && record.order.status !== 'PARTIALLY_SHIPPING') {
      throw new InvalidTransitionError(
        `Cannot ship order ${orderId} in status ${record.order.status} (allowed: AWAITING_SHIPMENT, PARTIALLY_SHIPPING)`,
      );
    }
    if (record.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK')
      return this.dispatchFbt(record, trackingNumber);
    const lineIds = this.unshippedLines(record).map((l) => l.id);
    this.deps.orders.beforeShipment(record);
    const pkg = this.packageFor(record, lineIds, 'ROLE_SYSTEM');
    this.shipWithTikTok(record, pkg, { trackingNumber, handoverMethod: 'PICKUP' });
    return pkg;
  }

  /** FBT: TikTok's warehouse ships the order `fbtDispatchMs` after it first reached AWAITING_SHIPMENT. */
  private scheduleFbtDispatch(record: OrderRecord, at: number): void {
    if (record.order.fulfillment_type !== 'FULFILLMENT_BY_TIKTOK' || this.deps.fbtDispatchMs <= 0) return;
    this.deps.scheduler.at(at * 1000 + this.deps.fbtDispatchMs, () => {
      const { status } = record.order;
      if (
        (status === 'AWAITING_SHIPMENT' || status === 'PARTIALLY_SHIPPING') &&
        this.unshippedLines(record).length > 0
      )
        this.dispatchFbt(record);
    });
  }

  /**
   * FBT: TikTok ships every open line of the order in one package from its fulfilment centre, with the
   * market's TikTok Shipping carrier (the FBT option lists no providers: Get Shipping Providers
   * answers 21008117) and a number TikTok assigns; PACKAGE_UPDATE (a split) is ROLE_SYSTEM's.
   */
  dispatchFbt(record: OrderRecord, trackingNumber?: string): PackageRecord {
    const lineIds = this.unshippedLines(record).map((l) => l.id);
    if (lineIds.length === 0)
      throw new InvalidTransitionError(`Order ${record.order.id} has no open line for TikTok to ship`);
    const platformOption = this.deps.state.deliveryOptions.find(
      (o) => o.shopId === record.shopId && o.type !== 'SEND_BY_SELLER' && !o.fulfilledByTikTok,
    );
    const region = this.deps.state.requireShop(record.shopId).region;
    const provider =
      this.providersOf(platformOption)[0] ??
      this.deps.state.shippingProviders.find((p) => p.region === region);
    if (!provider) throw new InvalidTransitionError(`Shop ${record.shopId} has no carrier for FBT orders`);
    const pkg = this.packageFor(record, lineIds, 'ROLE_SYSTEM');
    const digits = (n: number) => this.deps.random.digits(n);
    this.ship(record, pkg, {
      trackingNumber: trackingNumber ?? provider.sample?.(digits) ?? `TT${digits(12)}`,
      provider,
      method: 'FULFILLED_BY_TIKTOK',
    });
    return pkg;
  }

  /**
   * The seller ships in TikTok Seller Center (admin): as Mark Package As Shipped would for seller
   * shipping (tracking number and provider checked the same way), or arranging TikTok Shipping (US: the
   * default label; elsewhere the handover, pickup in the earliest slot unless one is named). Lines: the
   * named ones where TikTok allows in-shipping splits (US, EMEA, JP), else a whole package. The package
   * is marked `origin: SELLER_CENTER`; TikTok tells the connector as for any shipment: ORDER_STATUS_CHANGE
   * when the order's status moves, PACKAGE_UPDATE SPLIT when it splits a package (TikTok documents no
   * PACKAGE_UPDATE `sc_type` for a shipment), and the order's and package's `update_time`.
   */
  shipInSellerCenter(orderId: string, input: SellerCenterShipment): PackageRecord {
    const record = this.deps.orders.require(orderId);
    this.checkShippable(record, () => Business.ordersAlreadyShipped());
    const shop = this.deps.state.requireShop(record.shopId);
    const open = this.unshippedLines(record);
    let lineIds = open.map((l) => l.id);
    if (input.lineItemIds && input.lineItemIds.length > 0) {
      lineIds = [...new Set(input.lineItemIds)];
      for (const id of lineIds) {
        const line = record.order.line_items.find((l) => l.id === id);
        if (!line) throw Business.orderLineNotInOrder();
        if (line.display_status === 'CANCELLED') throw Business.fulfillActionNotAllowed();
        if (!open.includes(line)) throw Business.ordersAlreadyShipped();
      }
      if (!MARK_SHIPPED_REGIONS.includes(shop.region)) {
        const holder = this.get(open.find((l) => l.id === lineIds[0])?.package_id ?? '');
        if (
          !holder ||
          holder.lineItemIds.length !== lineIds.length ||
          !lineIds.every((id) => holder.lineItemIds.includes(id))
        )
          throw new InvalidTransitionError(
            `In ${shop.region} a package ships whole (no in-shipping split): ship every line of package ${holder?.packageId ?? '(none)'} or split the order first`,
          );
      }
    }
    if (lineIds.length === 0) throw Business.ordersAlreadyShipped();
    if (this.isTikTokShipping(record)) {
      if (input.trackingNumber !== undefined)
        throw new InvalidTransitionError(
          `Order ${orderId} ships with TikTok Shipping: TikTok assigns the tracking number, do not give one`,
        );
      const handover = PACKAGE_AT_SHIPMENT_REGIONS.includes(shop.region)
        ? undefined
        : this.resolveHandover(record, input.handoverMethod, input.pickupSlot, true);
      this.deps.orders.beforeShipment(record);
      const pkg = this.packageFor(record, lineIds, 'ROLE_SELLER');
      pkg.origin = 'SELLER_CENTER';
      this.shipWithTikTok(record, pkg, { handoverMethod: handover?.method, pickupSlot: handover?.slot });
      return pkg;
    }
    const providerId =
      input.shippingProviderId ??
      this.providersOf(this.optionOf(record)).find((p) => p.name === input.shippingProviderName)?.id;
    if (!input.trackingNumber || !providerId)
      throw new Error(
        `Seller Center shipment of order ${orderId} needs trackingNumber and shippingProviderId (or shippingProviderName, one of: ${this.providersOf(
          this.optionOf(record),
        )
          .map((p) => p.name)
          .join(', ')})`,
      );
    const tracking = { trackingNumber: input.trackingNumber, shippingProviderId: providerId };
    const { provider } = this.checkNumber(record, tracking, 'mark-shipped');
    this.checkDuplicate(record, tracking.trackingNumber, MARK_SHIPPED_REGIONS.includes(shop.region));
    this.deps.orders.beforeShipment(record);
    const pkg = this.packageFor(record, lineIds, 'ROLE_SELLER');
    pkg.origin = 'SELLER_CENTER';
    this.ship(record, pkg, { trackingNumber: tracking.trackingNumber, provider, method: 'MARK_AS_SHIPPED' });
    return pkg;
  }

  /**
   * Get Tracking: the carrier's events of the order's packages, newest first (shipped, collected,
   * delivered; the wording is the simulator's, TikTok's sample reads "Your package was delivered!").
   */
  trackingEvents(record: OrderRecord): TrackingEvent[] {
    const events: TrackingEvent[] = [];
    for (const pkg of this.packagesOf(record.order.id)) {
      if (pkg.shippedAt === undefined) continue;
      const carrier = `${pkg.shippingProviderName} ${pkg.trackingNumber}`;
      events.push({
        description:
          pkg.method === 'FULFILLED_BY_TIKTOK'
            ? `Shipped from the TikTok fulfillment center: ${carrier}`
            : pkg.method === 'TIKTOK_SHIPPING'
              ? `Shipping label created, awaiting carrier pickup: ${carrier}`
              : `Shipment information received: ${carrier}`,
        updateTimeMillis: pkg.shippedAt * 1000,
      });
      if (pkg.collectedAt !== undefined)
        events.push({
          description: `Picked up by ${pkg.shippingProviderName}, in transit`,
          updateTimeMillis: pkg.collectedAt * 1000,
        });
      if (pkg.deliveredAt !== undefined)
        events.push({ description: 'Your package was delivered!', updateTimeMillis: pkg.deliveredAt * 1000 });
    }
    // Newest first; events of the same second keep their order of occurrence (later first).
    return events
      .map((event, index) => ({ event, index }))
      .sort((x, y) => y.event.updateTimeMillis - x.event.updateTimeMillis || y.index - x.index)
      .map(({ event }) => event);
  }

  /**
   * Update Shipping Info (`target.order`) or Update Package Shipping Info (`target.pkg`): see the
   * module comment for the rules and codes.
   */
  updateShippingInfo(
    target: { record: OrderRecord } | { pkg: PackageRecord },
    input: TrackingInput,
  ): PackageRecord {
    let pkg: PackageRecord;
    let record: OrderRecord;
    if ('record' in target) {
      record = target.record;
      if (record.order.status === 'CANCELLED') throw Business.orderCancelled();
      const packages = this.packagesOf(record.order.id).filter((p) => p.status !== 'CANCELLED');
      const shipped = packages.filter(isShipped);
      if (shipped.length === 0) throw Business.packageNotShipped();
      if (packages.length > 1 || record.order.status === 'PARTIALLY_SHIPPING')
        throw Business.shippingInfoStatusNotAllowed();
      pkg = shipped[0] as PackageRecord;
    } else {
      pkg = target.pkg;
      record = this.deps.orders.require(pkg.orderId);
      if (record.order.status === 'CANCELLED' || pkg.status === 'CANCELLED')
        throw Business.packageOrderCancelled();
      if (!isShipped(pkg)) throw Business.packageNotShipped();
    }
    if (pkg.method !== 'MARK_AS_SHIPPED' && pkg.method !== 'SHIP_PACKAGE') throw Business.notSellerShipped();
    if (pkg.status === 'COMPLETED') throw Business.packageDelivered();
    if (pkg.trackingNumber === input.trackingNumber && pkg.shippingProviderId === input.shippingProviderId)
      return pkg;
    const shop: Shop = this.deps.state.requireShop(record.shopId);
    const now = this.now();
    if (
      UPDATE_WINDOW_REGIONS.includes(shop.region) &&
      (now - (pkg.shippedAt ?? now)) * 1000 > this.deps.updateWindowMs
    ) {
      throw Business.shippingInfoWindowClosed();
    }
    if (this.packagesOf(record.order.id).some((p) => p.shippingInfoUpdates.length > 0))
      throw Business.shippingInfoUpdatedOnce();
    const { provider } = this.checkNumber(record, input, 'update');
    this.checkDuplicate(
      record,
      input.trackingNumber,
      MARK_SHIPPED_REGIONS.includes(shop.region),
      pkg.packageId,
    );
    pkg.shippingInfoUpdates.push({
      at: now,
      previousTrackingNumber: pkg.trackingNumber,
      previousShippingProviderId: pkg.shippingProviderId,
      trackingNumber: input.trackingNumber,
      shippingProviderId: provider.id,
    });
    pkg.trackingNumber = input.trackingNumber;
    pkg.shippingProviderId = provider.id;
    pkg.shippingProviderName = provider.name;
    pkg.updateTime = Math.max(pkg.updateTime, now);
    this.deps.orders.refreshShipping(record, now);
    return pkg;
  }

  /** The carrier collected the package: PROCESSING → FULFILLING. */
  collect(packageId: string): PackageRecord {
    return this.advance(packageId, 'PROCESSING', 'FULFILLING');
  }

  /** The carrier delivered the package: FULFILLING → COMPLETED. */
  deliver(packageId: string): PackageRecord {
    return this.advance(packageId, 'FULFILLING', 'COMPLETED');
  }

  /** Every package of the order in `from` moves on (admin order actions in-transit / deliver). */
  advanceOrder(orderId: string, from: 'PROCESSING' | 'FULFILLING'): OrderRecord {
    const record = this.deps.orders.require(orderId);
    const due = this.packagesOf(orderId).filter((p) => p.status === from);
    if (due.length === 0 || record.order.status === 'CANCELLED') {
      throw new InvalidTransitionError(
        `Order ${orderId} (status ${record.order.status}) has no ${from} package to ${from === 'PROCESSING' ? 'move to IN_TRANSIT' : 'deliver'}`,
      );
    }
    for (const pkg of due)
      this.advance(pkg.packageId, from, from === 'PROCESSING' ? 'FULFILLING' : 'COMPLETED');
    return record;
  }

  private advance(
    packageId: string,
    from: PackageRecord['status'],
    to: PackageRecord['status'],
  ): PackageRecord {
    const pkg = this.get(packageId);
    if (!pkg) throw new InvalidTransitionError(`Unknown package ${packageId}`);
    if (pkg.status !== from)
      throw new InvalidTransitionError(`Package ${packageId} is ${pkg.status}, not ${from}`);
    const record = this.deps.orders.require(pkg.orderId);
    const now = this.now();
    pkg.status = to;
    pkg.updateTime = Math.max(pkg.updateTime, now);
    if (to === 'FULFILLING') pkg.collectedAt = now;
    if (to === 'COMPLETED') pkg.deliveredAt = now;
    this.deps.orders.refreshShipping(record, now);
    return pkg;
  }

  /**
   * Lines were cancelled: a package left with no open line is CANCELLED; an unshipped package that
   * keeps some lines loses the cancelled ones to a cancelled package (PACKAGE_UPDATE PARTLY_CANCEL_SPLIT).
   */
  private linesCancelled(record: OrderRecord, lineIds: string[], role: CancellationRole): void {
    const now = this.now();
    for (const pkg of this.packagesOf(record.order.id)) {
      if (pkg.status === 'CANCELLED') continue;
      const cancelled = pkg.lineItemIds.filter((id) => lineIds.includes(id));
      if (cancelled.length === 0) continue;
      const openLeft = pkg.lineItemIds.filter(
        (id) => record.order.line_items.find((l) => l.id === id)?.display_status !== 'CANCELLED',
      );
      if (openLeft.length === 0) {
        pkg.status = 'CANCELLED';
        pkg.updateTime = Math.max(pkg.updateTime, now);
      } else if (pkg.status === 'TO_FULFILL') {
        const part = this.split(record, pkg, cancelled);
        part.status = 'CANCELLED';
        this.emitUpdate(record.shopId, 'PARTLY_CANCEL_SPLIT', ROLE_TYPE[role], [pkg, part]);
      }
    }
  }
}

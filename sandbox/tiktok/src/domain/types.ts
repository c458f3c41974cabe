/**
 * The simulator's domain types: shops, sellers, warehouses, products, SKUs, orders, packages,
 * cancellations and returns.
 */
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';

export type SellerType = 'LOCAL' | 'CROSS_BORDER';

export interface Shop {
  id: string;
  name: string;
  region: string;
  sellerType: SellerType;
  cipher: string;
  code: string;
  currency: string;
  sellerId: string;
  /**
   * Paid orders pass through ON_HOLD (the 1-hour buyer remorse window) before AWAITING_SHIPMENT.
   * TikTok's ON_HOLD changelog: US and UK shops; "for certain shops' orders" the flow stays UNPAID →
   * AWAITING_SHIPMENT (`is_on_hold_order` false, the remorse hour still applies).
   */
  onHold: boolean;
  /**
   * Seller Center's cancellation auto-approval window (US: 0, 1, 3 or 5 hours after AWAITING_SHIPMENT):
   * buyer requests within it are approved at once.
   */
  cancelAutoApproveHours: number;
  /**
   * Seller Center handling time in business days (US: 1–2 for the shop, 3–7 custom): the dispatch
   * deadline of its orders (domain/ship-by.ts).
   */
  handlingDays: number;
}

export interface Seller {
  id: string;
  openId: string;
  name: string;
  baseRegion: string;
  userType: 0 | 1 | 3;
}

export interface WarehouseAddress {
  region: string;
  state: string;
  city: string;
  distict: string;
  town: string;
  contact_person: string;
  postal_code: string;
  full_address: string;
  region_code: string;
  phone_number: string;
  address_line1: string;
  address_line2: string;
  address_line3: string;
  address_line4: string;
}

export interface Warehouse {
  id: string;
  entityId: string;
  shopId: string;
  name: string;
  effectStatus: 'ENABLED' | 'DISABLED' | 'RESTRICTED';
  type: 'SALES_WAREHOUSE' | 'RETURN_WAREHOUSE';
  subType: 'DOMESTIC_WAREHOUSE' | 'CB_OVERSEA_WAREHOUSE';
  isDefault: boolean;
  address: WarehouseAddress;
}

export interface SalesAttribute {
  id: string;
  name: string;
  value_id: string;
  value_name: string;
}

/** A SKU inside a virtual bundle (TikTok's `combined_listing_skus`). */
export interface BundleComponent {
  skuId: string;
  productId: string;
  sellerSku: string;
  count: number;
}

export interface Sku {
  id: string;
  productId: string;
  sellerSku: string;
  name: string;
  priceMinor: number;
  currency: string;
  /** warehouse id → in-stock quantity (a virtual bundle's own map is unused: it shares its components' stock) */
  inventory: Record<string, number>;
  salesAttributes: SalesAttribute[];
  /** Set on a virtual bundle SKU: the SKUs it is made of and how many of each. */
  components?: BundleComponent[];
}

export type ProductStatus =
  | 'DRAFT'
  | 'PENDING'
  | 'FAILED'
  | 'ACTIVATE'
  | 'SELLER_DEACTIVATED'
  | 'PLATFORM_DEACTIVATED'
  | 'FREEZE'
  | 'DELETED';

export interface Product {
  id: string;
  shopId: string;
  title: string;
  description: string;
  categoryId: string;
  status: ProductStatus;
  auditStatus: 'AUDITING' | 'APPROVED' | 'FAILED' | 'NONE';
  mainImages: { uri: string }[];
  packageWeight: { value: string; unit: string };
  skus: Sku[];
  createTime: number;
  updateTime: number;
  /** Set by Create/Edit Product (issue #20); absent on seeded products. */
  brandId?: string;
  productAttributes?: { id: string; values: { id?: string; name?: string }[] }[];
  packageDimensions?: { length: string; width: string; height: string; unit: string };
  certifications?: { id: string; images: { uri: string }[] }[];
  /** TikTok's reasons of the last FAILED audit (Get Product `audit_failed_reasons`). */
  auditFailedReasons?: { position: string; reasons: string[]; suggestions: string[] }[];
  /** Create and every Edit/Partial Edit start a new audit round; a stale round's result is dropped. */
  auditRound?: number;
}

export interface DeliveryOption {
  id: string;
  /** Delivery options are the shop's logistics templates (TikTok's Get Warehouse List). */
  shopId: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS' | 'ECONOMY' | 'SEND_BY_SELLER';
  /** Providers Get Shipping Providers returns for this option. */
  providerIds: string[];
  /** The option of orders fulfilled by TikTok: Get Shipping Providers answers 21008117. */
  fulfilledByTikTok?: boolean;
  /**
   * TikTok Shipping options: whether the carrier collects at the seller's address (Get Package Handover
   * Time Slots `can_pickup`) and whether the seller may drop packages off (`can_drop_off`).
   */
  canPickup?: boolean;
  canDropOff?: boolean;
}

export interface ShippingProvider {
  id: string;
  name: string;
  region: string;
  /** The carrier's tracking number format (domain/carriers.ts); absent: any number is accepted. */
  pattern?: RegExp;
  sample?: (digits: (n: number) => string) => string;
}

/** The order as the API returns it, plus fields TikTok sends that the connector's type omits. */
export type ApiOrder = TikTokOrder & {
  delivery_type?: string;
  cancel_time?: number;
  request_cancel_time?: number;
  collection_time?: number;
  delivery_time?: number;
  has_updated_recipient_address?: boolean;
  /** Ship-by deadlines (domain/ship-by.ts), Unix s. */
  rts_sla_time?: number;
  tts_sla_time?: number;
  shipping_due_time?: number;
  collection_due_time?: number;
  cancel_order_sla_time?: number;
  delivery_sla_time?: number;
};

export interface OrderRecord {
  shopId: string;
  order: ApiOrder;
  /** When the order reached AWAITING_SHIPMENT (Unix s; the start of the auto-approval window). */
  awaitingShipmentAt?: number;
}

/**
 * Package status: TO_FULFILL (not shipped yet, the line value) → PROCESSING (shipment arranged,
 * waiting for the carrier) → FULFILLING (collected, in transit) → COMPLETED (delivered); CANCELLED
 * (Get Package Detail / Search Package values, TikTok's fulfillment API).
 */
export type PackageStatus = 'TO_FULFILL' | 'PROCESSING' | 'FULFILLING' | 'COMPLETED' | 'CANCELLED';

/** A correction made through Update (Package) Shipping Info. */
export interface ShippingInfoUpdate {
  at: number;
  previousTrackingNumber: string;
  previousShippingProviderId: string;
  trackingNumber: string;
  shippingProviderId: string;
}

/** A package of one order (domain/packages.ts owns them). */
export interface PackageRecord {
  packageId: string;
  shopId: string;
  orderId: string;
  lineItemIds: string[];
  status: PackageStatus;
  /** DEFAULT, or SPLIT once the order's package was split (Get Package Detail `split_and_combine_tag`). */
  splitTag: 'DEFAULT' | 'SPLIT';
  trackingNumber: string;
  shippingProviderId: string;
  shippingProviderName: string;
  /** How it was shipped (absent while TO_FULFILL). */
  method?: 'MARK_AS_SHIPPED' | 'SHIP_PACKAGE' | 'TIKTOK_SHIPPING' | 'FULFILLED_BY_TIKTOK';
  /** Shipped by the seller in TikTok Seller Center, not through the API (admin). */
  origin?: 'SELLER_CENTER';
  handoverMethod?: string;
  /** The pickup slot booked with TikTok Shipping (Get Package Detail `pickup_slot`). */
  pickupSlot?: { startTime: number; endTime: number };
  /** US label purchase (Create Packages): the service bought and the package's declared size. */
  shippingServiceId?: string;
  weight?: { value: string; unit: string };
  dimension?: { length: string; width: string; height: string; unit: string };
  createTime: number;
  updateTime: number;
  shippedAt?: number;
  collectedAt?: number;
  deliveredAt?: number;
  shippingInfoUpdates: ShippingInfoUpdate[];
}

export interface RefundAmount {
  currency: string;
  refund_total: string;
  refund_subtotal: string;
  refund_shipping_fee: string;
  refund_tax: string;
  retail_delivery_fee?: string;
  buyer_service_fee?: string;
}

export type CancellationRole = 'SELLER' | 'BUYER' | 'SYSTEM';

/** Cancellation status as Search Cancellations and webhook type 11 spell it (`…_CANCELLED`: closed). */
export type CancellationStatus =
  | 'CANCELLATION_REQUEST_PENDING'
  | 'CANCELLATION_REQUEST_SUCCESS'
  | 'CANCELLATION_REQUEST_CANCELLED'
  | 'CANCELLATION_REQUEST_COMPLETE';

export interface Cancellation {
  cancelId: string;
  shopId: string;
  orderId: string;
  /** CANCEL: direct (seller, system, or buyer before AWAITING_SHIPMENT); BUYER_CANCEL: a request to review. */
  cancelType: 'CANCEL' | 'BUYER_CANCEL';
  cancelStatus: CancellationStatus;
  /** Who initiated it. */
  role: CancellationRole;
  cancelReason: string;
  cancelReasonText: string;
  lineItemIds: string[];
  refund: RefundAmount;
  createTime: number;
  updateTime: number;
  /** A pending request: when TikTok answers it for the seller (Unix s; `seller_next_action_response`). */
  deadline?: number;
  /** How a request ended: approved by the seller, by TikTok at the deadline or at once, rejected, shipped, withdrawn. */
  outcome?:
    'SELLER_APPROVED' | 'AUTO_APPROVED' | 'SELLER_REJECTED' | 'REJECTED_BY_SHIPMENT' | 'BUYER_WITHDREW';
  rejectReason?: string;
  rejectComment?: string;
}

export type ReturnType = 'REFUND' | 'RETURN_AND_REFUND' | 'REPLACEMENT';

/** Return status as Search Returns and webhook type 12 spell it (domain/returns.ts moves them). */
export type ReturnStatus =
  | 'RETURN_OR_REFUND_REQUEST_PENDING'
  | 'REFUND_OR_RETURN_REQUEST_REJECT'
  | 'AWAITING_BUYER_SHIP'
  | 'BUYER_SHIPPED_ITEM'
  | 'REJECT_RECEIVE_PACKAGE'
  | 'RETURN_OR_REFUND_REQUEST_SUCCESS'
  | 'RETURN_OR_REFUND_REQUEST_CANCEL'
  | 'RETURN_OR_REFUND_REQUEST_COMPLETE'
  | 'AWAITING_BUYER_RESPONSE'
  | 'REPLACEMENT_REQUEST_PENDING'
  | 'REPLACEMENT_REQUEST_REJECT'
  | 'REPLACEMENT_REQUEST_REFUND_SUCCESS'
  | 'REPLACEMENT_REQUEST_CANCEL'
  | 'REPLACEMENT_REQUEST_COMPLETE';

export type ArbitrationStatus = 'IN_PROGRESS' | 'SUPPORT_BUYER' | 'SUPPORT_SELLER' | 'CLOSED';

/** Search Returns `seller_next_action_response[].action`. */
export type SellerReturnAction =
  | 'SELLER_RESPOND_REFUND'
  | 'SELLER_RESPOND_RETURN'
  | 'SELLER_RESPOND_RECEIVE_PACKAGE'
  | 'SELLER_RESPOND_REPLACEMENT';

/** Search Returns `discount_amount[]`: the discounts the refund gives back, by who funded them. */
export interface ReturnDiscountAmount {
  currency: string;
  product_seller_discount: string;
  product_platform_discount: string;
  shipping_fee_seller_discount: string;
  shipping_fee_platform_discount: string;
}

/** Search Returns `shipping_fee_amount[]`: who paid the return label. */
export interface ReturnShippingFeeAmount {
  currency: string;
  seller_paid_return_shipping_fee: string;
  platform_paid_return_shipping_fee: string;
  buyer_paid_return_shipping_fee: string;
}

/** One entry of Get Return Records. */
export interface ReturnEvent {
  role: 'BUYER' | 'SELLER' | 'OPERATOR' | 'SYSTEM';
  description: string;
  reasonText: string;
  note: string;
  createTime: number;
}

export interface ReturnRecord {
  returnId: string;
  shopId: string;
  orderId: string;
  returnType: ReturnType;
  returnStatus: ReturnStatus;
  /** Who initiated it (Search Returns `role`, webhook `return_role`). */
  role: CancellationRole;
  returnReason: string;
  returnReasonText: string;
  lineItemIds: string[];
  /** What the buyer gets back (Search Returns `refund_amount`), and per line. */
  refund: RefundAmount;
  lineRefunds: Record<string, RefundAmount>;
  discount: ReturnDiscountAmount;
  returnShippingFee: ReturnShippingFeeAmount;
  /** A refund of the order's shipping fee only (no line; see domain/returns.ts). */
  shippingOnly: boolean;
  createTime: number;
  updateTime: number;
  /** The seller's next action (`seller_next_action_response`); `deadline` absent until it is known. */
  nextAction?: { action: SellerReturnAction; deadline?: number };
  arbitrationStatus?: ArbitrationStatus;
  /** RETURN_AND_REFUND: how the goods come back (`return_method`, `shipment_type`, `handover_method`). */
  returnMethod?: 'PLATFORM_SHIPPED' | 'BUYER_SHIPPED';
  handoverMethod?: 'DROP_OFF' | 'PICKUP';
  returnTrackingNumber?: string;
  returnProviderId?: string;
  returnProviderName?: string;
  /** The carrier delivered the returned parcel to the seller (the receive deadline runs from here). */
  parcelDeliveredAt?: number;
  canBuyerKeepItem: boolean;
  /** Refunds less than its lines' full amounts (a partial refund accepted, or a seller's Create Return `refund_total`). */
  partialAmount: boolean;
  /** OFFER_PARTIAL_REFUND: the seller's offer and the buyer's answer. */
  sellerProposedReturnType?: 'PARTIAL_REFUND';
  partialRefund?: { currency: string; amount: string };
  buyerRejectedPartialRefund?: boolean;
  rejectReason?: string;
  rejectComment?: string;
  /** REPLACEMENT_REQUEST_COMPLETE: the new order TikTok made (`is_replacement_order`). */
  replacementOrderId?: string;
  records: ReturnEvent[];
}

export interface AuthCode {
  code: string;
  sellerId: string;
  /** epoch ms */
  expiresAt: number;
  used: boolean;
}

export interface Authorization {
  id: string;
  sellerId: string;
  shopIds: string[];
  grantedScopes: string[];
  revoked: boolean;
  /** When the seller's grant ends (Unix s): the refresh tokens of this authorization expire then. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  authorizationId: string;
  /** Unix seconds */
  expiresAt: number;
  revoked: boolean;
}

export interface WebhookSubscription {
  shopId: string;
  eventType: string;
  address: string;
  createTime: number;
  updateTime: number;
}

/** An order in another system linked to a TikTok order (External Order References, 202406). */
export interface ExternalOrderRef {
  id: string;
  platform: string;
  lineItems: { id: string; originId: string }[];
  createTime: number;
  updateTime: number;
}

/**
 * The connector error codes: every error the connector RESTlet (and the shop record's user event)
 * throws on purpose, what it means, what was written before it was thrown, and what the bridge does
 * with it. One list for both sides: the SuiteApp throws only these codes
 * (`suiteapp/ts/lib/platform/errors.ts` `connectorError`), and the bridge reacts to each one as the
 * list says (`bridge/src/netsuite/connector-reactions.ts`).
 *
 * NetSuite answers an uncaught `error.create({ name, message })` of a RESTlet with HTTP 400 and
 * `{"error":{"code":"<name>","message":"<the SuiteScriptError serialized as JSON text>"}}` (Oracle
 * help, "SuiteScript 2.x RESTlet Error Handling", section_4634920277); the bridge reads that form and
 * the plain `{"error":{"code","message"}}` one (`bridge/src/netsuite/restlet-error.ts`).
 */

/** What the bridge does when a RESTlet call fails with a connector error code. */
export type BridgeReaction =
  /** Halve the batch and send each half again (orders already stored come back "unchanged"). */
  | 'split_batch'
  /** Send the shop (`shop.upsert` with what the bridge knows about it), then the same call again. */
  | 'send_shop_then_retry'
  /** Send the batch again one order at a time; the order refused alone is dead-lettered, naming the field. */
  | 'isolate_then_dead_letter'
  /** Dead-letter the job at once with the message: a person (or a newer SuiteApp) has to act. */
  | 'dead_letter';

/** Each reaction in words, for error messages, the README and docs/contracts.md. */
export const BRIDGE_REACTIONS: Readonly<Record<BridgeReaction, string>> = {
  split_batch:
    'the batch is halved and each half sent again (orders already stored come back "unchanged"); a single order that still does not fit is retried later with backoff.',
  send_shop_then_retry:
    'the bridge sends the shop (shop.upsert with the name, region, seller type, state and currency it knows), then the same call once more; if that fails too, the job is retried later.',
  isolate_then_dead_letter:
    'the batch is sent again one order at a time, so the valid orders are stored; the order refused alone is dead-lettered with the field and the fix.',
  dead_letter: 'the job is dead-lettered at once with the message; fix what it names, then requeue it.',
};

export interface ConnectorErrorSpec {
  /** What the code means. */
  meaning: string;
  /** What the call wrote before it failed. */
  written: string;
  bridge: BridgeReaction;
  /** True when a job that still fails after the bridge's reaction is retried later with backoff. */
  retryLater: boolean;
}

export const CONNECTOR_ERRORS = {
  TTS_INVALID_REQUEST: {
    meaning:
      'The request breaks the RESTlet contract (docs/contracts.md); the message names each field (orders[2].payment.currency ...) and the fix.',
    written: 'nothing: the whole request is validated before any record is touched',
    bridge: 'isolate_then_dead_letter',
    retryLater: false,
  },
  TTS_SHOP_NOT_FOUND: {
    meaning:
      'No TikTok Shop record (externalid tts_shop_<shopId>) for the shopId: the shop was never sent to this account, or its record was deleted.',
    written: 'nothing',
    bridge: 'send_shop_then_retry',
    retryLater: true,
  },
  TTS_UNKNOWN_ACTION: {
    meaning:
      'The action is not one this SuiteApp version knows: the bridge is newer than the SuiteApp deployed in NetSuite.',
    written: 'nothing',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_USAGE_LIMIT: {
    meaning:
      'The call ran low on its 5,000-unit RESTlet budget; the message names the first order not stored.',
    written: 'the orders before the one named; none after it',
    bridge: 'split_batch',
    retryLater: true,
  },
  TTS_INVALID_PAYMENT_METHOD_MAP: {
    meaning:
      "The shop record's Payment Method Map is not a JSON object of TikTok payment method name → active NetSuite payment method id; the shop record cannot be saved until an admin fixes it.",
    written: 'nothing: the shop record save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_CARRIER_MAP: {
    meaning:
      "The shop record's Carrier Map is not a JSON object of NetSuite shipping method or package carrier → TikTok shipping provider id (shared-types/src/fulfillments/carrier-map.ts); the shop record cannot be saved until an admin fixes it.",
    written: 'nothing: the shop record save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_LABEL_SETTINGS: {
    meaning:
      "The shop record's TikTok Shipping label settings (Get TikTok Shipping Labels, Handover Method, Pickup From Hour, Label Size) hold a value the connector cannot use (shared-types/src/fulfillments/label-request.ts); the message names each field and the values allowed.",
    written: 'nothing: the shop record save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_NOTIFY_RECIPIENTS: {
    meaning:
      "The shop record's Notification Recipients (the daily summary email) holds something that is neither an employee internal id nor an email address, or more than 10 recipients (shared-types/src/doctor/daily-summary.ts); the message names each and the fix.",
    written: 'nothing: the shop record save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_CATALOG_SWITCH_UNCONFIRMED: {
    meaning:
      "The shop record's save changes the catalog source (Process product catalog, NetSuite or TikTok side) while NetSuite items are linked to TikTok products, without Confirm catalog source change ticked (shared-types/src/catalog/catalog-settings.ts); the message says what the switch will do.",
    written: 'nothing: the shop record save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_CATEGORY_MAP: {
    meaning:
      "A TikTok Category Map row's TikTok Category ID is not a TikTok category id or its Product Attributes are not a JSON object of TikTok attribute id → value(s) (shared-types/src/catalog/push-plan.ts parseAttributeMap); thrown by the Category Map's user event, never by the RESTlet.",
    written: 'nothing: the Category Map row save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_CANCEL_REASON: {
    meaning:
      "A sales order's TikTok Cancel Reason is not one TikTok accepts for the shop's market and the order's TikTok status (shared-types/src/cancellations/cancel-reason-choice.ts); the message lists the reasons that fit. Thrown by the sales order user event, never by the RESTlet.",
    written: 'nothing: the sales order save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_CANCEL_ANSWER: {
    meaning:
      "A sales order's answer to a buyer's cancellation request is one TikTok would refuse (shared-types/src/cancellations/buyer-cancel-request.ts): no request pending, its deadline passed, an answer was already given, or a reject without one of the market's reject reasons (listed in the message). Thrown by the sales order user event, never by the RESTlet.",
    written: 'nothing: the sales order save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
  TTS_INVALID_RETURN_ANSWER: {
    meaning:
      "A return authorization's answer to a TikTok return request is one TikTok would refuse (shared-types/src/returns/return-answer.ts): no request pending, its response deadline passed, a reject reason not of the shop's market (the reasons that fit are listed in the message), a reject already recorded, approve and reject at once, or a reject while Answer TikTok returns from NetSuite is off. Thrown by the return authorization user event, never by the RESTlet.",
    written: 'nothing: the return authorization save is refused',
    bridge: 'dead_letter',
    retryLater: false,
  },
} as const satisfies Record<string, ConnectorErrorSpec>;

export type ConnectorErrorCode = keyof typeof CONNECTOR_ERRORS;

export const CONNECTOR_ERROR_CODES: readonly ConnectorErrorCode[] = Object.keys(
  CONNECTOR_ERRORS,
) as ConnectorErrorCode[];

export function isConnectorErrorCode(code: string): code is ConnectorErrorCode {
  return Object.prototype.hasOwnProperty.call(CONNECTOR_ERRORS, code);
}

/** The spec of a code, or null when it is not a connector code (a NetSuite code such as SSS_...). */
export function connectorErrorSpec(code: string): ConnectorErrorSpec | null {
  return isConnectorErrorCode(code) ? CONNECTOR_ERRORS[code] : null;
}

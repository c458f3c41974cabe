/**
 * TikTok return status → the return authorization's status and what the connector does in NetSuite
 * (README "Returns": the same table in words). One row per TikTok status (tiktok-return.ts), so a
 * status TikTok adds fails the type check here rather than being guessed at run time.
 *
 * The RMA's statuses (NetSuite letters, records.json returnauthorization `orderstatus` help):
 * A Pending Approval, B Pending Receipt (approved), then NetSuite moves it itself from item receipts
 * (D Partially Received, E Pending Refund/Partially Received, F Pending Refund) and refunds (G); H
 * Closed when every line of an approved RMA is closed. The connector only ever sets A (on create), B
 * (approve) or closes the lines; it never moves an RMA back (B → A) and never reopens a closed one (a
 * TikTok status that would need it is reported instead). A rejected or cancelled return ends Closed:
 * NetSuite closes lines only on an approved RMA (Close is offered from Pending Receipt on, like Close
 * Order on a sales order; Cancel, status C, is a user-interface button and `orderstatus` takes only A
 * or B), so a pending RMA is approved and every line closed in the same save.
 *
 * Item receipts: the connector never creates one. The warehouse receives the goods in NetSuite
 * (Receive on the RMA, an item receipt transformed from it) when the parcel is really there, because
 * only it knows what came back and in what state. When TikTok says the package was received (or the
 * return completed) and NetSuite has no receipt yet, the return's record says so.
 */
import type { TikTokReturnStatus } from './tiktok-return';

/** What the connector wants the RMA to be for a TikTok status. */
export type RmaTarget = 'pendingApproval' | 'approved' | 'closed';

export interface ReturnStatusRow {
  /** The words for the status (README table). */
  readonly meaning: string;
  readonly target: RmaTarget;
  /** What the connector does in NetSuite, in the README's words. */
  readonly action: string;
  /** True when TikTok says the goods are back with the seller: NetSuite should have an item receipt. */
  readonly goodsReceived: boolean;
}

export const RETURN_STATUS_TABLE: Readonly<Record<TikTokReturnStatus, ReturnStatusRow>> = {
  RETURN_OR_REFUND_REQUEST_PENDING: {
    meaning: 'request pending (the seller must answer by the deadline)',
    target: 'pendingApproval',
    action: 'RMA created from the sales order, Pending Approval; the response deadline is shown on it',
    goodsReceived: false,
  },
  AWAITING_BUYER_RESPONSE: {
    meaning: 'waiting for the buyer (e.g. an offer made to them)',
    target: 'pendingApproval',
    action: 'RMA stays Pending Approval',
    goodsReceived: false,
  },
  REFUND_OR_RETURN_REQUEST_REJECT: {
    meaning: 'rejected by the seller',
    target: 'closed',
    action: 'RMA lines closed (status Closed)',
    goodsReceived: false,
  },
  AWAITING_BUYER_SHIP: {
    meaning: 'approved, awaiting the buyer’s shipment',
    target: 'approved',
    action: 'RMA approved: Pending Receipt',
    goodsReceived: false,
  },
  BUYER_SHIPPED_ITEM: {
    meaning: 'buyer shipped, with the return tracking number',
    target: 'approved',
    action: 'RMA Pending Receipt; the return tracking number is written to Return Tracking Numbers',
    goodsReceived: false,
  },
  REJECT_RECEIVE_PACKAGE: {
    meaning: 'the seller refused the parcel received',
    target: 'approved',
    action: 'RMA unchanged (Pending Receipt); the refusal is shown on the return record',
    goodsReceived: false,
  },
  RETURN_OR_REFUND_REQUEST_SUCCESS: {
    meaning: 'package received, refund released',
    target: 'approved',
    action:
      'RMA approved if it was not; the item receipt is the warehouse’s (NetSuite moves the RMA to Pending Refund); a missing receipt is shown on the return record',
    goodsReceived: true,
  },
  RETURN_OR_REFUND_REQUEST_COMPLETE: {
    meaning: 'completed (refunded)',
    target: 'approved',
    action: 'as package received; the refund document is the refunds flow’s (Push eCom order refunds)',
    goodsReceived: true,
  },
  RETURN_OR_REFUND_REQUEST_CANCEL: {
    meaning: 'cancelled by the buyer',
    target: 'closed',
    action: 'RMA lines closed (status Closed)',
    goodsReceived: false,
  },
  REPLACEMENT_REQUEST_PENDING: {
    meaning: 'replacement request pending',
    target: 'pendingApproval',
    action: 'RMA created from the sales order, Pending Approval',
    goodsReceived: false,
  },
  REPLACEMENT_REQUEST_REJECT: {
    meaning: 'replacement rejected',
    target: 'closed',
    action: 'RMA lines closed (status Closed)',
    goodsReceived: false,
  },
  REPLACEMENT_REQUEST_REFUND_SUCCESS: {
    meaning: 'replacement turned into a refund',
    target: 'approved',
    action: 'RMA approved: Pending Receipt',
    goodsReceived: false,
  },
  REPLACEMENT_REQUEST_CANCEL: {
    meaning: 'replacement cancelled',
    target: 'closed',
    action: 'RMA lines closed (status Closed)',
    goodsReceived: false,
  },
  REPLACEMENT_REQUEST_COMPLETE: {
    meaning: 'replacement completed (TikTok issued the replacement order)',
    target: 'approved',
    action:
      'RMA approved; linked to the replacement order’s sales order (which the order import creates like any order — never a second one)',
    goodsReceived: false,
  },
};

/** The RMA as the connector reads it back (null when there is none yet). */
export interface RmaState {
  /** `orderstatus`: 'A' Pending Approval or 'B' approved. */
  orderStatus: 'A' | 'B';
  /** Every line closed (status H). */
  closed: boolean;
  /** Units received on the RMA so far (item receipts). */
  receivedUnits: number;
}

export interface RmaStatusChange {
  /** Set `orderstatus` to B. */
  approve: boolean;
  /** Close every line. */
  close: boolean;
  /** What the admin should know (null: nothing): shown on the return record and the exceptions view. */
  attention: string | null;
}

/** The status an RMA is created with for a TikTok status, and whether its lines are closed at once. */
export function createStatus(status: TikTokReturnStatus): { orderStatus: 'A' | 'B'; close: boolean } {
  const target = RETURN_STATUS_TABLE[status].target;
  return { orderStatus: target === 'pendingApproval' ? 'A' : 'B', close: target === 'closed' };
}

/**
 * What changes on an existing RMA for TikTok's current status: approve once, close once, never
 * back. `arbitration` is TikTok's arbitration status ('' or absent: none).
 */
export function planRmaStatus(
  status: TikTokReturnStatus,
  rma: RmaState,
  arbitration: string | undefined,
): RmaStatusChange {
  const row = RETURN_STATUS_TABLE[status];
  const notes: string[] = [];
  let approve = false;
  let close = false;
  if (rma.closed) {
    // Closed lines on a pending RMA (NetSuite shows it Pending Approval): approve it so it reads Closed.
    approve = row.target === 'closed' && rma.orderStatus === 'A';
    if (row.target !== 'closed') {
      notes.push(
        `TikTok's return is ${status} but the RMA is closed: reopen its lines in NetSuite if goods are still coming back`,
      );
    }
  } else if (row.target === 'closed') {
    close = true;
    // NetSuite closes only an approved RMA: its Cancel (status Cancelled) is a button no script can
    // press, and `orderstatus` takes only A or B. A pending RMA is approved and closed in one save.
    approve = rma.orderStatus === 'A';
    if (rma.receivedUnits > 0) {
      notes.push(
        `TikTok's return is ${status} but ${rma.receivedUnits} unit(s) were already received on the RMA`,
      );
    }
  } else if (row.target === 'approved' && rma.orderStatus === 'A') {
    approve = true;
  }
  if (row.goodsReceived && rma.receivedUnits === 0 && !rma.closed && row.target !== 'closed') {
    notes.push(
      `TikTok says the package was received (${status}) but NetSuite has no item receipt: receive the goods on the RMA`,
    );
  }
  if (status === 'REJECT_RECEIVE_PACKAGE') {
    notes.push('The parcel was refused on receipt in TikTok; TikTok may open an arbitration');
  }
  const arb = arbitration?.trim() ?? '';
  if (arb !== '') notes.push(`In TikTok arbitration (${arb}): wait for TikTok's decision`);
  return { approve, close, attention: notes.length === 0 ? null : notes.join('. ') };
}

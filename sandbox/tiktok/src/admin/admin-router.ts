/**
 * The JSON admin API at `/_admin` over `AdminApi` (routes: sandbox/tiktok/README.md).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { CancellationRole, ProductStatus, ReturnType } from '../domain/types';
import { InvalidTransitionError } from '../domain/order-lifecycle';
import type { DeliveryState } from '../webhooks/sender';
import type { TikTokRecipientAddress } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { OrderFeeMix } from '../domain/order-factory';
import type { ReturnAutopilot } from '../domain/returns';
import {
  ORDER_ACTIONS,
  RETURN_ACTIONS,
  type AdminApi,
  type AdminCreateOrderOptions,
  type OrderAction,
  type ReturnAction,
  type WarehouseInput,
} from './admin-api';

type Handler = (req: Request) => unknown;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * JSON admin API mounted at `/_admin` (see the README for the route list). Errors answer
 * 409 for a transition the order's status does not allow, 400 for bad input, 404 for an unknown action.
 */
export function createAdminRouter(admin: AdminApi): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  const route =
    (handler: Handler, status = 200) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const result = await handler(req);
        res.status(status).json(result ?? { ok: true });
      } catch (caught) {
        if (caught instanceof InvalidTransitionError) res.status(409).json({ error: caught.message });
        else if (caught instanceof Error) res.status(400).json({ error: caught.message });
        else next(caught);
      }
    };
  const body = (req: Request): Record<string, unknown> =>
    typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const param = (req: Request, name: string): string => String(req.params[name] ?? '');

  router.get(
    '/shops',
    route(() => admin.shops()),
  );
  router.get(
    '/counters',
    route(() => admin.counters()),
  );
  router.post(
    '/orders',
    route((req) => admin.createOrder(body(req) as AdminCreateOrderOptions), 201),
  );
  router.get(
    '/orders',
    route((req) => admin.listOrders(str(req.query.shop_id))),
  );
  router.get(
    '/orders/:id',
    route((req) => admin.getOrder(param(req, 'id'))),
  );
  router.post(
    '/orders/:id/cancel',
    route((req) => {
      const b = body(req);
      return admin.cancelOrder(param(req, 'id'), {
        by: str(b.by) as CancellationRole | undefined,
        reason: str(b.reason),
        lineItemIds: Array.isArray(b.lineItemIds) ? b.lineItemIds.map(String) : undefined,
      });
    }, 201),
  );
  router.post(
    '/orders/:id/address',
    route((req) => {
      const b = body(req);
      const address = typeof b.address === 'object' && b.address !== null ? b.address : undefined;
      return admin.updateRecipientAddress(param(req, 'id'), address as TikTokRecipientAddress | undefined);
    }),
  );
  router.post(
    '/orders/:id/returns',
    route((req) => {
      const b = body(req);
      const fee =
        typeof b.returnShippingFee === 'object' && b.returnShippingFee !== null
          ? (b.returnShippingFee as Record<string, unknown>)
          : undefined;
      const method = str(b.returnMethod);
      if (method !== undefined && method !== 'PLATFORM_SHIPPED' && method !== 'BUYER_SHIPPED')
        throw new Error('returnMethod must be PLATFORM_SHIPPED or BUYER_SHIPPED');
      return admin.createReturn(param(req, 'id'), {
        returnType: str(b.returnType) as ReturnType | undefined,
        reason: str(b.reason),
        lineItemIds: Array.isArray(b.lineItemIds) ? b.lineItemIds.map(String) : undefined,
        shippingOnly: b.shippingOnly === true,
        returnMethod: method,
        returnShippingFee: fee
          ? {
              payer: String(fee.payer) as 'SELLER' | 'PLATFORM' | 'BUYER',
              amount: String(fee.amount),
            }
          : undefined,
      });
    }, 201),
  );
  router.post(
    '/orders/:id/seller-center-ship',
    route((req) => {
      const b = body(req);
      const slot =
        typeof b.pickupSlot === 'object' && b.pickupSlot !== null
          ? (b.pickupSlot as Record<string, unknown>)
          : undefined;
      const handover = str(b.handoverMethod);
      if (handover !== undefined && handover !== 'PICKUP' && handover !== 'DROP_OFF')
        throw new Error('handoverMethod must be PICKUP or DROP_OFF');
      return admin.shipInSellerCenter(param(req, 'id'), {
        lineItemIds: Array.isArray(b.lineItemIds) ? b.lineItemIds.map(String) : undefined,
        trackingNumber: str(b.trackingNumber),
        shippingProviderId: str(b.shippingProviderId),
        shippingProviderName: str(b.shippingProviderName),
        handoverMethod: handover,
        pickupSlot: slot ? { startTime: Number(slot.startTime), endTime: Number(slot.endTime) } : undefined,
      });
    }, 201),
  );
  router.post('/orders/:id/:action', (req: Request, res: Response, next: NextFunction) => {
    const action = param(req, 'action');
    if (!(ORDER_ACTIONS as readonly string[]).includes(action)) {
      res
        .status(404)
        .json({ error: `Unknown action "${action}"; known: ${ORDER_ACTIONS.join(', ')}, cancel, returns` });
      return;
    }
    return route(() =>
      admin.advanceOrder(param(req, 'id'), action as OrderAction, {
        trackingNumber: str(body(req).trackingNumber),
      }),
    )(req, res, next);
  });
  router.get(
    '/inventory',
    route((req) =>
      admin.getInventory({
        sellerSku: str(req.query.seller_sku),
        skuId: str(req.query.sku_id),
        shopId: str(req.query.shop_id),
      }),
    ),
  );
  router.put(
    '/inventory',
    route((req) => {
      const b = body(req);
      return admin.setInventory({
        sellerSku: str(b.sellerSku),
        skuId: str(b.skuId),
        shopId: str(b.shopId),
        warehouseId: str(b.warehouseId),
        quantity: Number(b.quantity),
      });
    }),
  );
  router.get(
    '/warehouses',
    route((req) => admin.listWarehouses(str(req.query.shop_id))),
  );
  router.post(
    '/warehouses',
    route((req) => admin.createWarehouse(body(req) as WarehouseInput), 201),
  );
  router.put(
    '/warehouses/:id',
    route((req) => admin.updateWarehouse(param(req, 'id'), body(req) as WarehouseInput)),
  );
  router.delete(
    '/warehouses/:id',
    route((req) => admin.deleteWarehouse(param(req, 'id'))),
  );
  router.put(
    '/products/:id/status',
    route((req) => {
      const b = body(req);
      return {
        status: admin.setProductStatus(param(req, 'id'), b.status as ProductStatus, str(b.suspendedReason)),
      };
    }),
  );
  router.delete(
    '/skus/:id',
    route((req) => admin.deleteSku(param(req, 'id'))),
  );
  router.get(
    '/packages',
    route((req) => admin.listPackages({ shopId: str(req.query.shop_id), orderId: str(req.query.order_id) })),
  );
  router.get(
    '/packages/:id',
    route((req) => admin.getPackage(param(req, 'id'))),
  );
  router.post(
    '/packages/:id/in-transit',
    route((req) => admin.collectPackage(param(req, 'id'))),
  );
  router.post(
    '/packages/:id/deliver',
    route((req) => admin.deliverPackage(param(req, 'id'))),
  );
  router.get(
    '/delivery-options',
    route((req) => admin.listDeliveryOptions(str(req.query.shop_id))),
  );
  router.put(
    '/delivery-options/:id',
    route((req) => {
      const b = body(req);
      const flag = (key: string): boolean | undefined => {
        if (b[key] === undefined) return undefined;
        if (typeof b[key] !== 'boolean') throw new Error(`${key} must be a boolean`);
        return b[key];
      };
      return admin.updateDeliveryOption(param(req, 'id'), {
        canPickup: flag('canPickup'),
        canDropOff: flag('canDropOff'),
      });
    }),
  );
  router.get(
    '/cancellations',
    route((req) =>
      admin.listCancellations(str(req.query.shop_id), str(req.query.role) as CancellationRole | undefined),
    ),
  );
  router.post(
    '/cancellations/:cancelId/withdraw',
    route((req) => admin.withdrawCancellation(param(req, 'cancelId'))),
  );
  router.get(
    '/returns',
    route((req) => admin.listReturns(str(req.query.shop_id))),
  );
  router.get(
    '/returns/:id',
    route((req) => admin.getReturn(param(req, 'id'))),
  );
  router.post(
    '/returns/random',
    route((req) => {
      const b = body(req);
      return admin.openRandomReturns({
        shopId: str(b.shopId),
        rate: Number(b.rate),
        types: Array.isArray(b.types) ? (b.types.map(String) as ReturnType[]) : undefined,
      });
    }, 201),
  );
  router.put(
    '/return-autopilot',
    route((req) => admin.setReturnAutopilot(body(req) as ReturnAutopilot)),
  );
  router.post(
    '/returns/:id/seller-center',
    route((req) => {
      const b = body(req);
      const partial =
        typeof b.partialRefund === 'object' && b.partialRefund !== null
          ? (b.partialRefund as Record<string, unknown>)
          : undefined;
      return admin.answerReturnInSellerCenter(param(req, 'id'), {
        decision: str(b.decision),
        rejectReason: str(b.rejectReason),
        comment: str(b.comment),
        ...(typeof b.buyerKeepItem === 'boolean' ? { buyerKeepItem: b.buyerKeepItem } : {}),
        ...(partial
          ? { partialRefund: { currency: str(partial.currency), amount: str(partial.amount) } }
          : {}),
      });
    }),
  );
  router.post('/returns/:id/:action', (req: Request, res: Response, next: NextFunction) => {
    const action = param(req, 'action');
    if (!(RETURN_ACTIONS as readonly string[]).includes(action)) {
      res
        .status(404)
        .json({ error: `Unknown return action "${action}"; known: ${RETURN_ACTIONS.join(', ')}` });
      return;
    }
    return route(() => {
      const b = body(req);
      return admin.advanceReturn(param(req, 'id'), action as ReturnAction, {
        trackingNumber: str(b.trackingNumber),
        providerName: str(b.providerName),
      });
    })(req, res, next);
  });
  router.get(
    '/webhooks/deliveries',
    route((req) =>
      admin.deliveries({
        shopId: str(req.query.shop_id),
        eventType: str(req.query.event_type),
        state: str(req.query.state) as DeliveryState | undefined,
      }),
    ),
  );
  router.delete(
    '/webhooks/deliveries',
    route(() => admin.clearDeliveries()),
  );
  router.get(
    '/faults',
    route(() => admin.getFaults()),
  );
  router.put(
    '/faults',
    route((req) => admin.setFaults(body(req))),
  );
  router.put(
    '/product-audit',
    route((req) => admin.setProductAudit(body(req))),
  );
  router.put(
    '/order-fees',
    route((req) => {
      const b = body(req);
      admin.setOrderFeeMix({
        rate: Number(b.rate),
        fees: Array.isArray(b.fees) ? (b.fees.map(String) as OrderFeeMix['fees']) : undefined,
      });
    }),
  );
  router.put(
    '/rate-limit',
    route((req) => {
      const b = body(req);
      const perApi =
        typeof b.perApi === 'object' && b.perApi !== null
          ? Object.fromEntries(Object.entries(b.perApi).map(([api, qps]) => [api, Number(qps)]))
          : undefined;
      admin.setRateLimit(perApi === undefined ? Number(b.qps) : { qps: Number(b.qps ?? 50), perApi });
    }),
  );
  router.post(
    '/shops/:shopId/expire-token',
    route((req) => ({ expired: admin.expireAccessToken(param(req, 'shopId')) })),
  );
  router.post(
    '/shops/:shopId/revoke',
    route((req) => ({ revoked: admin.revokeAuthorization(param(req, 'shopId')) })),
  );
  router.post(
    '/tokens',
    route(() => admin.issueTokens(), 201),
  );
  router.put(
    '/consent',
    route((req) => admin.setConsentDenied(body(req).deny === true)),
  );
  router.put(
    '/app',
    route((req) => {
      const b = body(req);
      admin.configureApp({
        redirectUrl: str(b.redirectUrl),
        webhookUrl: b.webhookUrl === null ? null : str(b.webhookUrl),
        grantedScopes: Array.isArray(b.grantedScopes) ? b.grantedScopes.map(String) : undefined,
      });
    }),
  );
  router.post(
    '/tick',
    route(() => admin.tick()),
  );
  router.post(
    '/clock/advance',
    route((req) => admin.advanceClock(Number(body(req).ms))),
  );
  return router;
}

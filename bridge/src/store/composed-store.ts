/**
 * A whole `BridgeStore` made of one object per part (`types.ts#StoreParts`): each method hands the
 * call to the part that owns it. SQLite (`sqlite/sqlite-store.ts`) and PostgreSQL
 * (`postgres/postgres-store.ts`) extend it with their connection, `ping` and `close`. A method added
 * to a part's interface is added here in one line (the compiler names any that is missing).
 */
import type { BridgeStore, StoreParts } from './types';

type Method<K extends keyof BridgeStore> = BridgeStore[K];

export abstract class ComposedStore implements BridgeStore {
  abstract readonly kind: string;
  /** Set by the implementation's constructor; read at call time. */
  protected abstract readonly parts: StoreParts;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  upsertShop: Method<'upsertShop'> = (...a) => this.parts.shops.upsertShop(...a);
  getShop: Method<'getShop'> = (...a) => this.parts.shops.getShop(...a);
  listShops: Method<'listShops'> = (...a) => this.parts.shops.listShops(...a);
  setShopState: Method<'setShopState'> = (...a) => this.parts.shops.setShopState(...a);

  saveTokens: Method<'saveTokens'> = (...a) => this.parts.tokens.saveTokens(...a);
  getTokens: Method<'getTokens'> = (...a) => this.parts.tokens.getTokens(...a);
  replaceTokenCiphertexts: Method<'replaceTokenCiphertexts'> = (...a) =>
    this.parts.tokens.replaceTokenCiphertexts(...a);
  listShopIdsByGrant: Method<'listShopIdsByGrant'> = (...a) => this.parts.tokens.listShopIdsByGrant(...a);

  createOAuthState: Method<'createOAuthState'> = (...a) => this.parts.oauthStates.createOAuthState(...a);
  getOAuthStateBinding: Method<'getOAuthStateBinding'> = (...a) =>
    this.parts.oauthStates.getOAuthStateBinding(...a);
  consumeOAuthState: Method<'consumeOAuthState'> = (...a) => this.parts.oauthStates.consumeOAuthState(...a);

  createAdminSession: Method<'createAdminSession'> = (...a) =>
    this.parts.adminSessions.createAdminSession(...a);
  isAdminSessionActive: Method<'isAdminSessionActive'> = (...a) =>
    this.parts.adminSessions.isAdminSessionActive(...a);
  revokeAdminSession: Method<'revokeAdminSession'> = (...a) =>
    this.parts.adminSessions.revokeAdminSession(...a);
  revokeAllAdminSessions: Method<'revokeAllAdminSessions'> = (...a) =>
    this.parts.adminSessions.revokeAllAdminSessions(...a);

  insertWebhook: Method<'insertWebhook'> = (...a) => this.parts.webhooks.insertWebhook(...a);
  insertWebhooks: Method<'insertWebhooks'> = (...a) => this.parts.webhooks.insertWebhooks(...a);
  getWebhook: Method<'getWebhook'> = (...a) => this.parts.webhooks.getWebhook(...a);
  countWebhooks: Method<'countWebhooks'> = (...a) => this.parts.webhooks.countWebhooks(...a);

  enqueueJob: Method<'enqueueJob'> = (...a) => this.parts.jobs.enqueueJob(...a);
  claimJobs: Method<'claimJobs'> = (...a) => this.parts.jobs.claimJobs(...a);
  extendLease: Method<'extendLease'> = (...a) => this.parts.jobs.extendLease(...a);
  completeJob: Method<'completeJob'> = (...a) => this.parts.jobs.completeJob(...a);
  failJob: Method<'failJob'> = (...a) => this.parts.jobs.failJob(...a);
  getJob: Method<'getJob'> = (...a) => this.parts.jobs.getJob(...a);
  listJobs: Method<'listJobs'> = (...a) => this.parts.jobs.listJobs(...a);
  queueDepths: Method<'queueDepths'> = (...a) => this.parts.jobs.queueDepths(...a);
  requeueDeadJobs: Method<'requeueDeadJobs'> = (...a) => this.parts.jobs.requeueDeadJobs(...a);
  settlePendingJob: Method<'settlePendingJob'> = (...a) => this.parts.jobs.settlePendingJob(...a);

  getCursor: Method<'getCursor'> = (...a) => this.parts.cursors.getCursor(...a);
  setCursor: Method<'setCursor'> = (...a) => this.parts.cursors.setCursor(...a);
  listCursors: Method<'listCursors'> = (...a) => this.parts.cursors.listCursors(...a);

  recordError: Method<'recordError'> = (...a) => this.parts.errors.recordError(...a);
  listRecentErrors: Method<'listRecentErrors'> = (...a) => this.parts.errors.listRecentErrors(...a);

  saveOutboxAcks: Method<'saveOutboxAcks'> = (...a) => this.parts.outboxAcks.saveOutboxAcks(...a);
  listOutboxAcks: Method<'listOutboxAcks'> = (...a) => this.parts.outboxAcks.listOutboxAcks(...a);
  deleteOutboxAcks: Method<'deleteOutboxAcks'> = (...a) => this.parts.outboxAcks.deleteOutboxAcks(...a);

  observeDispatch: Method<'observeDispatch'> = (...a) => this.parts.dispatchWatch.observeDispatch(...a);
  listDispatchWatch: Method<'listDispatchWatch'> = (...a) => this.parts.dispatchWatch.listDispatchWatch(...a);
  countDispatchWatch: Method<'countDispatchWatch'> = (...a) =>
    this.parts.dispatchWatch.countDispatchWatch(...a);

  getConfirmedInventory: Method<'getConfirmedInventory'> = (...a) =>
    this.parts.inventory.getConfirmedInventory(...a);
  confirmInventory: Method<'confirmInventory'> = (...a) => this.parts.inventory.confirmInventory(...a);
  forgetInventory: Method<'forgetInventory'> = (...a) => this.parts.inventory.forgetInventory(...a);
  reserveStock: Method<'reserveStock'> = (...a) => this.parts.inventory.reserveStock(...a);
  markStockUpserted: Method<'markStockUpserted'> = (...a) => this.parts.inventory.markStockUpserted(...a);
  listStockReservations: Method<'listStockReservations'> = (...a) =>
    this.parts.inventory.listStockReservations(...a);
  releaseStock: Method<'releaseStock'> = (...a) => this.parts.inventory.releaseStock(...a);

  withLock: BridgeStore['withLock'] = (name, fn) => this.parts.coordination.withLock(name, fn);
  takeRateToken: Method<'takeRateToken'> = (...a) => this.parts.coordination.takeRateToken(...a);
}

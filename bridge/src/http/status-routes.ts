/**
 * The admin status page at `/`: connected shops and their state, queue depths, when each shop's orders were last reconciled,
 * the TikTok orders still to ship (least time left first, late ones flagged), dead letters, recent errors, the doctor's checks per shop (issue #21) and the "Connect TikTok Shop", "Sign out" and "Sign out everywhere"
 * buttons (forms that POST with the session's CSRF token). Signed-out visitors get the sign-in
 * form, which posts the admin token to `/login` and receives a server-side session's cookie; failed
 * sign-ins count against the address (`auth-throttle.ts`). `POST /logout` revokes the session,
 * `POST /logout/all` every session.
 */
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BRIDGE_ERROR_CODES } from '../core/errors';
import { redactNullable, redactSecretsInText } from '../core/redact';
import { describeProblems, safeParseWith } from '../core/validate';
import { OAUTH_START_PATH } from '../oauth/routes';
import type { BridgeStore } from '../store/types';
import { ORDERS_CURSOR } from '../workers/reconcile';
import { describeTimeLeft, lateDispatchList } from '../../../shared-types/src/fulfillments/ship-by';
import { CSRF_FIELD, type AdminAuth } from './admin-auth';
import { postRefused, readButtonForm, requireAdminPost } from './admin-post';
import { fromBodyParserError, HTTP_STATUS_BY_CODE } from './error-handler';
import { escapeHtml, renderPage } from './html';
import type { DoctorReport } from '../doctor/bridge-doctor';

export interface StatusSnapshot {
  shops: {
    shopId: string;
    name: string;
    region: string;
    sellerType: string;
    state: string;
    stateReason: string | null;
    lastOrderReconcile: string | null;
  }[];
  queue: { kind: string; state: string; count: number }[];
  deadLetters: {
    id: number;
    kind: string;
    shopId: string | null;
    reason: string | null;
    updatedAt: string;
  }[];
  recentErrors: { at: string; source: string; shopId: string | null; message: string }[];
  /** TikTok orders still to ship, least time left first (shared-types/src/fulfillments/ship-by.ts). */
  toShip: { shopId: string; orderId: string; shipBy: string; timeLeft: string; late: boolean }[];
}

/** Most orders the status page lists under "Orders to ship". */
export const TO_SHIP_LISTED = 200;

/** Every free-text column is scrubbed of secrets again here (rows may predate the store's scrubbing). */
export async function statusSnapshot(store: BridgeStore, nowMs = Date.now()): Promise<StatusSnapshot> {
  const [shops, cursors, queue, dead, errors, watch] = await Promise.all([
    store.listShops(),
    store.listCursors(),
    store.queueDepths(),
    store.listJobs({ state: 'dead', limit: 50 }),
    store.listRecentErrors(20),
    store.listDispatchWatch(TO_SHIP_LISTED),
  ]);
  const toShip = lateDispatchList(
    watch.map((w) => ({ shopId: w.shopId, orderId: w.orderId, shipByUnix: w.shipBy })),
    Math.floor(nowMs / 1000),
  );
  const lastReconcile = new Map(
    cursors.filter((c) => c.name === ORDERS_CURSOR).map((c) => [c.shopId, c.updatedAt]),
  );
  const iso = (ms: number | undefined): string | null =>
    ms === undefined ? null : new Date(ms).toISOString();
  return {
    shops: shops.map((s) => ({
      shopId: s.shopId,
      name: s.name,
      region: s.region,
      sellerType: s.sellerType,
      state: s.state,
      stateReason: redactNullable(s.stateReason),
      lastOrderReconcile: iso(lastReconcile.get(s.shopId)),
    })),
    queue,
    deadLetters: dead.map((j) => ({
      id: j.id,
      kind: j.kind,
      shopId: j.shopId,
      reason: redactNullable(j.deadReason),
      updatedAt: new Date(j.updatedAt).toISOString(),
    })),
    recentErrors: errors.map((e) => ({
      at: new Date(e.at).toISOString(),
      source: e.source,
      shopId: e.shopId,
      message: redactSecretsInText(e.message),
    })),
    toShip: toShip.map((row) => ({
      shopId: row.shopId,
      orderId: row.orderId,
      shipBy: new Date(row.shipByUnix * 1000).toISOString(),
      timeLeft: describeTimeLeft(row.secondsLeft),
      late: row.late,
    })),
  };
}

function table(headers: string[], rows: unknown[][], empty: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c ?? '')}</td>`).join('')}</tr>`)
    .join('');
  return `<table><tr>${head}</tr>${body}</table>`;
}

/** A button that POSTs to `action` with the session's CSRF token. */
function postButton(action: string, label: string, csrf: string | undefined, cls = ''): string {
  const token =
    csrf === undefined ? '' : `<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(csrf)}">`;
  return `<form class="inline" method="post" action="${escapeHtml(action)}">${token}<button${cls ? ` class="${cls}"` : ''} type="submit">${escapeHtml(label)}</button></form>`;
}

/**
 * The doctor's section (issue #21): per shop every check of the shared registry with its result,
 * what it found and, when not ok, its fix (shared-types/src/doctor/doctor-checks.ts).
 */
export function renderDoctor(report: DoctorReport | undefined): string {
  if (report === undefined) return '';
  const shops = report.shops.map(
    (shop) => `<h3>${escapeHtml(shop.name)} (${escapeHtml(shop.shopId)})</h3>
${table(
  ['Check', 'Id', 'Result', 'What we found', 'Fix'],
  shop.findings.map((f) => [
    f.title,
    f.id,
    f.result,
    f.detail,
    f.result === 'ok' ? '' : `${f.fix} (${f.link.label})`,
  ]),
  'No checks.',
)}`,
  );
  return `<h2>Doctor</h2>
<p>Checks that need the shop's NetSuite settings say unknown here; the TikTok Shop Connector page in NetSuite (Setup &gt; Integration) judges them.</p>
${shops.length === 0 ? '<p>No shop connected yet.</p>' : shops.join('\n')}`;
}

/** The status page; `csrf` is the signed-in browser's CSRF token for its forms. */
export function renderStatus(snapshot: StatusSnapshot, csrf?: string, doctor?: DoctorReport): string {
  return renderPage(
    'TikTok Shop Connector bridge',
    `<p>${postButton(OAUTH_START_PATH, 'Connect TikTok Shop', csrf, 'button')}</p>
<p>${postButton('/logout', 'Sign out', csrf)}${postButton('/logout/all', 'Sign out everywhere', csrf)}</p>
<h2>Shops</h2>
${table(
  ['Shop', 'Id', 'Region', 'Seller type', 'State', 'Reason', 'Last reconcile'],
  snapshot.shops.map((s) => [
    s.name,
    s.shopId,
    s.region,
    s.sellerType,
    s.state,
    s.stateReason,
    s.lastOrderReconcile ?? 'never',
  ]),
  'No shop connected yet: click "Connect TikTok Shop" and sign in as the shop owner.',
)}
<h2>Queue</h2>
${table(
  ['Kind', 'State', 'Jobs'],
  snapshot.queue.map((q) => [q.kind, q.state, q.count]),
  'The queue is empty.',
)}
<h2>Orders to ship (late-dispatch watch)</h2>
${table(
  ['', 'Shop', 'TikTok order', 'Ship by (UTC)', 'Time left'],
  snapshot.toShip.map((o) => [o.late ? 'LATE' : '', o.shopId, o.orderId, o.shipBy, o.timeLeft]),
  'No TikTok order is waiting to ship.',
)}
<h2>Dead letters</h2>
${table(
  ['Job', 'Kind', 'Shop', 'Reason', 'When'],
  snapshot.deadLetters.map((d) => [d.id, d.kind, d.shopId, d.reason, d.updatedAt]),
  'No dead letters.',
)}
<h2>Recent errors</h2>
${table(
  ['When', 'Source', 'Shop', 'Message'],
  snapshot.recentErrors.map((e) => [e.at, e.source, e.shopId, e.message]),
  'No recent errors.',
)}
${renderDoctor(doctor)}`,
  );
}

export function renderSignIn(problem?: string): string {
  return renderPage(
    'Sign in',
    `${problem ? `<p class="error">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/login">
<label>Admin token (BRIDGE_ADMIN_TOKEN) <input type="password" name="token" autocomplete="current-password" required></label>
<button class="button" type="submit">Sign in</button>
</form>`,
  );
}

/** The sign-in form as posted by the page above: one `token` field, sent once. */
export const SignInFormSchema = z.object({
  token: z.string().min(1, 'the admin token is empty'),
});

const SIGN_IN_FIX = 'Enter the value of BRIDGE_ADMIN_TOKEN in the form below and sign in again.';

/** Reads the form body; an unreadable one (size, charset, encoding) gets the sign-in page, not an error page. */
const readSignInForm: RequestHandler = (req, res, next) => {
  express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 })(req, res, (error?: unknown) => {
    if (error === undefined || error === null) {
      next();
      return;
    }
    const refused = fromBodyParserError(error);
    if (refused === undefined) {
      next(error);
      return;
    }
    res
      .status(HTTP_STATUS_BY_CODE[refused.code])
      .type('html')
      .send(
        renderSignIn(
          refused.code === BRIDGE_ERROR_CODES.PAYLOAD_TOO_LARGE
            ? `The sign-in form is larger than the bridge accepts (8 KB). ${SIGN_IN_FIX}`
            : `The sign-in form could not be read. ${SIGN_IN_FIX}`,
        ),
      );
  });
};

export function statusRouter(deps: {
  store: BridgeStore;
  adminAuth: AdminAuth;
  clock: Clock;
  /** The doctor's report (issue #21); absent: no Doctor section. */
  doctor?: () => Promise<DoctorReport>;
}): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    if (!(await deps.adminAuth.isAuthorized(req))) {
      res.status(401).type('html').send(renderSignIn());
      return;
    }
    const [snapshot, doctor] = await Promise.all([
      statusSnapshot(deps.store, deps.clock.now()),
      deps.doctor === undefined ? Promise.resolve(undefined) : deps.doctor(),
    ]);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json(doctor === undefined ? snapshot : { ...snapshot, doctor });
      return;
    }
    res.type('html').send(renderStatus(snapshot, await deps.adminAuth.csrfTokenFor(req), doctor));
  });

  router.post('/login', readSignInForm, async (req, res) => {
    // Not a form post at all (no body, or another content type): the parser leaves no object.
    const form = safeParseWith(SignInFormSchema, req.body ?? {});
    if (!form.ok) {
      res
        .status(400)
        .type('html')
        .send(
          renderSignIn(`The sign-in form is invalid: ${describeProblems(form.problems)}. ${SIGN_IN_FIX}`),
        );
      return;
    }
    if (!deps.adminAuth.checkToken(form.value.token)) {
      deps.adminAuth.recordFailure(req);
      res
        .status(401)
        .type('html')
        .send(renderSignIn('That is not the admin token. Use the value of BRIDGE_ADMIN_TOKEN.'));
      return;
    }
    deps.adminAuth.recordSuccess(req);
    await deps.adminAuth.startSession(res);
    res.redirect(303, '/');
  });

  // Sign out: revokes this browser's session. Without a session there is nothing to protect, so
  // only the cookie is cleared; with one, the form must carry its CSRF token.
  router.post('/logout', readButtonForm, async (req, res) => {
    if ((await deps.adminAuth.credentialOf(req)) === 'session') {
      const verdict = await deps.adminAuth.checkPost(req);
      if (verdict !== 'ok') throw postRefused(verdict);
    }
    await deps.adminAuth.endSession(req, res);
    res.redirect(303, '/');
  });

  // Sign out everywhere: revokes every admin session (also `npm run bridge -- revoke-sessions`).
  router.post('/logout/all', readButtonForm, requireAdminPost(deps.adminAuth), async (req, res) => {
    const revoked = await deps.adminAuth.revokeAllSessions();
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ revoked });
      return;
    }
    await deps.adminAuth.endSession(req, res);
    res.redirect(303, '/');
  });

  return router;
}

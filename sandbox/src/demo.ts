/**
 * `npm start` without credentials: the whole product against the local stand-ins. Starts the TikTok
 * Shop simulator, the NetSuite emulator running the compiled SuiteApp and the bridge; connects the
 * demo shop through the real OAuth flow; creates an order on a timer; and prints each order's way
 * from TikTok to a NetSuite sales order. Ctrl-C stops everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxConfig } from '../../bridge/src/config';
import type { SandboxStack } from './stack';
import { repoRoot } from './paths';
import { planSandbox } from './sandbox-settings';
import { startSandboxStack } from './stack';

const DATA_DIR = path.join(repoRoot(), 'data', 'sandbox');

interface Tracked {
  orderId: string;
  printed: Set<string>;
}

function log(line: string): void {
  const time = new Date().toISOString().slice(11, 19);
  console.log(`${time}  ${line}`);
}

function freshDataDir(): void {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(DATA_DIR, { recursive: true });
}

/** Prints the hops an order has completed since the last look. */
function report(stack: SandboxStack, shopId: string, order: Tracked): void {
  const once = (key: string, line: string): void => {
    if (order.printed.has(key)) return;
    order.printed.add(key);
    log(`[${order.orderId}] ${line}`);
  };
  for (const d of stack.simulator.admin.deliveries({ shopId })) {
    if (!d.body.includes(order.orderId) || d.state !== 'delivered') continue;
    const status = (JSON.parse(d.body) as { data?: { order_status?: string } }).data?.order_status ?? '';
    once(
      `webhook:${d.notificationId}`,
      `TikTok webhook ${d.eventType} ${status} → bridge answered 200 (stored)`,
    );
  }
  const inbox = stack.netsuite.store.findByExternalId(
    'customrecord_tts_order',
    `tts_${shopId}_${order.orderId}`,
  );
  if (inbox) {
    const state = String(inbox.fields.custrecord_tts_ord_state);
    const status = String(inbox.fields.custrecord_tts_ord_status);
    once(
      `inbox:${state}:${status}`,
      `NetSuite order inbox #${inbox.id}: TikTok status ${status}, state ${state}`,
    );
    if (state === 'error' || state === 'exception') {
      once(
        `error:${String(inbox.fields.custrecord_tts_ord_error)}`,
        `  ⚠ ${String(inbox.fields.custrecord_tts_ord_error)}`,
      );
    }
  }
  const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.orderId}`);
  if (so) {
    const tiesOut =
      so.fields.custbody_tts_tieout === true ? 'ties out with TikTok' : 'does NOT tie out with TikTok';
    once(
      'so',
      `✔ sales order ${String(so.fields.tranid)} (internal id ${so.id}), total ${String(so.fields.total)}: ${tiesOut}`,
    );
  }
}

export async function startSandboxDemo(config: SandboxConfig): Promise<void> {
  freshDataDir();
  const intervalMs = Number(process.env.SANDBOX_ORDER_INTERVAL_MS ?? 5000);
  const plan = planSandbox(config, DATA_DIR);
  console.log(
    'No TikTok Shop or NetSuite credentials are set: running in SANDBOX mode.\n' +
      'TikTok Shop is the local simulator and NetSuite is the local emulator running the compiled SuiteApp.\n' +
      'Set the variables listed in the README (TIKTOK_*, NETSUITE_*, BRIDGE_*) to run against the real services.\n',
  );
  if (plan.notes.length > 0) {
    console.log(`Settings from the environment:\n${plan.notes.map((note) => `  - ${note}`).join('\n')}\n`);
  }
  const stack = await startSandboxStack({
    bridgePort: config.port,
    bridgeDatabaseUrl: plan.bridgeDatabaseUrl,
    bridgeConfig: plan.bridgeConfig,
    logLevel: plan.logLevel,
    // One simulated hour of ON_HOLD lasts 10 seconds in the demo.
    simulator: { timeScale: 360 },
    netsuite: { dbPath: path.join(DATA_DIR, 'netsuite.db'), autoRunTasks: true, restletLatencyMs: 20 },
  });
  log(`TikTok Shop simulator  API ${stack.simulator.apiBaseUrl}  auth ${stack.simulator.authBaseUrl}`);
  log(
    `NetSuite emulator      account ${stack.netsuite.accountId}  RESTlets ${stack.netsuite.restletBaseUrl}`,
  );
  log(`Bridge                 ${stack.bridgeUrl}`);
  const shopId = await stack.connectShop();
  const shop = stack.simulator.state.shops.get(shopId);
  log(`Connected TikTok shop "${shop?.name ?? shopId}" (${shopId}) through OAuth; webhooks subscribed.`);
  log(
    `Status page: ${stack.bridgeUrl}/  (sign in with ${config.adminToken === undefined ? `the admin token ${stack.adminToken}` : 'your BRIDGE_ADMIN_TOKEN'})`,
  );
  const exceptionsPage = new URL(
    stack.netsuite.suiteletUrl('customscript_tts_sl_exceptions', 'customdeploy_tts_sl_exceptions'),
  );
  log(
    `NetSuite "TikTok Order Exceptions" page (signs you in): ${stack.netsuite.uiLoginUrl(exceptionsPage.pathname + exceptionsPage.search)}`,
  );
  log(
    'Klarna is deliberately missing from the Payment Method Map: those orders show an exception that explains itself.',
  );
  stack.bridge.startWorkers();

  const tracked: Tracked[] = [];
  const createOrder = (): void => {
    try {
      const created = stack.simulator.admin.createOrder();
      stack.simulator.admin.advanceOrder(created.id, 'pay');
      tracked.push({ orderId: created.id, printed: new Set() });
      const units = created.line_items.length;
      log(
        `[${created.id}] new TikTok order: ${units} unit(s), ${created.payment.total_amount} ${created.payment.currency}, paid (ON_HOLD for the buyer-remorse hour = 10 s here)`,
      );
    } catch (e) {
      log(`could not create a demo order: ${(e as Error).message}`);
    }
  };
  createOrder();
  const orderTimer = setInterval(createOrder, intervalMs);
  const watchTimer = setInterval(() => {
    for (const order of tracked) report(stack, shopId, order);
  }, 500);

  const stop = async (): Promise<void> => {
    clearInterval(orderTimer);
    clearInterval(watchTimer);
    log('Stopping the bridge, the simulator and the emulator...');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

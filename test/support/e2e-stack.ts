/**
 * The sandbox stack as end-to-end tests use it (test/e2e/): a fresh TikTok simulator, bridge and
 * NetSuite emulator per test, the bridge's SQLite file in a temporary folder that `stop()` removes,
 * one "settle" step (TikTok's webhooks → the bridge's jobs → NetSuite's queued scripts), an order
 * imported end to end, and a bridge transport that fails chosen NetSuite calls as if the process died.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { SandboxStack, SandboxStackOptions } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import type { AdminCreateOrderOptions } from '../../sandbox/tiktok/src/admin/admin-api';
import type { Clock } from '../../shared-types/src/time/clock';
import { assertSuiteAppBuilt } from './connector-account';

/**
 * Starts the stack with the bridge's store in a new temporary folder named after `tag`; the stack's
 * `stop()` also removes the folder.
 */
export async function startE2eStack(
  tag: string,
  options: Omit<SandboxStackOptions, 'bridgeDatabaseUrl'> = {},
): Promise<SandboxStack> {
  assertSuiteAppBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tts-e2e-${tag}-`));
  const stack = await startSandboxStack({
    ...options,
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
  });
  const stop = stack.stop;
  stack.stop = async () => {
    try {
      await stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return stack;
}

/** TikTok's due webhooks → the bridge's jobs → NetSuite's queued import and update runs. */
export async function settle(stack: SandboxStack): Promise<void> {
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
  await stack.netsuite.runQueuedTasks();
}

/** The sales order of a TikTok order, by its external id; null when it was not imported. */
export function salesOrderOf(stack: SandboxStack, shopId: string, orderId: string) {
  return stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
}

/**
 * Connects the first shop, creates a paid order (AWAITING_SHIPMENT unless `options` say otherwise)
 * and settles: the order's ids and its sales order's internal id.
 */
export async function importOrder(
  stack: SandboxStack,
  options: AdminCreateOrderOptions = {},
): Promise<{ shopId: string; orderId: string; salesOrderId: number }> {
  const shopId = await stack.connectShop();
  const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', ...options });
  await settle(stack);
  const so = salesOrderOf(stack, shopId, order.id);
  if (!so) throw new Error(`TikTok order ${order.id} was not imported`);
  return { shopId, orderId: order.id, salesOrderId: so.id };
}

/**
 * A bridge transport (`bridgeDeps.send`) whose calls with a body matching `crashOn` fail as if the
 * bridge process died before sending them; `crashOn = null` lets every call through.
 */
export function crashingSend(): { send: HttpSend; crashOn: RegExp | null } {
  const control: { send: HttpSend; crashOn: RegExp | null } = {
    crashOn: null,
    send: (request) => {
      const pattern = control.crashOn;
      if (pattern !== null && typeof request.body === 'string' && pattern.test(request.body)) {
        return Promise.reject(new Error('bridge process crashed before the call'));
      }
      return axiosSend(request);
    },
  };
  return control;
}

/**
 * Simulated time for one stack: the wall clock plus what `advance` added, read by TikTok's simulator,
 * the bridge and NetSuite's sign-in check alike. TikTok's `update_time` counts seconds and NetSuite keeps
 * the first payload of a second, so a test moves time on between changes of an order, as a person would.
 */
export interface SimulatedTime {
  clock: Clock;
  /** Moves time on by `seconds` (default 5). */
  advance(seconds?: number): void;
  /** Moves time on to `ms` (epoch milliseconds), when that is later than now. */
  advanceTo(ms: number): void;
  /** Back to the wall clock (between tests). */
  reset(): void;
}

export function simulatedTime(): SimulatedTime {
  let offsetMs = 0;
  return {
    clock: { now: () => Date.now() + offsetMs },
    advance: (seconds = 5) => {
      offsetMs += seconds * 1000;
    },
    advanceTo: (ms) => {
      offsetMs = Math.max(offsetMs, ms - Date.now());
    },
    reset: () => {
      offsetMs = 0;
    },
  };
}

/** The stack options that put the simulator, the bridge and the bridge's RESTlet signatures on `time`. */
export function onSimulatedTime(
  time: SimulatedTime,
): Pick<SandboxStackOptions, 'simulator' | 'bridgeDeps' | 'netsuite'> {
  return {
    simulator: { clock: time.clock },
    bridgeDeps: { clock: time.clock },
    netsuite: { authClock: time.clock },
  };
}

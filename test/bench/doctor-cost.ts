/**
 * What the doctor costs (issue #21). NetSuite usage units, measured in the emulator running the
 * compiled SuiteApp: one connector home page (GET) and one heartbeat (`bridge.heartbeat`) with 1 and
 * with 10 shops, and one home action (Force inventory resync, its confirmation POST). Bridge time,
 * measured on an in-memory SQLite store: gathering the facts of 10 shops (what each heartbeat and
 * each status page does) with 0 and with 5,000 jobs waiting, median of 5 runs.
 * Prints a table; `node dist/test/bench/doctor-cost.js` after `npm run build`.
 */
import { performance } from 'node:perf_hooks';
import { gatherBridgeFacts } from '../../bridge/src/doctor/bridge-doctor';
import { SqliteStore } from '../../bridge/src/store/sqlite-store';
import { orderUpsertJob } from '../../bridge/src/workers/job-kinds';
import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import type { BridgeShopFacts } from '../../shared-types/src/doctor/heartbeat';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { TestClock } from '../support/test-clock';
import { formatTable } from './table';

export interface DoctorCostRow {
  what: string;
  shops: number;
  measure: string;
  value: number;
}

const SHOP_BASE = 7494049642642441621n;

function shopIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(SHOP_BASE + BigInt(i)));
}

function facts(shopId: string): BridgeShopFacts {
  const now = new Date().toISOString();
  return {
    shopId,
    connection: 'connected',
    connectionReason: null,
    refreshTokenExpiresAt: now,
    lastWebhookAt: now,
    lastReconcileCatchAt: null,
    lastReconcileAt: now,
    lateOrders: 0,
    flows: { orders: { backlog: 0, dead: 0, lastRunAt: now, lastError: null } },
  };
}

function unitsSince(world: ConnectorAccount, from: number): number {
  return world.ns.invocations.slice(from).reduce((n, i) => n + i.units, 0);
}

async function netsuiteRows(shopCount: number): Promise<DoctorCostRow[]> {
  const world = await startConnectorAccount();
  try {
    const ids = shopIds(shopCount);
    for (const shopId of ids.slice(1)) {
      const res = await world.restlet('POST', {
        action: 'shop.upsert',
        shop: {
          shopId,
          name: `Shop ${shopId}`,
          region: 'US',
          sellerType: 'LOCAL',
          state: 'connected',
          currency: 'USD',
        },
      });
      if (res.status !== 200) throw new Error(`shop.upsert answered ${res.status}`);
    }
    const beat = (): Promise<unknown> =>
      world.restlet('POST', {
        action: 'bridge.heartbeat',
        bridgeUrl: 'https://bridge.example.com',
        sentAt: new Date().toISOString(),
        lastNetSuiteError: null,
        shops: ids.map(facts),
      });
    let from = world.ns.invocations.length;
    await beat();
    const firstBeat = unitsSince(world, from);
    from = world.ns.invocations.length;
    await beat();
    const nextBeat = unitsSince(world, from);
    from = world.ns.invocations.length;
    const res = await fetch(world.ns.suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID), {
      headers: { Authorization: `Bearer ${world.ns.uiToken}` },
    });
    if (res.status !== 200) throw new Error(`home answered ${res.status}`);
    await res.text();
    const home = unitsSince(world, from);
    from = world.ns.invocations.length;
    const shopRecord = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${ids[0]}`)!;
    await fetch(world.ns.suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Authorization: `Bearer ${world.ns.uiToken}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        custpage_home_action: 'force_inventory',
        custpage_home_shop: String(shopRecord.id),
      }).toString(),
    });
    const action = unitsSince(world, from);
    return [
      {
        what: 'heartbeat, first (creates status records)',
        shops: shopCount,
        measure: 'units',
        value: firstBeat,
      },
      { what: 'heartbeat, next (updates them)', shops: shopCount, measure: 'units', value: nextBeat },
      { what: 'connector home page (GET)', shops: shopCount, measure: 'units', value: home },
      {
        what: 'home action: Force inventory resync (POST)',
        shops: shopCount,
        measure: 'units',
        value: action,
      },
    ];
  } finally {
    await world.ns.stop();
  }
}

async function bridgeRow(jobs: number): Promise<DoctorCostRow> {
  const store = new SqliteStore(':memory:');
  const clock = new TestClock();
  const ids = shopIds(10);
  for (const shopId of ids) {
    await store.upsertShop(
      { shopId, name: shopId, region: 'US', sellerType: 'LOCAL', cipher: 'c', code: '', state: 'connected' },
      clock.now(),
    );
  }
  for (let i = 0; i < jobs; i += 1) {
    await store.enqueueJob(
      orderUpsertJob(ids[i % ids.length]!, String(576461413038700000n + BigInt(i)), clock.now()),
      clock.now(),
    );
  }
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await gatherBridgeFacts(store, clock);
    times.push(performance.now() - started);
  }
  await store.close();
  times.sort((a, b) => a - b);
  return {
    what: `bridge: gather facts, ${jobs} jobs waiting`,
    shops: 10,
    measure: 'ms (median of 5)',
    value: Math.round(times[2]! * 10) / 10,
  };
}

export async function runDoctorCost(): Promise<DoctorCostRow[]> {
  return [...(await netsuiteRows(1)), ...(await netsuiteRows(10)), await bridgeRow(0), await bridgeRow(5000)];
}

export function formatDoctorCost(rows: readonly DoctorCostRow[]): string {
  return [
    'Doctor cost (issue #21): NetSuite usage units in the emulator; bridge time on in-memory SQLite',
    formatTable(
      ['what', 'shops', 'measure', 'value'],
      rows.map((r) => [r.what, String(r.shops), r.measure, String(r.value)]),
    ),
  ].join('\n');
}

if (require.main === module) {
  runDoctorCost().then(
    (rows) => console.log(formatDoctorCost(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * Governance benchmark: NetSuite usage units per imported order, connector vs a naive import that
 * searches per line, in both customer modes, at 1,000 and 5,000 orders (cost must be linear: the
 * same units per order at both sizes). Prints a table; `npm run bench` runs it.
 *
 *   node dist/test/bench/import-governance.js [--sizes 1000,5000]
 */
import { measureConnector, measureNaive, type CustomerMode, type GovernanceRow } from './governance-runs';
import { formatTable } from './table';

const MODES: readonly CustomerMode[] = ['default customer', 'per-buyer customers'];

export async function runImportGovernance(sizes: readonly number[] = [1000, 5000]): Promise<GovernanceRow[]> {
  const rows: GovernanceRow[] = [];
  for (const mode of MODES) {
    for (const size of sizes) {
      rows.push(await measureConnector(size, mode));
      rows.push(await measureNaive(size, mode));
    }
  }
  return rows;
}

const fixed = (n: number): string => n.toFixed(2);

export function formatGovernance(rows: readonly GovernanceRow[]): string {
  const table = formatTable(
    [
      'importer',
      'customers',
      'orders',
      'sales orders',
      'units/order',
      'map mean',
      'map max',
      'MR runs',
      'upsert units/order',
      's',
    ],
    rows.map((r) => [
      r.importer,
      r.mode,
      String(r.orders),
      String(r.salesOrders),
      fixed(r.unitsPerOrder),
      fixed(r.mapMean),
      String(r.mapMax),
      String(r.runs),
      r.upsertUnitsPerOrder === null ? '-' : fixed(r.upsertUnitsPerOrder),
      r.seconds.toFixed(1),
    ]),
  );
  const lines = [
    'Import governance (NetSuite usage units; map limit 1,000 per invocation)',
    table,
    'units/order = every unit of the import job(s) (getInputData + map + summarize) / sales orders created.',
  ];
  for (const mode of MODES) {
    const connector = rows.filter((r) => r.importer === 'connector' && r.mode === mode);
    const naive = rows.filter((r) => r.importer === 'naive baseline' && r.mode === mode);
    const [small, large] = [connector[0], connector[connector.length - 1]];
    if (small && large && small !== large) {
      lines.push(
        `${mode}: connector ${fixed(small.unitsPerOrder)} → ${fixed(large.unitsPerOrder)} units/order from ${small.orders} to ${large.orders} orders (ratio ${(large.unitsPerOrder / small.unitsPerOrder).toFixed(3)})`,
      );
    }
    if (connector[0] && naive[0]) {
      lines.push(
        `${mode}: naive baseline uses ${(naive[0].unitsPerOrder / connector[0].unitsPerOrder).toFixed(2)}× the connector's units per order`,
      );
    }
  }
  return lines.join('\n');
}

function sizesFromArgs(args: readonly string[]): number[] | undefined {
  const index = args.indexOf('--sizes');
  if (index < 0) return undefined;
  const sizes = (args[index + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--sizes takes a comma-separated list of positive integers, e.g. --sizes 1000,5000');
  return sizes;
}

if (require.main === module) {
  runImportGovernance(sizesFromArgs(process.argv.slice(2))).then(
    (rows) => console.log(formatGovernance(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

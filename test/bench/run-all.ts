/** `npm run bench`: every benchmark once, one after the other, printing each table. */
import { formatFulfillmentCost, runFulfillmentCost } from './fulfillment-cost';
import { formatFulfillmentsII, runFulfillmentsII } from './fulfillments-ii-runs';
import { formatGovernance, runImportGovernance } from './import-governance';
import { formatInventoryBench, inventoryOptionsFromArgs, runInventoryBench } from './inventory-sync';
import { formatOversellBench, oversellOptionsFromArgs, runOversellBench } from './inventory-oversell';
import { formatReturnsUsage, runReturnsUsage } from './returns-usage';
import { formatDoctorCost, runDoctorCost } from './doctor-cost';
import { formatReceive, receiveOptionsFromArgs, runWebhookReceive } from './webhook-receive';

async function main(): Promise<void> {
  console.log(formatGovernance(await runImportGovernance()));
  console.log('');
  console.log(formatReturnsUsage(await runReturnsUsage()));
  console.log('');
  const receive = receiveOptionsFromArgs(process.argv.slice(2));
  console.log(formatReceive(await runWebhookReceive(receive), receive));
  console.log('');
  console.log(formatFulfillmentCost(await runFulfillmentCost()));
  console.log('');
  console.log(formatInventoryBench(await runInventoryBench(inventoryOptionsFromArgs(process.argv.slice(2)))));
  console.log('');
  console.log(formatOversellBench(await runOversellBench(oversellOptionsFromArgs(process.argv.slice(2)))));
  console.log('');
  console.log(formatFulfillmentsII(await runFulfillmentsII()));
  console.log('');
  console.log(formatDoctorCost(await runDoctorCost()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

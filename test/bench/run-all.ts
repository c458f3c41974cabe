import { formatGovernance, runImportGovernance } from './import-governance';
import { formatReceive, receiveOptionsFromArgs, runWebhookReceive } from './webhook-receive';

/** `npm run bench`: every benchmark once, one after the other, printing each table. */
async function main(): Promise<void> {
  console.log(formatGovernance(await runImportGovernance()));
  console.log('');
  console.log(formatReceive(await runWebhookReceive(receiveOptionsFromArgs(process.argv.slice(2)))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

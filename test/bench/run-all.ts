import { formatGovernance, runImportGovernance } from './import-governance';
import { formatIngest, ingestOptionsFromArgs, runWebhookIngest } from './webhook-ingest';

/** `npm run bench`: every benchmark once, one after the other, printing each table. */
async function main(): Promise<void> {
  console.log(formatGovernance(await runImportGovernance()));
  console.log('');
  console.log(formatIngest(await runWebhookIngest(ingestOptionsFromArgs(process.argv.slice(2)))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Every place that checks a TikTok id — the RESTlet contract (shared-types), the bridge's webhook parser,
 * its CLI and its TikTok response schemas — agrees on one shape (`shared-types/src/ids/tiktok-id.ts`): an
 * id one side accepts, the other accepts too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWarehousesUpsert } from '../../../shared-types/src/contract/warehouse-upsert';
import { isTikTokId } from '../../../shared-types/src/ids/tiktok-id';
import { runCli } from '../cli';
import { authorizedShopsSchema } from '../tiktok/schemas';
import { parseWebhook } from '../webhooks/events';

const digits = (n: number): string => '7'.repeat(n);

function webhookAccepts(id: string): boolean {
  const body = { type: 1, tts_notification_id: 'n1', shop_id: id, timestamp: 1, data: { order_id: id } };
  return parseWebhook(Buffer.from(JSON.stringify(body))).valid;
}

function authorizedShopsAccepts(id: string): boolean {
  const shop = { id, name: 'Mugs', region: 'US', seller_type: 'LOCAL', cipher: 'c' };
  return authorizedShopsSchema.safeParse({ shops: [shop] }).success;
}

function restletAccepts(id: string): boolean {
  const warehouse = { id, name: 'Main', type: 'SALES_WAREHOUSE', isDefault: true };
  return validateWarehousesUpsert({ shopId: id, warehouses: [warehouse] }).ok;
}

describe('one TikTok id shape for the RESTlet, the webhook parser, the CLI and TikTok responses', () => {
  let dir: string;
  const io = { out: () => undefined, err: () => undefined };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tiktok-id-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cliAccepts(id: string): Promise<boolean> {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'b.db')}` };
    return runCli(['retry-dead', '--shop', id], env, io).then(
      (code) => code === 0,
      () => false,
    );
  }

  it.each([
    ['an 18-digit order id', digits(18), true],
    ['a 33-digit id (accepted by NetSuite, refused by the bridge before)', digits(33), true],
    ['a 64-digit id', digits(64), true],
    ['a 65-digit id (refused by NetSuite, accepted from TikTok before)', digits(65), false],
    ['an id with a letter', '12ab', false],
  ])('%s (%s): accepted by every checker = %s', async (_what, id, accepted) => {
    expect({
      shared: isTikTokId(id),
      restlet: restletAccepts(id),
      webhook: webhookAccepts(id),
      cli: await cliAccepts(id),
      authorizedShops: authorizedShopsAccepts(id),
    }).toEqual({
      shared: accepted,
      restlet: accepted,
      webhook: accepted,
      cli: accepted,
      authorizedShops: accepted,
    });
  });
});

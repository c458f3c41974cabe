/**
 * The whole BridgeStore contract: every part's suite (`contract/`), plus the lifecycle. An
 * implementation's test file calls `runStoreContract(name, factory)`; the factory returns a fresh,
 * empty store. A part's suite can also run alone (e.g. `runJobContract`).
 */
import { runAdminSessionContract } from './contract/admin-sessions';
import { runCoordinationContract } from './contract/coordination';
import { runCursorContract } from './contract/cursors';
import { runDispatchWatchContract } from './contract/dispatch-watch';
import { runErrorLogContract } from './contract/errors';
import { useFreshStore, type StoreFactory } from './contract/fixtures';
import { runInventoryContract } from './contract/inventory';
import { runJobContract } from './contract/jobs';
import { runOAuthStateContract } from './contract/oauth-states';
import { runOutboxAckContract } from './contract/outbox-acks';
import { runShopContract } from './contract/shops';
import { runTokenContract } from './contract/tokens';
import { runWebhookContract } from './contract/webhooks';

export type { StoreFactory } from './contract/fixtures';

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`BridgeStore contract: ${name}`, () => {
    describe('lifecycle', () => {
      const store = useFreshStore(factory);
      it('answers ping while open', async () => {
        await expect(store().ping()).resolves.toBeUndefined();
      });
    });
    runShopContract(name, factory);
    runTokenContract(name, factory);
    runOAuthStateContract(name, factory);
    runAdminSessionContract(name, factory);
    runWebhookContract(name, factory);
    runJobContract(name, factory);
    runCursorContract(name, factory);
    runErrorLogContract(name, factory);
    runOutboxAckContract(name, factory);
    runDispatchWatchContract(name, factory);
    runInventoryContract(name, factory);
    runCoordinationContract(name, factory);
  });
}

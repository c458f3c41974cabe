/**
 * Registers every secret a configuration holds with the process's secret registry, so text is
 * scrubbed of them by value (`core/secret-registry.ts`): the TikTok app secret, the NetSuite
 * consumer and token secrets, the admin and metrics tokens, the encryption keys (current and
 * previous), the previous app secret of a secret change, and the cookie keys
 * derived from the admin token. Called by `createBridge` and by CLI commands that show stored text.
 */
import type { BridgeConfig } from '../config';
import { knownSecrets, type SecretRegistry } from '../core/secret-registry';
import { ADMIN_COOKIE_KEY_LABEL, CSRF_KEY_LABEL, deriveKey, OAUTH_STATE_COOKIE_KEY_LABEL } from './keys';

export function registerConfigSecrets(config: BridgeConfig, registry: SecretRegistry = knownSecrets): void {
  if (config.mode === 'live') {
    registry.add(config.tiktok.appSecret, { pinned: true });
    registry.add(config.tiktok.previousAppSecret?.appSecret, { pinned: true });
    registry.add(config.netsuite.consumerSecret, { pinned: true });
    registry.add(config.netsuite.tokenSecret, { pinned: true });
  }
  registry.add(config.metricsToken, { pinned: true });
  if (config.adminToken !== undefined) {
    registry.add(config.adminToken, { pinned: true });
    registry.addBytes(deriveKey(config.adminToken, ADMIN_COOKIE_KEY_LABEL));
    registry.addBytes(deriveKey(config.adminToken, OAUTH_STATE_COOKIE_KEY_LABEL));
    registry.addBytes(deriveKey(config.adminToken, CSRF_KEY_LABEL));
  }
  registry.addBytes(config.encryptionKey);
  for (const key of config.previousEncryptionKeys ?? []) registry.addBytes(key);
}

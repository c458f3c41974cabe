/**
 * The TBA credentials the emulated account issues for an integration and its access token.
 */
import crypto from 'node:crypto';
import type { TbaCredentials } from './tba/verifier';

/** Integration + access token credentials, as NetSuite issues them (64 hex characters each). */
export interface IntegrationCredentials extends TbaCredentials {
  /** The account id to send as the OAuth `realm`. */
  realm: string;
}

export function generateCredentials(realm: string): IntegrationCredentials {
  const hex = (): string => crypto.randomBytes(32).toString('hex');
  return { consumerKey: hex(), consumerSecret: hex(), tokenId: hex(), tokenSecret: hex(), realm };
}

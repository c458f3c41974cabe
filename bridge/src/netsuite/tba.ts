/**
 * OAuth 1.0a Token-Based Authentication for RESTlets (Oracle help, Token-based Authentication) with the
 * `oauth-1.0a` package: HMAC-SHA256 from node:crypto, the RESTlet URL's query parameters
 * (script, deploy, action) in the signature, the JSON body not signed, and `realm` = account id
 * placed in the header only (it is not part of the base string). A fresh nonce and timestamp
 * per call.
 */
import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { NetSuiteSettings } from '../config';

export interface TbaSigner {
  authorizationHeader(method: string, url: string): string;
}

export function createTbaSigner(
  settings: Pick<
    NetSuiteSettings,
    'accountId' | 'consumerKey' | 'consumerSecret' | 'tokenId' | 'tokenSecret'
  >,
  nowSeconds: () => number,
  nonce: () => string = () => randomBytes(16).toString('hex'),
): TbaSigner {
  const oauth = new OAuth({
    consumer: { key: settings.consumerKey, secret: settings.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: settings.accountId,
    hash_function: (baseString, key) => createHmac('sha256', key).update(baseString).digest('base64'),
  });
  oauth.getTimeStamp = nowSeconds;
  oauth.getNonce = nonce;
  const token = { key: settings.tokenId, secret: settings.tokenSecret };
  return {
    authorizationHeader(method, url) {
      const data = oauth.authorize({ url, method: method.toUpperCase() }, token);
      return oauth.toHeader(data).Authorization;
    },
  };
}

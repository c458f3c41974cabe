import crypto from 'node:crypto';
import path from 'node:path';
import OAuth from 'oauth-1.0a';
import type { NetSuiteEmulator } from '../../emulator';
import { materializeFixture } from '../../../../../test/support/fixture-project';

/** The user-event and Suitelet fixture project, and signed RESTlet calls against it. */

export const UI_FIXTURE_ROOT = materializeFixture(path.join(__dirname, 'ui-fixture'));
export const SHOP = 'customrecord_test_shop';
export const AUDIT = 'customrecord_test_audit';
export const SUITELET = 'customscript_test_sl_shops';
export const SUITELET_DEPLOY = 'customdeploy_test_sl_shops';

export interface JsonResponse {
  status: number;
  json: Record<string, unknown> & { error?: { code: string; message: string } };
}

export async function callShopRestlet(
  ns: NetSuiteEmulator,
  body: Record<string, unknown>,
): Promise<JsonResponse> {
  const url = ns.restletUrl('customscript_test_rl_shop', 'customdeploy_test_rl_shop');
  const c = ns.credentials;
  const oauth = new OAuth({
    consumer: { key: c.consumerKey, secret: c.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: c.realm,
    hash_function: (base, key) => crypto.createHmac('sha256', key).update(base).digest('base64'),
  });
  const header = oauth.toHeader(
    oauth.authorize({ url, method: 'POST' }, { key: c.tokenId, secret: c.tokenSecret }),
  );
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...header, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as JsonResponse['json'] };
}

export interface Audit {
  event: unknown;
  context: unknown;
  record: unknown;
  detail: Record<string, unknown>;
}

export function audits(ns: NetSuiteEmulator): Audit[] {
  return ns.store.all(AUDIT).map((r) => ({
    event: r.fields.custrecord_test_audit_event,
    context: r.fields.custrecord_test_audit_context,
    record: r.fields.custrecord_test_audit_record,
    detail: JSON.parse(String(r.fields.custrecord_test_audit_detail)) as Record<string, unknown>,
  }));
}

/**
 * What a browser would post for the first form in `html`: hidden, text and number inputs, checked
 * checkboxes, textareas and selected options, then `overrides` (a value of null removes the name).
 */
export function formPayload(html: string, overrides: Record<string, string | null> = {}): URLSearchParams {
  const decode = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const attr = (tag: string, name: string): string | null => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m?.[1] === undefined ? null : decode(m[1]);
  };
  const pairs: [string, string][] = [];
  for (const m of html.matchAll(
    /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (name === null || /\sdisabled/.test(tag.split('>')[0] ?? '')) continue;
    if (tag.startsWith('<textarea')) pairs.push([name, decode(m[1] ?? '')]);
    else if (tag.startsWith('<select')) {
      for (const o of (m[2] ?? '').matchAll(/<option value="([^"]*)" selected>/g))
        pairs.push([name, decode(o[1] ?? '')]);
    } else if (attr(tag, 'type') !== 'checkbox' || /\schecked/.test(tag))
      pairs.push([name, attr(tag, 'value') ?? '']);
  }
  const params = new URLSearchParams();
  for (const [k, v] of pairs) if (!(k in overrides)) params.append(k, v);
  for (const [k, v] of Object.entries(overrides)) if (v !== null) params.append(k, v);
  return params;
}

import crypto from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { EmulatedAccount } from '../account';
import type { IntegrationCredentials } from '../credentials';
import { createTestKit, deployment, errorModule, resolveFixturePath, script } from './helpers';

const ECHO = 'customscript_tts_rl_echo';
const ECHO_DEPLOY = 'customdeploy_tts_rl_echo';

interface Signed {
  credentials: IntegrationCredentials;
  realm?: string;
  method?: string;
  timestamp?: number;
  nonce?: string;
  signatureMethod?: string;
}

function authorization(url: string, options: Signed): string {
  const method = options.signatureMethod ?? 'HMAC-SHA256';
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  const oauth = new OAuth({
    consumer: { key: options.credentials.consumerKey, secret: options.credentials.consumerSecret },
    signature_method: method,
    realm: options.realm ?? options.credentials.realm,
    hash_function: (base, key) => crypto.createHmac(algorithm, key).update(base).digest('base64'),
  });
  if (options.timestamp !== undefined) {
    const ts = options.timestamp;
    oauth.getTimeStamp = () => ts;
  }
  if (options.nonce !== undefined) {
    const nonce = options.nonce;
    oauth.getNonce = () => nonce;
  }
  const data = oauth.authorize(
    { url, method: options.method ?? 'GET' },
    { key: options.credentials.tokenId, secret: options.credentials.tokenSecret },
  );
  return oauth.toHeader(data).Authorization;
}

async function call(
  account: EmulatedAccount,
  url: string,
  init: { method?: string; body?: string; contentType?: string; sign?: Partial<Signed> | false } = {},
): Promise<{
  status: number;
  body: string;
  json: () => { error: { code: string; message: string } } & Record<string, unknown>;
}> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (init.sign !== false) {
    headers.Authorization = authorization(url, {
      credentials: account.credentials,
      method,
      ...(init.sign ?? {}),
    });
  }
  if (init.contentType) headers['Content-Type'] = init.contentType;
  const res = await fetch(url, { method, headers, body: init.body });
  const body = await res.text();
  return { status: res.status, body, json: () => JSON.parse(body) };
}

describe('RESTlet host', () => {
  let account: EmulatedAccount;
  const kit = createTestKit();

  beforeAll(async () => {
    account = await EmulatedAccount.open({
      project: {
        resolveFileCabinetPath: resolveFixturePath,
        scripts: [
          script('restlet', ECHO, 'rl_echo.js', [
            deployment(ECHO_DEPLOY),
            deployment('customdeploy_tts_rl_echo_test', { status: 'TESTING' }),
          ]),
          script('restlet', 'customscript_tts_rl_old', 'rl_old_api.js', [
            deployment('customdeploy_tts_rl_old'),
          ]),
        ],
      },
      modules: { 'N/error': errorModule, 'N/testkit': kit },
      accountId: 'TSTDRV1234567',
      concurrencyLimit: 2,
      restletLatencyMs: 150,
    });
  });

  afterAll(async () => {
    await account.stop();
  });

  it('answers a validly signed GET with the entry point result as JSON', async () => {
    const url = `${account.restletUrl(ECHO, ECHO_DEPLOY)}&action=ping&note=${encodeURIComponent('a b/c')}`;
    const res = await call(account, url);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      method: 'GET',
      params: { action: 'ping', note: 'a b/c' },
      context: 'RESTLET',
    });
    expect(account.authAudit.at(-1)).toMatchObject({ status: 'Success', detail: null });
    const last = account.invocations.at(-1);
    expect(last).toMatchObject({
      kind: 'restlet',
      scriptId: ECHO,
      deploymentId: ECHO_DEPLOY,
      error: null,
      label: 'ping',
    });
  });

  it('accepts numeric script and deploy ids', async () => {
    const script = account.registry.findScript(ECHO);
    const res = await call(account, account.restletUrl(script?.internalId ?? 0, 1));
    expect(res.status).toBe(200);
  });

  it('passes a JSON body as an object and a text/plain body as a string', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const json = await call(account, url, {
      method: 'POST',
      body: '{"orders":[1,2]}',
      contentType: 'application/json',
    });
    expect(json.status).toBe(200);
    expect(json.json()).toEqual({ method: 'POST', received: { orders: [1, 2] }, remaining: 5000 });
    const text = await call(account, url, { method: 'POST', body: 'hello', contentType: 'text/plain' });
    expect(text.status).toBe(200);
    expect(text.body).toBe('echo:hello');
  });

  it('returns text for string results', async () => {
    const res = await call(account, `${account.restletUrl(ECHO, ECHO_DEPLOY)}&text=hi`);
    expect(res.body).toBe('text:hi');
  });

  it('refuses a body without Content-Type (415) and a method without entry point (405)', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const noType = await fetch(url, {
      method: 'POST',
      headers: { Authorization: authorization(url, { credentials: account.credentials, method: 'POST' }) },
      body: new TextEncoder().encode('{}'),
    });
    expect(noType.status).toBe(415);
    const form = await call(account, url, {
      method: 'POST',
      body: 'a=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const put = await call(account, url, { method: 'PUT', body: '{}', contentType: 'application/json' });
    expect(put.status).toBe(405);
    const del = await call(account, url, { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('answers an error.create error with 400 and the SuiteScriptError as JSON text in error.message', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const res = await call(account, url, {
      method: 'POST',
      body: '{"throw":"ns"}',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('TTS_INVALID_REQUEST');
    const inner = JSON.parse(error.message) as Record<string, unknown>;
    expect(Object.keys(inner)).toEqual([
      'type',
      'name',
      'message',
      'stack',
      'cause',
      'id',
      'notifyOff',
      'userFacing',
    ]);
    expect(inner).toMatchObject({
      type: 'error.SuiteScriptError',
      name: 'TTS_INVALID_REQUEST',
      message: 'orders must be an array',
      cause: { name: 'TTS_INVALID_REQUEST', message: 'orders must be an array', notifyOff: false },
      id: '',
      notifyOff: false,
      userFacing: true,
    });
    expect(Array.isArray(inner.stack)).toBe(true);
  });

  it('turns a JavaScript error into 400 JS_EXCEPTION', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const res = await call(account, url, {
      method: 'POST',
      body: '{"throw":"js"}',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.json().error.code).toBe('JS_EXCEPTION');
    expect(res.json().error.message).toMatch(/^TypeError: /);
  });

  it('stops a request that goes over 5,000 units with 400 SSS_USAGE_LIMIT_EXCEEDED', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const ok = await call(account, url, {
      method: 'POST',
      body: '{"spend":5000}',
      contentType: 'application/json',
    });
    expect(ok.status).toBe(200);
    const over = await call(account, url, {
      method: 'POST',
      body: '{"spend":5001}',
      contentType: 'application/json',
    });
    expect(over.status).toBe(400);
    expect(over.json().error.code).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    const inner = JSON.parse(over.json().error.message) as Record<string, unknown>;
    expect(Object.keys(inner)).toEqual([
      'type',
      'name',
      'message',
      'id',
      'stack',
      'cause',
      'notifyOff',
      'userFacing',
    ]);
    expect(inner).toMatchObject({
      type: 'error.SuiteScriptError',
      name: 'SSS_USAGE_LIMIT_EXCEEDED',
      cause: { type: 'internal error', code: 'SSS_USAGE_LIMIT_EXCEEDED', userEvent: null },
      userFacing: true,
    });
  });

  it('serves only RELEASED deployments of RESTlet scripts', async () => {
    const testing = await call(account, account.restletUrl(ECHO, 'customdeploy_tts_rl_echo_test'));
    expect(testing.status).toBe(400);
    expect(testing.json().error.code).toBe('SSS_INVALID_SCRIPTLET_ID');
    const unknown = await call(account, account.restletUrl('customscript_nope', 1));
    expect(unknown.json().error.code).toBe('SSS_INVALID_SCRIPTLET_ID');
  });

  it('refuses a script file whose header is not SuiteScript 2.1', async () => {
    const res = await call(account, account.restletUrl('customscript_tts_rl_old', 'customdeploy_tts_rl_old'));
    expect(res.status).toBe(400);
    expect(res.json().error.message).toContain('@NApiVersion 2.1');
  });

  it('refuses a bad signature with 401 INVALID_LOGIN_ATTEMPT and audits InvalidSignature', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const res = await call(account, url, {
      sign: { credentials: { ...account.credentials, tokenSecret: 'wrong' } },
    });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' },
    });
    expect(account.authAudit.at(-1)?.detail).toBe('InvalidSignature');
  });

  it('refuses a request signed for other query parameters', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const header = authorization(`${url}&action=ping`, { credentials: account.credentials });
    const res = await fetch(`${url}&action=delete`, { headers: { Authorization: header } });
    expect(res.status).toBe(401);
    expect(account.authAudit.at(-1)?.detail).toBe('InvalidSignature');
  });

  it('refuses a replayed nonce', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const header = authorization(url, { credentials: account.credentials });
    const first = await fetch(url, { headers: { Authorization: header } });
    expect(first.status).toBe(200);
    const replay = await fetch(url, { headers: { Authorization: header } });
    expect(replay.status).toBe(401);
    expect(account.authAudit.at(-1)?.detail).toBe('InvalidNonce');
  });

  it('refuses stale and future timestamps', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const now = Math.floor(Date.now() / 1000);
    const stale = await call(account, url, {
      sign: { credentials: account.credentials, timestamp: now - 301 },
    });
    expect(stale.status).toBe(401);
    expect(account.authAudit.at(-1)?.detail).toBe('InvalidTimestamp');
    const future = await call(account, url, {
      sign: { credentials: account.credentials, timestamp: now + 301 },
    });
    expect(future.status).toBe(401);
    expect(account.authAudit.at(-1)?.detail).toBe('InvalidTimestamp');
    const recent = await call(account, url, {
      sign: { credentials: account.credentials, timestamp: now - 200 },
    });
    expect(recent.status).toBe(200);
  });

  it('refuses a wrong realm, HMAC-SHA1, unknown consumers and tokens, and a missing header', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const cases: [Partial<Signed> | false, string][] = [
      [{ credentials: account.credentials, realm: '1234567_SB1' }, 'InvalidAccount'],
      [{ credentials: account.credentials, signatureMethod: 'HMAC-SHA1' }, 'UnsupportedSignatureMethod'],
      [{ credentials: { ...account.credentials, consumerKey: 'c'.repeat(64) } }, 'consumer_key_unknown'],
      [{ credentials: { ...account.credentials, tokenId: 't'.repeat(64) } }, 'TokenRejected'],
      [false, 'MissingAuthorizationHeader'],
    ];
    for (const [sign, detail] of cases) {
      const res = await call(account, url, { sign });
      expect([res.status, res.json().error.code, account.authAudit.at(-1)?.detail]).toEqual([
        401,
        'INVALID_LOGIN_ATTEMPT',
        detail,
      ]);
    }
  });

  it('accepts added credentials and a sandbox-style realm only when it is the account id', async () => {
    const extra = {
      consumerKey: 'ck-extra',
      consumerSecret: 'cs!*() extra',
      tokenId: 'tk-extra',
      tokenSecret: "ts'extra",
    };
    account.addCredentials(extra);
    const res = await call(account, account.restletUrl(ECHO, ECHO_DEPLOY), {
      sign: { credentials: { ...extra, realm: account.accountId } },
    });
    expect(res.status).toBe(200);
  });

  it('answers requests beyond the concurrency limit with 400 SSS_REQUEST_LIMIT_EXCEEDED', async () => {
    const url = account.restletUrl(ECHO, ECHO_DEPLOY);
    const results = await Promise.all([0, 1, 2, 3].map(() => call(account, url)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 400, 400]);
    const refused = results.find((r) => r.status === 400);
    expect(refused?.json().error.code).toBe('SSS_REQUEST_LIMIT_EXCEEDED');
    expect(account.peakRestletConcurrency).toBe(2);
    const after = await call(account, url);
    expect(after.status).toBe(200);
  });
});

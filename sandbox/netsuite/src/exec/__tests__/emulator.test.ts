import crypto from 'node:crypto';
import path from 'node:path';
import OAuth from 'oauth-1.0a';
import { TestClock } from '../../../../../test/support/test-clock';
import { NetSuiteEmulator } from '../../emulator';
import { FIXTURE_ROOT } from './helpers';

const RL = 'customscript_test_rl_notes';
const RL_DEPLOY = 'customdeploy_test_rl_notes';

function signedFetch(
  emulator: NetSuiteEmulator,
  url: string,
  method: string,
  body?: unknown,
): Promise<Response> {
  const c = emulator.credentials;
  const oauth = new OAuth({
    consumer: { key: c.consumerKey, secret: c.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: c.realm,
    hash_function: (base, key) => crypto.createHmac('sha256', key).update(base).digest('base64'),
  });
  const header = oauth.toHeader(oauth.authorize({ url, method }, { key: c.tokenId, secret: c.tokenSecret }));
  return fetch(url, {
    method,
    headers: { ...header, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('NetSuiteEmulator', () => {
  let emulator: NetSuiteEmulator;
  const clock = new TestClock('2026-01-15T12:00:00Z');

  beforeAll(async () => {
    emulator = await NetSuiteEmulator.start({
      projectRoot: path.join(FIXTURE_ROOT),
      clock,
      accountId: '1234567_SB1',
    });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('serves the project RESTlet, stores records and runs the submitted map/reduce from the queue', async () => {
    const url = emulator.restletUrl(RL, RL_DEPLOY);
    const ping = await signedFetch(emulator, url, 'GET');
    expect(await ping.json()).toEqual({ ok: true, account: '1234567_SB1' });

    const first = await signedFetch(emulator, url, 'POST', { text: 'hello' });
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { id: number; queued: boolean };
    expect(firstBody.queued).toBe(true);
    const second = await signedFetch(emulator, url, 'POST', { text: 'world' });
    expect(((await second.json()) as { queued: boolean }).queued).toBe(false);
    const bad = await signedFetch(emulator, url, 'POST', { text: 5 });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { code: string; message: string } };
    expect(badBody.error.code).toBe('TEST_INVALID_REQUEST');
    expect(JSON.parse(badBody.error.message)).toMatchObject({
      type: 'error.SuiteScriptError',
      name: 'TEST_INVALID_REQUEST',
      message: 'text must be a string',
    });

    const [task] = await emulator.runQueuedTasks();
    expect(task?.status).toBe('COMPLETE');
    expect(task?.mapReduce?.inputCount).toBe(2);
    expect(task?.mapReduce?.mapErrors).toEqual([]);
    const notes = emulator.store
      .all('customrecord_test_note')
      .map((r) => [r.fields.custrecord_test_note_upper, r.fields.custrecord_test_note_done]);
    expect(notes).toEqual([
      ['HELLO', true],
      ['WORLD', true],
    ]);
    expect(emulator.logs.map((l) => l.title)).toEqual(['note stored', 'note stored', 'notes processed']);
    const restlets = emulator.invocations.filter((i) => i.kind === 'restlet');
    expect(restlets.map((i) => i.units)).toEqual([0, 26, 26, 0]);
    expect(emulator.invocations.filter((i) => i.kind === 'mapreduce.map').map((i) => i.units)).toEqual([
      2, 2,
    ]);
  });

  it('runs the SCHEDULED map/reduce deployment when the clock reaches its next time', async () => {
    expect(emulator.scheduledDeployments()).toEqual([
      'customscript_test_mr_notes/customdeploy_test_mr_notes_sched',
    ]);
    clock.advance(15 * 60_000);
    const tick = await emulator.tick();
    expect(tick.ran.map((r) => [r.deploymentId, r.status, r.mapReduce?.inputCount])).toEqual([
      ['customdeploy_test_mr_notes_sched', 'COMPLETE', 0],
    ]);
  });
});

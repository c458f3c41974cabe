import { startHarness, type Harness } from './support/harness';

/** Issue #8, finding 4: the bridge listens where HOST says (default loopback), never silently everywhere. */
describe('HOST: the interface the bridge listens on', () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('listens on 127.0.0.1 only by default, and says so', async () => {
    h = await startHarness();
    expect(h.config.host).toBe('127.0.0.1');
    expect(h.address).toBe('127.0.0.1');
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.logs()).toMatch(/"host":"127\.0\.0\.1","address":"127\.0\.0\.1".*"msg":"bridge listening"/);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('listens on every interface only when HOST says so, with a warning in the log', async () => {
    h = await startHarness({}, { config: { host: '0.0.0.0' } });
    expect(h.address).toBe('0.0.0.0');
    expect(h.logs()).toMatch(/"level":40.*"msg":"bridge listening on EVERY network interface \(HOST\)/);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

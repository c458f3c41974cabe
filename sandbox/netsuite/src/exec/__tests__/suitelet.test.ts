import { TestClock } from '../../../../../test/support/test-clock';
import { NetSuiteEmulator } from '../../emulator';
import {
  SHOP,
  SUITELET,
  SUITELET_DEPLOY,
  UI_FIXTURE_ROOT,
  audits,
  callShopRestlet,
  formPayload,
} from './ui-helpers';

describe('Suitelets', () => {
  let ns: NetSuiteEmulator;
  let url: string;
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${ns.uiToken}` });

  beforeEach(async () => {
    ns = await NetSuiteEmulator.start({
      projectRoot: UI_FIXTURE_ROOT,
      clock: new TestClock('2026-01-15T12:00:00Z'),
    });
    url = ns.suiteletUrl(SUITELET, SUITELET_DEPLOY);
  });

  afterEach(async () => {
    await ns.stop();
  });

  const post = (body: URLSearchParams, target = url): Promise<Response> =>
    fetch(target, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });

  it('refuses requests without the UI session with 401 and the login message', async () => {
    const anonymous = await fetch(url);
    const wrongToken = await fetch(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer nope' },
      body: 'a=1',
    });
    const otherCookie = await fetch(url, { headers: { Cookie: 'JSESSIONID=stale' } });
    expect([anonymous.status, wrongToken.status, otherCookie.status]).toEqual([401, 401, 401]);
    expect(await anonymous.text()).toContain('You must log in before accessing this page.');
    expect(ns.invocations).toHaveLength(0);
  });

  it('logs a browser in with the login URL, whose cookie then opens the page', async () => {
    const login = await fetch(ns.uiLoginUrl('/app/site/hosting/scriptlet.nl?script=x'), {
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/app/site/hosting/scriptlet.nl?script=x');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toBe(ns.uiSessionCookie);
    const page = await fetch(`${url}&mode=text`, { headers: { Cookie: cookie } });
    expect([page.status, await page.text()]).toEqual([200, 'SUITELET 1000']);
    const badLogin = await fetch(ns.uiLoginUrl().replace(ns.uiToken, 'guess'), { redirect: 'manual' });
    expect(badLogin.status).toBe(401);
  });

  it('renders a serverWidget form as readable HTML that posts back to the Suitelet', async () => {
    ns.seed.customer({ companyname: 'Acme <Retail>' });
    const first = ns.seed.record(SHOP, { custrecord_test_shop_name: 'First & Best' });
    const res = await fetch(url, { headers: auth() });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-test-page')).toBe('shops');
    expect(html).toContain('<title>Test Shops</title>');
    expect(html).toContain(
      `<form method="POST" action="/app/site/hosting/scriptlet.nl?script=${SUITELET}&amp;deploy=${SUITELET_DEPLOY}" enctype="application/x-www-form-urlencoded">`,
    );
    expect(html).toContain(
      '<label for="custpage_name">Shop name <span class="mandatory">*</span></label> <input type="text" name="custpage_name" id="custpage_name" value="" required>',
    );
    expect(html).toContain(
      '<textarea name="custpage_pm_map" id="custpage_pm_map">{&quot;*&quot;: &quot;1&quot;}</textarea>',
    );
    expect(html).toContain(
      '<input type="checkbox" name="custpage_active" id="custpage_active" value="T" checked>',
    );
    expect(html).toContain(
      '<option value="local">Local</option><option value="cross" selected>Cross-border</option>',
    );
    expect(html).toMatch(/<option value="\d+">Acme &lt;Retail&gt;<\/option>/);
    expect(html).toContain(
      '<input type="number" name="custpage_count" id="custpage_count" value="3" step="1">',
    );
    expect(html).toContain(
      '<input type="number" name="custpage_fee" id="custpage_fee" value="" step="0.01">',
    );
    expect(html).toContain(
      '<div class="inlinehtml" id="custpage_help"><p class="help">Enter <b>JSON</b></p></div>',
    );
    expect(html).toContain('Saved shops are listed below &amp; can be marked');
    expect(html).toContain('<input type="hidden" name="custpage_format" value="page">');
    expect(html).toContain('<th>Pick</th><th>ID</th><th>Name</th>');
    expect(html).toContain(
      `${first}<input type="hidden" name="custpage_shops:custpage_id:0" value="${first}">`,
    );
    expect(html).toContain('First &amp; Best');
    expect(html).toContain(
      '<button type="button" id="custpage_shops_markall" data-markall="custpage_shops" data-mark="true">Mark All</button>',
    );
    expect(html).toContain(
      '<button type="submit" name="submitter" value="Save shop" id="submitter">Save shop</button>',
    );
    expect(html).toContain(
      '<button type="button" id="custpage_refresh" data-function="refresh">Refresh</button>',
    );
    expect(ns.invocations.map((i) => [i.kind, i.scriptId, i.deploymentId, i.error])).toEqual([
      ['suitelet', SUITELET, SUITELET_DEPLOY, null],
    ]);
  });

  it('reads the posted form back: fields, unchecked checkboxes, selects and sublist lines', async () => {
    const a = ns.seed.record(SHOP, { custrecord_test_shop_name: 'A' });
    const b = ns.seed.record(SHOP, { custrecord_test_shop_name: 'B' });
    const html = await (await fetch(url, { headers: auth() })).text();
    const body = formPayload(html, {
      custpage_name: 'Posted shop',
      custpage_active: null,
      custpage_kind: 'local',
      custpage_format: 'json',
      'custpage_shops:custpage_pick:1': 'T',
    });
    const res = await post(body);
    expect(res.headers.get('content-type')).toBe('application/json');
    const json = (await res.json()) as { id: number; picked: string[] };
    expect(json).toEqual({ id: json.id, picked: [String(b)], active: 'F', kind: 'local', count: '3' });
    expect(ns.store.get(SHOP, json.id)?.fields).toMatchObject({
      custrecord_test_shop_name: 'Posted shop',
      custrecord_test_shop_pm_map: '{"*": "1"}',
      custrecord_test_shop_state: 'checked',
    });
    expect([a, b].map((id) => ns.store.get(SHOP, id)?.fields.custrecord_test_shop_state ?? null)).toEqual([
      null,
      'picked',
    ]);
    expect(audits(ns).map((x) => [x.event, x.context])).toEqual([
      ['create', 'SUITELET'],
      ['xedit', 'SUITELET'],
    ]);
  });

  it('redirects with N/redirect after a save, to the page that shows the message', async () => {
    const html = await (await fetch(url, { headers: auth() })).text();
    const res = await post(formPayload(html, { custpage_name: 'Redirected' }));
    const id = ns.store.all(SHOP)[0]?.id;
    const internalId = ns.registry.findScript(SUITELET)?.internalId;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `/app/site/hosting/scriptlet.nl?script=${internalId}&deploy=1&saved=${id}`,
    );
    const after = await (
      await fetch(`${ns.restletBaseUrl}${res.headers.get('location')}`, { headers: auth() })
    ).text();
    expect(after).toContain(`<strong>Saved</strong> Shop ${id} saved.`);
  });

  it('answers 500 with the error page when the script or a user event throws', async () => {
    const html = await (await fetch(url, { headers: auth() })).text();
    const refused = await post(formPayload(html, { custpage_name: 'Bad', custpage_pm_map: '{' }));
    const refusedPage = await refused.text();
    expect(refused.status).toBe(500);
    expect(refusedPage).toContain('<p>Error: <code>TEST_INVALID_PM_MAP</code></p>');
    expect(ns.store.all(SHOP)).toHaveLength(0);
    const broken = await fetch(`${url}&mode=fail`, { headers: auth() });
    expect([
      broken.status,
      (await broken.text()).includes('<code>TypeError</code></p><p>the page broke</p>'),
    ]).toEqual([500, true]);
  });

  it('refuses unknown, undeployed and non-Suitelet targets', async () => {
    const targets = [
      ns.suiteletUrl('customscript_nope', 1),
      ns.suiteletUrl(SUITELET, 'customdeploy_test_sl_shops_off'),
      ns.suiteletUrl('customscript_test_rl_shop', 'customdeploy_test_rl_shop'),
    ];
    for (const target of targets) {
      const res = await fetch(target, { headers: auth() });
      expect([res.status, (await res.text()).includes('SSS_INVALID_SCRIPTLET_ID')]).toEqual([400, true]);
    }
  });

  it('resolves script and record URLs with N/url', async () => {
    const res = await callShopRestlet(ns, { action: 'urls' });
    const internalId = ns.registry.findScript(SUITELET)?.internalId;
    expect(res.json).toEqual({
      suitelet: `/app/site/hosting/scriptlet.nl?script=${internalId}&deploy=1&a=b%20c`,
      external: `${ns.restletBaseUrl}/app/site/hosting/scriptlet.nl?script=${internalId}&deploy=1&compid=TSTDRV1234567`,
      record: '/app/common/custom/custrecordentry.nl?rectype=customrecord_test_shop&id=7&e=T',
      order: '/app/accounting/transactions/salesord.nl?id=8',
    });
  });
});

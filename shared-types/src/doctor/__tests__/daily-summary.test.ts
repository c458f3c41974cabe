/// <reference types="jest" />
import type { DoctorFinding, DoctorLink } from '../doctor-checks';
import {
  canStartSummaryShop,
  composeDailySummary,
  formatNotifyProblems,
  NOTIFY_MAX_RECIPIENTS,
  parseNotifyRecipients,
  planDailySummary,
  summaryAuthor,
  summaryStoppedMessage,
  SUMMARY_RESERVE_UNITS,
  SUMMARY_SHOP_UNITS,
} from '../daily-summary';

const SHOP = { shopId: '7494049642642441621', name: 'Honeycomb <US>' };

function finding(overrides: Partial<DoctorFinding> = {}): DoctorFinding {
  return {
    id: 'orders-not-pushed',
    title: "Orders aren't being pushed to NetSuite",
    result: 'ok',
    detail: 'Push orders to NetSuite is on',
    fix: 'Turn on Push orders to NetSuite on the TikTok Shop record.',
    link: { kind: 'shop-field', field: 'custrecord_tts_shop_push_orders', label: 'Push orders to NetSuite' },
    ...overrides,
  };
}

const linkOf = (link: DoctorLink): string | null =>
  link.kind === 'bridge' ? null : `https://1234.app.netsuite.com/app/x?f=${link.label.length}&e=T`;

const BROKEN = finding({ result: 'broken', detail: 'Push orders to NetSuite is off & "paused"' });
const WARN = finding({
  id: 'late-dispatch',
  title: "Orders past TikTok's ship-by deadline",
  result: 'warn',
  detail: '2 order(s) late',
  link: { kind: 'bridge', path: '/', label: 'the bridge' },
});

function input(findings: DoctorFinding[], recipientsText: string | null = '12, ops@example.com') {
  return {
    shop: SHOP,
    findings,
    recipientsText,
    linkOf,
    homeUrl: 'https://1234.app.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1',
    date: '2026-12-06',
  };
}

describe('Notification Recipients', () => {
  it('reads employee ids and addresses, in order, without duplicates; empty is nobody', () => {
    expect(parseNotifyRecipients('12, ops@example.com;\n-5 ,OPS@example.com, 12')).toEqual({
      ok: true,
      recipients: [
        { kind: 'employee', id: 12 },
        { kind: 'address', address: 'ops@example.com' },
        { kind: 'employee', id: -5 },
      ],
    });
    expect(parseNotifyRecipients(null)).toEqual({ ok: true, recipients: [] });
    expect(parseNotifyRecipients(' , ')).toEqual({ ok: true, recipients: [] });
  });

  it('refuses what is neither, and more than 10, naming each and the fix', () => {
    const bad = parseNotifyRecipients('12, Jane Doe, ops@');
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems).toEqual([
      '"Jane Doe" is neither an employee internal id (e.g. 12) nor an email address (e.g. ops@example.com).',
      '"ops@" is neither an employee internal id (e.g. 12) nor an email address (e.g. ops@example.com).',
    ]);
    const many = Array.from({ length: NOTIFY_MAX_RECIPIENTS + 1 }, (_, i) => `a${i}@example.com`).join(',');
    const tooMany = parseNotifyRecipients(many);
    expect(tooMany.ok ? [] : tooMany.problems).toEqual([
      '11 recipients; NetSuite sends one email to at most 10: use a distribution list address for more.',
    ]);
    expect(parseNotifyRecipients(many.split(',').slice(0, 10).join(',')).ok).toBe(true);
    expect(formatNotifyProblems('Honeycomb US', problems)).toMatch(
      /^Notification Recipients of TikTok shop Honeycomb US: "Jane Doe" .* Fix: list at most 10 employee internal ids/,
    );
  });

  it('takes the first employee listed as the sender', () => {
    const parsed = parseNotifyRecipients('ops@example.com, 44, 12');
    expect(parsed.ok && summaryAuthor(parsed.recipients)).toBe(44);
    const none = parseNotifyRecipients('ops@example.com');
    expect(none.ok && summaryAuthor(none.recipients)).toBeNull();
  });
});

describe('daily summary email', () => {
  it('composes nothing when nothing is broken (warnings alone send nothing)', () => {
    expect(composeDailySummary(input([finding(), WARN]))).toBeNull();
    expect(planDailySummary(input([finding(), WARN]))).toEqual({
      send: false,
      reason: 'nothing broken',
      broken: 0,
    });
  });

  it('lists each broken check with what it found, its fix and its link, every value escaped', () => {
    const mail = composeDailySummary(input([finding(), BROKEN, WARN]))!;
    expect(mail.subject).toBe('TikTok Shop Honeycomb <US>: 1 broken check (2026-12-06)');
    expect(mail.body).toContain('Honeycomb &#60;US&#62; (7494049642642441621)');
    expect(mail.body).toContain(
      '<li><p><b>Orders aren&#39;t being pushed to NetSuite</b> (orders-not-pushed)<br>Found: Push orders to NetSuite is off &#38; &#34;paused&#34;<br>Fix: Turn on Push orders to NetSuite on the TikTok Shop record. <a href="https://1234.app.netsuite.com/app/x?f=23&#38;e=T">Push orders to NetSuite</a></p></li>',
    );
    expect(mail.body).not.toContain('late-dispatch');
    expect(mail.body).toContain('Also 1 warning. ');
    expect(mail.body).toContain(
      'href="https://1234.app.netsuite.com/app/site/hosting/scriptlet.nl?script=1&#38;deploy=1"',
    );
    expect(mail.body).not.toMatch(/<US>|& "/);
  });

  it('names a link it cannot address by its label, and the home by its menu path without an address', () => {
    const bridgeBroken = { ...WARN, result: 'broken' as const };
    const mail = composeDailySummary({ ...input([bridgeBroken, BROKEN]), homeUrl: null })!;
    expect(mail.subject).toBe('TikTok Shop Honeycomb <US>: 2 broken checks (2026-12-06)');
    expect(mail.body).toContain('2 order(s) late<br>Fix: ');
    expect(mail.body).toContain(' the bridge</p></li>');
    expect(mail.body).toContain('Setup &gt; Integration &gt; TikTok Shop Connector');
  });

  it('sends from the first employee to every recipient', () => {
    const plan = planDailySummary(input([BROKEN], 'ops@example.com, 12, finance@example.com'));
    expect(plan).toMatchObject({
      send: true,
      broken: 1,
      mail: { author: 12, recipients: ['ops@example.com', 12, 'finance@example.com'] },
    });
  });

  it('sends nothing, saying why, without recipients, without an employee or with a bad list', () => {
    expect(planDailySummary(input([BROKEN], null))).toMatchObject({
      send: false,
      reason: expect.stringContaining('no Notification Recipients'),
    });
    expect(planDailySummary(input([BROKEN], 'ops@example.com'))).toMatchObject({
      send: false,
      reason: expect.stringContaining('no employee internal id'),
    });
    expect(planDailySummary(input([BROKEN], 'ops'))).toMatchObject({
      send: false,
      reason: expect.stringContaining('"ops" is neither'),
    });
  });
});

describe('daily summary usage', () => {
  it('starts a shop only when its doctor and email fit beside the reserve', () => {
    expect(canStartSummaryShop(10_000)).toBe(true);
    expect(canStartSummaryShop(SUMMARY_SHOP_UNITS + SUMMARY_RESERVE_UNITS)).toBe(true);
    expect(canStartSummaryShop(SUMMARY_SHOP_UNITS + SUMMARY_RESERVE_UNITS - 1)).toBe(false);
    // A 10,000-unit run: 60 for the account, then at most 50 a shop (31 measured).
    let remaining = 10_000 - 60;
    let shops = 0;
    while (canStartSummaryShop(remaining)) {
      remaining -= SUMMARY_SHOP_UNITS;
      shops += 1;
    }
    expect(shops).toBeGreaterThanOrEqual(190);
    expect(remaining).toBeGreaterThanOrEqual(SUMMARY_RESERVE_UNITS);
  });

  it('names the shops a stopped run did not check', () => {
    expect(summaryStoppedMessage(250, ['Shop A', 'Shop B'])).toBe(
      'Ran low on usage after 250 shop(s); not checked today: Shop A, Shop B. They are checked on the next run; the connector home shows their checks meanwhile.',
    );
  });
});

import pino from 'pino';
import type { DoctorFinding } from '../../../../shared-types/src/doctor/doctor-checks';
import type { HttpRequest } from '../../net/http-transport';
import { loadConfig } from '../../config';
import { AlertHook } from '../alerts';
import type { DoctorReport } from '../bridge-doctor';

const finding = (
  id: DoctorFinding['id'],
  result: DoctorFinding['result'],
  detail: string,
): DoctorFinding => ({
  id,
  title: id,
  result,
  detail,
  fix: `fix ${id}`,
  link: { kind: 'bridge', path: '/', label: 'the bridge' },
});

const report = (...findings: DoctorFinding[]): DoctorReport => ({
  shops: [{ shopId: '1001', name: 'Mugs', findings }],
  broken: findings.some((f) => f.result === 'broken'),
});

describe('ALERT_WEBHOOK_URL alerts', () => {
  it('posts once per problem, again only when what it says changes, and after a repair', async () => {
    const posted: HttpRequest[] = [];
    const hook = new AlertHook(
      'https://hooks.example.com/a',
      async (request) => {
        posted.push(request);
        return { status: 200, headers: {}, text: '' };
      },
      pino({ level: 'silent' }),
    );
    const dead = report(finding('dead-letters', 'broken', 'orders: 1'), finding('governance', 'warn', 'x'));
    expect(await hook.notify(dead, 0)).toBe(1);
    expect(JSON.parse(posted[0]!.body!)).toMatchObject({
      shopId: '1001',
      check: 'dead-letters',
      result: 'broken',
      detail: 'orders: 1',
      fix: 'fix dead-letters',
      text: 'Mugs: dead-letters — orders: 1. Fix: fix dead-letters',
    });
    expect(await hook.notify(dead, 1)).toBe(0);
    expect(await hook.notify(report(finding('dead-letters', 'broken', 'orders: 2')), 2)).toBe(1);
    expect(await hook.notify(report(finding('dead-letters', 'ok', 'none')), 3)).toBe(0);
    expect(await hook.notify(report(finding('dead-letters', 'broken', 'orders: 2')), 4)).toBe(1);
    expect(
      await hook.notify(
        report(
          finding('authorization-expiry', 'warn', 'expires soon'),
          finding('late-dispatch', 'warn', '2 late'),
        ),
        5,
      ),
    ).toBe(2);
    expect(posted.map((p) => p.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'POST']);
  });

  it('keeps an alert the hook refused or could not take for the next pass', async () => {
    let status = 500;
    const hook = new AlertHook(
      'https://hooks.example.com/a',
      async () => {
        if (status === 0) throw new Error('ECONNREFUSED');
        return { status, headers: {}, text: '' };
      },
      pino({ level: 'silent' }),
    );
    const dead = report(finding('dead-letters', 'broken', 'orders: 1'));
    expect(await hook.notify(dead, 0)).toBe(0);
    status = 0;
    expect(await hook.notify(dead, 1)).toBe(0);
    status = 204;
    expect(await hook.notify(dead, 2)).toBe(1);
  });

  it('ALERT_WEBHOOK_URL must be an http(s) URL', () => {
    expect(loadConfig({ ALERT_WEBHOOK_URL: 'https://hooks.example.com/a/' })).toMatchObject({
      alertWebhookUrl: 'https://hooks.example.com/a',
    });
    expect(() => loadConfig({ ALERT_WEBHOOK_URL: 'hooks' })).toThrow(/ALERT_WEBHOOK_URL/);
  });
});

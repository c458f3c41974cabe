import { TestClock } from '../../../../../../test/support/test-clock';
import type { LogEntry } from '../../../context';
import { SuiteScriptError } from '../../../errors';
import { ServerDate } from '../../../time/zoned-date';
import { inInvocation } from '../../search/__tests__/run';
import { createCacheModule } from '../cache';
import { createEncodeModule } from '../encode';
import { createErrorModule } from '../error';
import { createFormatModule } from '../format';
import { createLogModule } from '../log';

describe('N/format', () => {
  const format = createFormatModule({ timeZone: 'America/Los_Angeles' });

  it('formats and parses dates in M/D/YYYY', () => {
    const d = format.parse({ value: '1/5/2026', type: format.Type.DATE }) as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 0, 5]);
    expect(format.format({ value: d, type: format.Type.DATE })).toBe('1/5/2026');
    expect(format.format({ value: new ServerDate(2026, 11, 31, 23, 5), type: 'datetime' })).toBe('12/31/2026 11:05 pm');
    expect(() => format.parse({ value: '2026-01-05', type: 'date' })).toThrow(
      expect.objectContaining({ name: 'INVALID_FLD_VALUE' }),
    );
    expect(() => format.parse({ value: '2/30/2026', type: 'date' })).toThrow(SuiteScriptError);
  });

  it('handles DATETIMETZ in the given zone', () => {
    const instant = new Date('2026-01-15T20:30:00Z');
    expect(format.format({ value: instant, type: format.Type.DATETIMETZ })).toBe('1/15/2026 12:30:00 pm');
    expect(format.format({ value: instant, type: 'datetimetz', timezone: format.Timezone.EUROPE_LONDON })).toBe(
      '1/15/2026 8:30:00 pm',
    );
    const parsed = format.parse({ value: '1/15/2026 12:30:00 pm', type: 'datetimetz' }) as Date;
    expect(parsed.toISOString()).toBe('2026-01-15T20:30:00.000Z');
    const summer = format.parse({ value: '7/1/2026 9:00 am', type: 'datetimetz', timezone: 'America/New_York' }) as Date;
    expect(summer.toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('formats and parses numbers and checkboxes', () => {
    expect(format.format({ value: 1234567.5, type: format.Type.CURRENCY })).toBe('1,234,567.50');
    expect(format.format({ value: -3, type: 'currency' })).toBe('-3.00');
    expect(format.parse({ value: '1,234.50', type: 'currency' })).toBe(1234.5);
    expect(format.parse({ value: '42.9', type: 'integer' })).toBe(42);
    expect(format.parse({ value: '0.25', type: 'float' })).toBe(0.25);
    expect(format.format({ value: 7.9, type: 'integer' })).toBe('7');
    expect(format.format({ value: true, type: 'checkbox' })).toBe('T');
    expect(format.parse({ value: 'F', type: 'checkbox' })).toBe(false);
    expect(() => format.parse({ value: 'abc', type: 'float' })).toThrow(expect.objectContaining({ name: 'INVALID_FLD_VALUE' }));
  });
});

describe('N/encode', () => {
  const encode = createEncodeModule();
  const convert = (string: string, inputEncoding: string, outputEncoding: string) =>
    encode.convert({ string, inputEncoding, outputEncoding });

  it('round-trips UTF-8 through Base64, URL-safe Base64 and hex', () => {
    const text = 'TikTok ✓ shop?>>';
    const b64 = convert(text, encode.Encoding.UTF_8, encode.Encoding.BASE_64);
    expect(b64).toBe(Buffer.from(text).toString('base64'));
    expect(convert(b64, 'BASE_64', 'UTF_8')).toBe(text);
    const url = convert(text, 'UTF_8', 'BASE_64_URL_SAFE');
    expect(url).not.toMatch(/[+/]/);
    expect(convert(url, 'BASE_64_URL_SAFE', 'UTF_8')).toBe(text);
    const hex = convert(text, 'UTF_8', 'HEX');
    expect(hex).toBe(Buffer.from(text).toString('hex'));
    expect(convert(hex, 'HEX', 'UTF_8')).toBe(text);
    expect(convert('hi', 'UTF_8', 'BASE_16')).toBe('6869');
  });

  it('rejects malformed input and unknown encodings', () => {
    expect(() => convert('zz', 'HEX', 'UTF_8')).toThrow(expect.objectContaining({ name: 'SSS_INVALID_API_USAGE' }));
    expect(() => convert('a', 'UTF_8', 'ROT13')).toThrow(expect.objectContaining({ message: expect.stringContaining('ROT13') }));
  });
});

describe('N/cache', () => {
  it('stores strings, expires after ttl (min 300 s), and charges 1 on hit, 2 on miss', () => {
    const clock = new TestClock('2026-01-15T12:00:00Z');
    const cache = createCacheModule(clock);
    const first = inInvocation(() => {
      const c = cache.getCache({ name: 'tokens', scope: cache.Scope.PUBLIC });
      c.put({ key: 'obj', value: { a: 1 }, ttl: 60 });
      expect(c.get({ key: 'obj' })).toBe('{"a":1}');
      expect(c.get({ key: 'missing' })).toBeNull();
      expect(c.get({ key: 'loaded', loader: ({ key }) => ({ key }), ttl: 600 })).toBe('{"key":"loaded"}');
      return c.get({ key: 'loaded' });
    });
    expect(first.value).toBe('{"key":"loaded"}');
    expect(first.inv.meter.used).toBe(1 + 1 + 2 + 2 + 1);

    clock.advance(299_000);
    const shared = inInvocation(() => cache.getCache({ name: 'tokens', scope: 'PUBLIC' }).get({ key: 'obj' }));
    expect(shared.value).toBe('{"a":1}');
    clock.advance(2_000);
    const later = inInvocation(() => {
      const c = cache.getCache({ name: 'tokens', scope: 'PUBLIC' });
      return [c.get({ key: 'obj' }), c.get({ key: 'loaded' })];
    });
    expect(later.value).toEqual([null, '{"key":"loaded"}']);
    clock.advance(300_000);
    expect(inInvocation(() => cache.getCache({ name: 'tokens', scope: 'PUBLIC' }).get({ key: 'loaded' })).value).toBeNull();
  });

  it('keeps without ttl, removes on request, and separates PRIVATE caches per script', () => {
    const cache = createCacheModule(new TestClock());
    const { inv } = inInvocation(() => {
      const c = cache.getCache({ name: 'c' });
      c.put({ key: 'k', value: 5 });
      expect(c.get({ key: 'k' })).toBe('5');
      c.remove({ key: 'k' });
      expect(c.get({ key: 'k' })).toBeNull();
      c.put({ key: 'k2', value: 'v' });
    });
    expect(inv.meter.used).toBe(1 + 1 + 1 + 2 + 1);
    expect(inInvocation(() => cache.getCache({ name: 'c' }).get({ key: 'k2' })).value).toBe('v');
    expect(inInvocation(() => cache.getCache({ name: 'c', scope: 'PUBLIC' }).get({ key: 'k2' })).value).toBeNull();
  });
});

describe('N/log', () => {
  it('writes both call styles to the invocation and the sink, stringifying and truncating', () => {
    const sink: LogEntry[] = [];
    const log = createLogModule((e) => sink.push(e));
    const { inv } = inInvocation(() => {
      log.debug({ title: 'payload', details: { orderId: '100' } });
      log.audit('done', 'x'.repeat(5000));
      log.error({ title: 't'.repeat(150) });
      log.emergency('boom', new SuiteScriptError('DUP_RCRD', 'dup'));
    });
    expect(inv.logs.map((l) => l.level)).toEqual(['DEBUG', 'AUDIT', 'ERROR', 'EMERGENCY']);
    expect(inv.logs[0]).toEqual(expect.objectContaining({ title: 'payload', details: '{"orderId":"100"}', scriptId: 'customscript_test' }));
    expect(inv.logs[1]!.details).toHaveLength(3999);
    expect(inv.logs[2]!.title).toHaveLength(99);
    expect(JSON.parse(inv.logs[3]!.details)).toEqual(expect.objectContaining({ name: 'DUP_RCRD', message: 'dup' }));
    expect(sink).toEqual(inv.logs);
  });
});

describe('N/error', () => {
  it('creates SuiteScriptErrors', () => {
    const error = createErrorModule();
    const e = error.create({ name: 'TTS_INVALID_REQUEST', message: 'shopId is required', notifyOff: true });
    expect(e).toBeInstanceOf(SuiteScriptError);
    expect([e.name, e.message, e.notifyOff, e.type]).toEqual([
      'TTS_INVALID_REQUEST',
      'shopId is required',
      true,
      'error.SuiteScriptError',
    ]);
    expect(error.Type.DUP_RCRD).toBe('DUP_RCRD');
    expect(() => error.create({ name: '', message: 'x' })).toThrow(expect.objectContaining({ name: 'SSS_MISSING_REQD_ARGUMENT' }));
  });
});

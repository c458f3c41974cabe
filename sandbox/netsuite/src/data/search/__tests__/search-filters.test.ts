import { createSearchModule } from '../module';
import { MemoryReader, seedReader } from './memory-reader';
import { clock, inInvocation } from './run';

const reader = seedReader();
const search = createSearchModule(reader, { clock });

function ids(type: string, filters: unknown, columns: unknown[] = []): string[] {
  return inInvocation(() => {
    const out: string[] = [];
    search
      .create({ type, filters, columns })
      .run()
      .each((r) => {
        out.push(r.id ?? '');
        return true;
      });
    return out;
  }).value;
}

describe('N/search filters', () => {
  it('matches text with is case-insensitively, as NetSuite does', () => {
    expect(ids('customer', [['email', 'is', 'ALICE@Example.com']])).toEqual(['1']);
    expect(ids('customer', [['entityid', 'isnot', 'alice buyer']])).toEqual(['2']);
  });

  it('supports contains, startswith, doesnotcontain, isempty and isnotempty', () => {
    expect(ids('customer', [['email', 'contains', 'BOB']])).toEqual(['2']);
    expect(ids('customer', [['entityid', 'startswith', 'ali']])).toEqual(['1']);
    expect(ids('customer', [['email', 'doesnotcontain', 'alice']])).toEqual(['2']);
    expect(ids('customer', [['companyname', 'isempty', '']])).toEqual(['2']);
    expect(ids('customer', [['companyname', 'isnotempty', '']])).toEqual(['1']);
  });

  it('supports anyof/noneof on selects and @NONE@', () => {
    const f = [['mainline', 'is', 'T'], 'AND', ['entity', 'anyof', ['2']]];
    expect(ids('salesorder', f)).toEqual(['10']);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['entity', 'noneof', '2']])).toEqual(['9', '11']);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['custbody_tts_shop', 'anyof', '@NONE@']])).toEqual([
      '11',
    ]);
  });

  it('supports multiselect anyof and allof', () => {
    expect(ids('customrecord_tts_shop', [['custrecord_tts_shop_loc_filter', 'anyof', '4']])).toEqual(['8']);
    expect(ids('customrecord_tts_shop', [['custrecord_tts_shop_loc_filter', 'allof', ['3', '99']]])).toEqual([]);
  });

  it('supports number operators including between', () => {
    const base = ['mainline', 'is', 'T'];
    expect(ids('salesorder', [base, 'AND', ['totalamount', 'greaterthan', 15]])).toEqual(['9', '10']);
    expect(ids('salesorder', [base, 'AND', ['totalamount', 'lessthanorequalto', '15.5']])).toEqual(['10', '11']);
    expect(ids('salesorder', [base, 'AND', ['totalamount', 'between', 1, 20]])).toEqual(['10']);
    expect(ids('salesorder', [base, 'AND', ['totalamount', 'equalto', 0]])).toEqual(['11']);
    expect(ids('customrecord_tts_order', [['custrecord_tts_ord_update_time', 'notequalto', 1]])).toEqual(['13']);
  });

  it('supports date operators with account-format and relative dates', () => {
    const base = ['mainline', 'is', 'T'];
    expect(ids('salesorder', [base, 'AND', ['trandate', 'on', '1/10/2026']])).toEqual(['10']);
    expect(ids('salesorder', [base, 'AND', ['trandate', 'before', '1/10/2026']])).toEqual(['9']);
    expect(ids('salesorder', [base, 'AND', ['trandate', 'onorafter', '1/10/2026']])).toEqual(['10', '11']);
    expect(ids('salesorder', [base, 'AND', ['trandate', 'within', '1/4/2026', '1/10/2026']])).toEqual(['9', '10']);
    expect(ids('salesorder', [base, 'AND', ['trandate', 'on', 'today']])).toEqual(['11']);
    expect(ids('salesorder', [base, 'AND', ['trandate', 'after', 'daysago5']])).toEqual(['11']);
  });

  it('supports checkboxes and the special fields', () => {
    expect(ids('customer', [['isinactive', 'is', 'F']])).toEqual(['1']);
    expect(ids('customer', [['isinactive', 'is', true]])).toEqual(['2']);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['internalid', 'anyof', [9, 11]]])).toEqual([
      '9',
      '11',
    ]);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['internalidnumber', 'greaterthan', 9]])).toEqual([
      '10',
      '11',
    ]);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['externalid', 'anyof', 'tts_7001_200']])).toEqual([
      '10',
    ]);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['externalidstring', 'is', 'TTS_7001_100']])).toEqual(
      ['9'],
    );
    expect(ids('transaction', [['mainline', 'is', 'T'], 'AND', ['type', 'anyof', 'ItemShip']])).toEqual(['12']);
  });

  it('nests AND / OR / NOT expressions', () => {
    const expr = [
      ['mainline', 'is', 'T'],
      'AND',
      [['entity', 'anyof', '2'], 'OR', [['memo', 'isempty', ''], 'AND', 'NOT', ['trandate', 'before', '1/1/2026']]],
    ];
    expect(ids('salesorder', expr)).toEqual(['10', '11']);
    expect(ids('salesorder', ['NOT', ['mainline', 'is', 'F'], 'AND', 'NOT', ['entity', 'anyof', '1']])).toEqual([
      '10',
    ]);
    expect(ids('customer', [['email', 'is', 'x'], 'OR', ['email', 'is', 'bob@example.com']])).toEqual(['2']);
  });

  it('accepts Filter objects and join.field filters', () => {
    const filters = [
      search.createFilter({ name: 'mainline', operator: search.Operator.IS, values: 'T' }),
      search.createFilter({ name: 'email', join: 'customer', operator: 'is', values: 'bob@EXAMPLE.com' }),
    ];
    expect(ids('salesorder', filters)).toEqual(['10']);
    expect(ids('salesorder', [['mainline', 'is', 'T'], 'AND', ['custbody_tts_shop.custrecord_tts_shop_id', 'is', '7001']])).toEqual(['9', '10']);
  });

  it('yields a header row plus one row per item line without a mainline filter', () => {
    expect(ids('salesorder', [['internalid', 'anyof', '9']])).toEqual(['9', '9', '9']);
    expect(ids('salesorder', [['internalid', 'anyof', '9'], 'AND', ['mainline', 'is', 'F']])).toEqual(['9', '9']);
    expect(ids('salesorder', [['item', 'anyof', '7']])).toEqual(['9']);
    expect(ids('salesorder', [['closed', 'is', 'T']])).toEqual(['10']);
  });

  it('searches item and transaction across their record types', () => {
    expect(ids('item', [])).toEqual(['5', '6', '7']);
    expect(ids('item', [['type', 'anyof', 'ShipItem']])).toEqual(['7']);
    expect(ids('transaction', [['mainline', 'is', 'T']])).toEqual(['9', '10', '11', '12']);
  });

  it('rejects unknown fields, operators and bad values with NetSuite error names', () => {
    const run = (filters: unknown, columns: unknown[] = []) => () =>
      inInvocation(() => search.create({ type: 'customer', filters, columns }).run().getRange({ start: 0, end: 1 }));
    expect(run([['custentity_nope', 'is', 'x']])).toThrow(
      expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER', message: expect.stringContaining('custentity_nope') }),
    );
    expect(run([], ['custentity_col'])).toThrow(
      expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL', message: expect.stringContaining('custentity_col') }),
    );
    expect(run([['email', 'greaterthan', 'x']])).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }));
    expect(() => search.createFilter({ name: 'email', operator: 'sameas', values: 'x' })).toThrow(
      expect.objectContaining({ name: 'SSS_INVALID_SRCH_OPERATOR' }),
    );
    expect(run([['email', 'is', 'x'], ['email', 'is', 'y']])).toThrow(
      expect.objectContaining({ name: 'SSS_INVALID_SRCH_FILTER_EXPR' }),
    );
    expect(() => inInvocation(() => search.create({ type: 'nosuchtype' }))).toThrow(
      expect.objectContaining({ name: 'INVALID_RCRD_TYPE' }),
    );
  });

  it('reads filterExpression back and lets scripts replace filters', () => {
    inInvocation(() => {
      const s = search.create({ type: 'customer', filters: [['isinactive', 'is', 'F']] });
      expect(s.filterExpression).toEqual(['isinactive', 'is', 'F']);
      s.filters = [...s.filters, search.createFilter({ name: 'email', operator: 'contains', values: 'alice' })];
      expect(s.filterExpression).toEqual([['isinactive', 'is', 'F'], 'AND', ['email', 'contains', 'alice']]);
      expect(s.run().getRange({ start: 0, end: 10 }).map((r) => r.id)).toEqual(['1']);
      s.filterExpression = [['isinactive', 'is', 'T'], 'OR', ['email', 'is', 'nobody']];
      expect(() => s.filters).toThrow(expect.objectContaining({ name: 'SSS_INVALID_API_USAGE' }));
      expect(s.run().getRange({ start: 0, end: 10 }).map((r) => r.id)).toEqual(['2']);
    });
  });

  it('sees records added after the search was created', () => {
    const local = new MemoryReader();
    const s = createSearchModule(local, { clock });
    inInvocation(() => {
      const rs = s.create({ type: 'location', filters: [] }).run();
      expect(rs.getRange({ start: 0, end: 5 })).toHaveLength(0);
      local.add('location', { name: 'New' });
      expect(rs.getRange({ start: 0, end: 5 })).toHaveLength(1);
    });
  });
});

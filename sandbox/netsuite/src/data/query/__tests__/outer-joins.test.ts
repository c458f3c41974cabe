import { rewriteOuterJoins } from '../outer-joins';

/** Oracle (+) outer joins in SuiteQL, rewritten for SQLite (outer-joins.ts). */
describe('rewriteOuterJoins', () => {
  it('leaves a query without (+) alone', () => {
    const sql = 'SELECT t.id FROM transaction t WHERE t.id = ?';
    expect(rewriteOuterJoins(sql)).toBe(sql);
  });

  it('turns marked conditions into the ON clause of a LEFT JOIN, keeping the rest in WHERE', () => {
    expect(
      rewriteOuterJoins(
        "SELECT t.id, tl.item FROM transaction t, transactionline tl, item i WHERE (t.recordtype = 'purchaseorder') AND t.id = tl.transaction(+) AND i.id = tl.item(+) ORDER BY t.id",
      ),
    ).toBe(
      "SELECT t.id, tl.item FROM transaction t, item i LEFT JOIN transactionline tl ON t.id = tl.transaction AND i.id = tl.item WHERE (t.recordtype = 'purchaseorder') ORDER BY t.id",
    );
  });

  it('puts constant conditions on the outer table into its ON clause, and keeps literals untouched', () => {
    expect(
      rewriteOuterJoins(
        "SELECT so.id, f.id FROM transaction so, transaction f WHERE f.createdfrom (+) = so.id AND f.type(+) = 'ItemShip' AND so.memo = 'x (+) and y'",
      ),
    ).toBe(
      "SELECT so.id, f.id FROM transaction so LEFT JOIN transaction f ON f.createdfrom = so.id AND f.type = 'ItemShip' WHERE so.memo = 'x (+) and y' ",
    );
  });

  it('joins an outer table after the outer table it depends on', () => {
    expect(
      rewriteOuterJoins('SELECT a.id FROM c, b, a WHERE c.bid(+) = b.id AND b.aid(+) = a.id'),
    ).toBe('SELECT a.id FROM a LEFT JOIN b ON b.aid = a.id LEFT JOIN c ON c.bid = b.id ');
  });

  it.each([
    ['in a subquery', 'SELECT id FROM transaction WHERE id IN (SELECT t.id FROM transaction t, customer c WHERE c.id(+) = t.entity)'],
    ['next to ANSI joins', 'SELECT t.id FROM transaction t JOIN customer c ON c.id = t.entity, item i WHERE i.id(+) = t.id'],
    ['under OR', 'SELECT t.id FROM transaction t, customer c WHERE c.id(+) = t.entity OR t.id = 1'],
    ['on two tables at once', 'SELECT t.id FROM transaction t, customer c WHERE c.id(+) = t.entity(+)'],
  ])('refuses a (+) %s with EMULATOR_UNSUPPORTED', (_what, sql) => {
    expect(() => rewriteOuterJoins(sql)).toThrow(expect.objectContaining({ name: 'EMULATOR_UNSUPPORTED' }));
  });
});

/** One article's writes in a savepoint of the batch's transaction (Store.savepoint), and a batch opened by hand (begin/commit/rollback). */
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';

function store() {
  const s = new Store(':memory:');
  s.db.exec('CREATE TABLE t (x INTEGER)');
  const rows = () => (s.db.prepare('SELECT x FROM t ORDER BY x').all() as { x: number }[]).map((r) => r.x);
  const put = (x: number) => s.db.prepare('INSERT INTO t (x) VALUES (?)').run(x);
  return { s, rows, put };
}

describe('Store.savepoint', () => {
  it('rolls back only the failed savepoint, and the transaction goes on', () => {
    const { s, rows, put } = store();
    s.writeTx(() => {
      s.savepoint(() => put(1));
      expect(() =>
        s.savepoint(() => {
          put(2);
          throw new Error('bad article');
        }),
      ).toThrow('bad article');
      s.savepoint(() => put(3));
    });
    expect(rows()).toEqual([1, 3]);
  });

  it('outside a transaction, is a transaction of its own', () => {
    const { s, rows, put } = store();
    expect(() =>
      s.savepoint(() => {
        put(1);
        throw new Error('no');
      }),
    ).toThrow('no');
    s.savepoint(() => put(2));
    expect(rows()).toEqual([2]);
    expect(s.db.inTransaction).toBe(false);
  });

  it('in a batch opened by hand: commit keeps it, rollback drops it', () => {
    const { s, rows, put } = store();
    s.begin();
    s.savepoint(() => put(1));
    s.commit();
    s.begin();
    s.savepoint(() => put(2));
    s.rollback();
    expect(rows()).toEqual([1]);
    expect(s.db.inTransaction).toBe(false);
    s.rollback();
  });
});

/** SQLite storage through better-sqlite3: the only place that speaks SQL. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type DB = Database.Database;

export class Store {
  readonly db: DB;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // A 32 MB page cache keeps index pages of a large corpus in memory while ingesting.
    this.db.pragma('cache_size = -32768');
    this.db.pragma('temp_store = MEMORY');
    // The write-ahead log is folded into the file every 4,000 pages (16 MB) instead of 1,000: an
    // ingest commits every batch, and each checkpoint rewrites the same hot index pages and syncs
    // (10,000 articles on two threads: about 4% faster).
    this.db.pragma('wal_autocheckpoint = 4000');
    this.migrate();
  }

  /** Schema version after migrations. */
  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.version;
    for (let v = current; v < migrations.length; v++) {
      const sql = migrations[v] as string;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per connection (compiling costs more than running). */
  prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      // Queries with IN (?, ?, …) lists vary in length: keep the cache bounded.
      if (this.statements.size >= 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  /**
   * Run `fn` in one write transaction that takes the write lock first (BEGIN IMMEDIATE): what it
   * reads cannot be changed by another process before it commits. Nested, it is a savepoint.
   */
  writeTx<T>(fn: () => T): T {
    const t = this.db.transaction(fn);
    return this.db.inTransaction ? t() : t.immediate();
  }

  /**
   * SQLite's data_version: changes when another connection (another process: the CLI's ingest, a
   * second bot) commits to the database. Reading it costs about a microsecond, so every question
   * can check whether cached indexes are stale.
   */
  dataVersion(): number {
    this.versionStmt ??= this.db.prepare('PRAGMA data_version').pluck();
    return this.versionStmt.get() as number;
  }

  private versionStmt: Database.Statement | undefined;

  /** A write transaction opened by hand (BEGIN IMMEDIATE), for a batch written over several turns of the event loop. */
  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  /** Roll back the open transaction, if any (a failed COMMIT may already have ended it). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private savepoints: { begin: Database.Statement; release: Database.Statement; rollback: Database.Statement } | undefined;

  /**
   * Run `fn` in a savepoint of the open transaction (outside one, in a transaction of its own):
   * the same as `tx`, with its statements compiled once, for an ingest opens one per article.
   */
  savepoint<T>(fn: () => T): T {
    if (!this.db.inTransaction) return this.tx(fn);
    this.savepoints ??= { begin: this.db.prepare('SAVEPOINT article'), release: this.db.prepare('RELEASE article'), rollback: this.db.prepare('ROLLBACK TO article') };
    const sp = this.savepoints;
    sp.begin.run();
    try {
      const r = fn();
      sp.release.run();
      return r;
    } catch (err) {
      // An error that ended the whole transaction (SQLite rolls back on some) left no savepoint.
      if (this.db.inTransaction) {
        sp.rollback.run();
        sp.release.run();
      }
      throw err;
    }
  }

  /** Run `fn` in one transaction: all of it lands or none of it does. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

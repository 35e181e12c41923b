/**
 * One connection per request (ADR 0062). Kysely takes a connection from the pool for each query, so under load a page
 * of N queries waited in the pool's queue N times (docs/national-scale.md). A `ConnectionScope` (opened by the web
 * app for each request, `src/platform/web/app.ts`) makes every query run inside it, whichever service runs it, share
 * one connection: taken at the scope's first query (a request that reads nothing takes none), given back when the
 * scope has ended and nothing inside it still holds the connection. Outside any scope (jobs, the command line,
 * tests) each query takes a connection as before.
 *
 * The scope sends its statements one after another (queries run side by side in a page wait their turn, as the
 * pg driver queued them itself; pg 9 will refuse a second statement while one runs).
 *
 * Writes: a transaction begun inside a scope (`withChange`, `once`, the child record's read) runs on the scope's
 * connection; a second transaction of the same request waits for the first to end (one connection has one
 * transaction at a time). A query of the request's run while a transaction of the same request is open is inside
 * that transaction. A transaction opened on the outer database from inside another transaction's callback would wait
 * for itself: it already did on the embedded database, where every test runs, so no such code exists.
 *
 * Both engines: on PostgreSQL the connection comes from the pool; on PGlite, which has one connection, the scope
 * holds the engine's lock for the request (a FIFO lock here in place of Kysely's own), so a request queues once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/**
 * Every connection was in use for the whole of the pool's wait bound: the service is busy, not broken (the web app
 * answers 503 with a page that says so). The pool is the door's queue: a request waits there once, for at most the
 * bound, before it runs any query (ADR 0062).
 */
export class ServiceBusyError extends Error {
  constructor(cause: unknown) {
    super('every database connection was in use for the whole wait', { cause });
    this.name = 'ServiceBusyError';
  }
}

/** A first-come first-served lock. */
class Lock {
  #held = false;
  readonly #waiting: Array<() => void> = [];
  take(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** How many connections were taken from the engine (pool or lock) in all, and how many are held now. */
export interface ConnectionCounts {
  readonly taken: number;
  readonly held: number;
}

/** What a scope needs from the driver: take and give back one of the engine's connections. */
interface Source {
  take(): Promise<DatabaseConnection>;
  give(connection: DatabaseConnection): Promise<void>;
}

/** One request's connection. */
export class ConnectionScope {
  #connection: Promise<DatabaseConnection> | undefined;
  /** Kysely's acquisitions inside the scope not yet released (a query, a transaction). */
  #users = 0;
  #ended = false;
  #givenBack = false;
  readonly #transactions = new Lock();
  /** The statements sent on the connection, one after another (pg 9 refuses a second while one runs). */
  #statements: Promise<unknown> = Promise.resolve();
  readonly source: Source;
  readonly storage: AsyncLocalStorage<ConnectionScope>;

  constructor(source: Source, storage: AsyncLocalStorage<ConnectionScope>) {
    this.source = source;
    this.storage = storage;
  }

  /** Runs `fn` (and everything it starts) inside the scope. */
  run<T>(fn: () => T): T {
    return this.storage.run(this, fn);
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** The request is over: the connection goes back once nothing inside the scope holds it. Idempotent. */
  end(): void {
    this.#ended = true;
    this.#giveBackIfIdle();
  }

  async acquire(): Promise<ScopedConnection> {
    this.#users++;
    try {
      if (!this.#connection) {
        const taking = this.source.take();
        this.#connection = taking;
        // A failed take (the pool's wait bound) is not kept: the next query of the request tries again.
        taking.catch(() => {
          if (this.#connection === taking) this.#connection = undefined;
        });
      }
      return new ScopedConnection(this, await this.#connection);
    } catch (err) {
      this.#users--;
      this.#giveBackIfIdle();
      throw err;
    }
  }

  release(): void {
    this.#users--;
    this.#giveBackIfIdle();
  }

  /** Runs `statement` on the scope's connection after those sent before it have finished. */
  serial<T>(statement: () => Promise<T>): Promise<T> {
    const run = this.#statements.then(statement, statement);
    this.#statements = run.catch(() => {});
    return run;
  }

  /** One transaction at a time on the scope's connection. */
  beginTransaction(): Promise<void> {
    return this.#transactions.take();
  }

  endTransaction(): void {
    this.#transactions.give();
  }

  #giveBackIfIdle(): void {
    if (!this.#ended || this.#users > 0 || !this.#connection || this.#givenBack) return;
    this.#givenBack = true;
    this.#connection.then(
      (connection) => this.source.give(connection),
      () => {},
    );
  }
}

/** Kysely's handle on the scope's connection: one per acquisition, so each transaction knows whether it is open. */
class ScopedConnection implements DatabaseConnection {
  inTransaction = false;
  readonly scope: ConnectionScope;
  readonly inner: DatabaseConnection;
  constructor(scope: ConnectionScope, inner: DatabaseConnection) {
    this.scope = scope;
    this.inner = inner;
  }
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.scope.serial(() => this.inner.executeQuery<R>(query));
  }
  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (c: DatabaseConnection) => (c instanceof ScopedConnection ? c.inner : c);

class ScopedDriver implements Driver, Source {
  readonly #lock: Lock | undefined;
  readonly inner: Driver;
  readonly scopes: ConnectionScopes;
  readonly #size: number;
  constructor(inner: Driver, exclusive: boolean, size: number, scopes: ConnectionScopes) {
    this.inner = inner;
    this.scopes = scopes;
    this.#size = size;
    this.#lock = exclusive ? new Lock() : undefined;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async take(): Promise<DatabaseConnection> {
    await this.#lock?.take();
    try {
      const connection = await this.inner.acquireConnection();
      this.scopes.counts.taken++;
      this.scopes.counts.held++;
      return connection;
    } catch (err) {
      this.#lock?.give();
      // The pool's wait bound passed while every connection was held: busy, not a broken database.
      if (
        this.scopes.counts.held >= this.#size &&
        err instanceof Error &&
        /^timeout exceeded when trying to connect/.test(err.message)
      )
        throw new ServiceBusyError(err);
      throw err;
    }
  }

  async give(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.scopes.counts.held--;
      this.#lock?.give();
    }
  }

  acquireConnection(): Promise<DatabaseConnection> {
    const scope = this.scopes.current();
    return scope && !scope.ended ? scope.acquire() : this.take();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof ScopedConnection) connection.scope.release();
    else await this.give(connection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (!(connection instanceof ScopedConnection)) return this.inner.beginTransaction(connection, settings);
    await connection.scope.beginTransaction();
    try {
      await connection.scope.serial(() => this.inner.beginTransaction(connection.inner, settings));
      connection.inTransaction = true;
    } catch (err) {
      connection.scope.endTransaction();
      throw err;
    }
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#ending(connection, () => this.inner.commitTransaction(unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#ending(connection, () => this.inner.rollbackTransaction(unwrap(connection)));
  }

  /** A statement the driver sends itself (begin, commit, a savepoint): in turn with the scope's others. */
  #inTurn(connection: DatabaseConnection, statement: () => Promise<void>): Promise<void> {
    return connection instanceof ScopedConnection ? connection.scope.serial(statement) : statement();
  }

  async #ending(connection: DatabaseConnection, end: () => Promise<void>): Promise<void> {
    try {
      await this.#inTurn(connection, end);
    } finally {
      if (connection instanceof ScopedConnection && connection.inTransaction) {
        connection.inTransaction = false;
        connection.scope.endTransaction();
      }
    }
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inTurn(c, async () => this.inner.savepoint?.(unwrap(c), name, compile));
  }
  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inTurn(c, async () => this.inner.rollbackToSavepoint?.(unwrap(c), name, compile));
  }
  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inTurn(c, async () => this.inner.releaseSavepoint?.(unwrap(c), name, compile));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The scopes of one database: `open()` one per request; `counts` for tests and benchmarks. */
export class ConnectionScopes {
  readonly #storage = new AsyncLocalStorage<ConnectionScope>();
  #driver: ScopedDriver | undefined;
  readonly counts = { taken: 0, held: 0 };

  current(): ConnectionScope | undefined {
    return this.#storage.getStore();
  }

  /** A new scope (run the request inside it with `run`, then `end` it). */
  open(): ConnectionScope {
    if (!this.#driver) throw new Error('ConnectionScopes: the dialect has not been wrapped');
    return new ConnectionScope(this.#driver, this.#storage);
  }

  /**
   * The dialect whose queries share their scope's connection. `exclusive`: the engine has one connection (PGlite),
   * so the driver holds a lock while a connection is taken; `size`: the pool's connections (PostgreSQL).
   */
  wrap(dialect: Dialect, exclusive: boolean, size = 1): Dialect {
    return {
      createDriver: () => {
        this.#driver = new ScopedDriver(dialect.createDriver(), exclusive, size, this);
        return this.#driver;
      },
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createAdapter: () => {
        const adapter = dialect.createAdapter();
        if (!exclusive) return adapter;
        // The lock is ours (it must be held across a scope), so Kysely must not take its own per query.
        return new Proxy(adapter, {
          get(target, key) {
            if (key === 'supportsMultipleConnections') return true;
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
      createIntrospector: (db) => dialect.createIntrospector(db),
    };
  }
}

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { type ChdbConnection, createChdbConnection } from 'chdb/connection';
import { inSlices, TimeSlice } from '@flowlens/platform';
import { ClickHouseError } from './clickhouse.errors';
import { OneAtATime } from './one-at-a-time';
import { TABLES, type TableName } from './tables';

export interface ClickHouseOptions {
  /** http(s) URL of a ClickHouse server; when absent the embedded chDB engine is used. */
  readonly url?: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Data dir for chDB (`${dataDir}/clickhouse`). */
  readonly dataDir: string;
}

export type QueryParams = Record<string, unknown>;

/**
 * Same answers from a server and from chDB: 64-bit integers as JSON numbers (counts stay far
 * below 2^53), ISO instants accepted on insert.
 */
const SETTINGS = {
  date_time_input_format: 'best_effort',
  output_format_json_quote_64bit_integers: 0,
} as const;

// chDB can hold one data directory per process; every store in the process shares it.
let openChdbPath: { path: string; users: number } | null = null;

/**
 * Every statement to the in-process engine, one at a time, for all stores of the process. chdb
 * chains its parameterised queries itself (the bundled libchdb does not isolate query parameters
 * under concurrency; a race can abort the engine) but runs inserts and DDL alongside them. One
 * queue leaves no such pair; the engine gains little from two statements at once on two cores.
 */
const chdbStatements = new OneAtATime();

/** Writes to each table of the embedded engine by this process (see dataVersion). */
const embeddedWrites = new Map<TableName, number>();
const PROCESS_TOKEN = randomBytes(6).toString('hex');
const ALL_TABLES = Object.values(TABLES);
/** The database a statement creates or drops. */
const DATABASE_TARGET = /^\s*(?:CREATE|DROP)\s+DATABASE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?([`\w]+)/i;
/** The table a write statement changes (INSERT INTO t, ALTER TABLE t, TRUNCATE TABLE t…). */
const WRITE_TARGET =
  /^\s*(?:INSERT\s+INTO|ALTER\s+TABLE|TRUNCATE\s+(?:TABLE\s+)?(?:IF\s+EXISTS\s+)?|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?|DELETE\s+FROM|OPTIMIZE\s+TABLE|CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)\s*([`\w.]+)/i;

/**
 * The one way Flowlens talks to ClickHouse, server or in-process chDB alike. Table names are
 * always qualified with the database (chDB sessions ignore the client's default database).
 */
export class ClickHouseStore {
  readonly mode: 'server' | 'embedded';
  private readonly client: ClickHouseClient;
  private readonly chdbPath: string | null;
  /** The embedded engine's connection, for its raw insert (below); null on a server. */
  private readonly chdb: ChdbConnection | null;
  private closed = false;

  constructor(readonly options: ClickHouseOptions) {
    if (options.url) {
      this.mode = 'server';
      this.chdbPath = null;
      this.chdb = null;
      this.client = createClient({
        url: options.url,
        username: options.user,
        password: options.password,
        request_timeout: 60_000,
        clickhouse_settings: SETTINGS,
      });
    } else {
      this.mode = 'embedded';
      const path = resolve(options.dataDir, 'clickhouse');
      if (openChdbPath && openChdbPath.path !== path) {
        throw new ClickHouseError(`chDB already has ${openChdbPath.path} open in this process; cannot also open ${path}`, 'unavailable');
      }
      mkdirSync(path, { recursive: true });
      openChdbPath = { path, users: (openChdbPath?.users ?? 0) + 1 };
      this.chdbPath = path;
      this.chdb = createChdbConnection({ path });
      this.client = createClient({ connection: asClientConnection(this.chdb), clickhouse_settings: SETTINGS });
    }
  }

  get database(): string {
    return this.options.database;
  }

  /**
   * A token that changes whenever a row of these tables may have changed. Lets callers cache
   * derived figures. On a server, a hash of the tables' active parts (every insert, merge or
   * mutation makes new parts; other processes write too). Embedded, the count of this process's
   * writes to them: chDB holds its data directory for one process, so every write passes through
   * here, and a background merge (which changes no row) does not invalidate the caches.
   */
  async dataVersion(tables: readonly TableName[]): Promise<string> {
    if (this.mode === 'embedded') return `${PROCESS_TOKEN}:${tables.map((t) => embeddedWrites.get(t) ?? 0).join('.')}`;
    const [row] = await this.query<{ version: string }>(
      `SELECT toString(sipHash64(arraySort(groupArray(concat(table, '/', name))))) AS version
       FROM system.parts WHERE active AND database = {database:String} AND table IN {tables:Array(String)}`,
      { database: this.options.database, tables },
    );
    return row?.version ?? '';
  }

  /** `database.table`, quoted. */
  table(name: TableName): string {
    return `\`${this.options.database}\`.\`${name}\``;
  }

  async query<T>(sql: string, params: QueryParams = {}): Promise<T[]> {
    try {
      return await this.statement(async () => (await this.client.query({ query: sql, query_params: params, format: 'JSONEachRow' })).json<T>());
    } catch (error) {
      throw this.wrap(error, sql);
    }
  }

  async command(sql: string, params: QueryParams = {}): Promise<void> {
    try {
      await this.writing(this.targetsOf(sql), () => this.statement(() => this.client.command({ query: sql, query_params: params })));
    } catch (error) {
      throw this.wrap(error, sql);
    }
  }

  /**
   * Resolves only once ClickHouse has accepted every row (what keeps delivery at-least-once).
   * Encoding gives the event loop a turn every few ms: a batch of raw payloads is megabytes of
   * JSON, which would otherwise hold up every webhook answer for tens of ms. A server gets the rows
   * streamed; the embedded engine gets them as one buffer through chDB's raw insert, which hands
   * the bytes to the engine as they are (its insert through the client contract would join them
   * into the statement's text and convert that back on the event loop).
   */
  async insert(table: TableName, rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    const target = `${this.options.database}.${table}`;
    try {
      await this.writing([table], async () => {
        if (!this.chdb) {
          await this.statement(() => this.client.insert({ table: target, values: Readable.from(inSlices(rows)), format: 'JSONEachRow' }));
          return;
        }
        const chdb = this.chdb.chdb;
        const values = await jsonEachRow(rows);
        await this.statement(() => chdb.rawInsert({ table: target, values, format: 'JSONEachRow', settings: SETTINGS }));
      });
    } catch (error) {
      throw this.wrap(error, `INSERT INTO ${table}`);
    }
  }

  async ping(): Promise<void> {
    const result = await this.statement(() => this.client.ping());
    if (!result.success) throw new ClickHouseError(`clickhouse did not answer: ${String(result.error?.message ?? '')}`, 'unavailable', result.error);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
    if (this.chdbPath && openChdbPath?.path === this.chdbPath) {
      openChdbPath.users -= 1;
      if (openChdbPath.users <= 0) openChdbPath = null;
    }
  }

  /** Counts a write before and after it (a version read while it runs is never the version after it). */
  private async writing<T>(tables: readonly TableName[], run: () => Promise<T>): Promise<T> {
    if (this.mode !== 'embedded') return run();
    const bump = () => tables.forEach((t) => embeddedWrites.set(t, (embeddedWrites.get(t) ?? 0) + 1));
    bump();
    try {
      return await run();
    } finally {
      bump();
    }
  }

  /** The tables of this database a statement may change: its target, or all of them when it names none of this database's. */
  private targetsOf(sql: string): TableName[] {
    const database = DATABASE_TARGET.exec(sql)?.[1]?.replaceAll('`', '');
    if (database !== undefined) return database === this.options.database ? ALL_TABLES : [];
    const target = WRITE_TARGET.exec(sql)?.[1]?.replaceAll('`', '');
    if (target === undefined) return ALL_TABLES;
    const [inDatabase, table] = target.includes('.') ? target.split('.') : [this.options.database, target];
    return inDatabase === this.options.database ? ALL_TABLES.filter((t) => t === table) : [];
  }

  /** A server takes statements concurrently; the embedded engine one at a time (see chdbStatements). */
  private statement<T>(run: () => Promise<T>): Promise<T> {
    return this.mode === 'embedded' ? chdbStatements.run(run) : run();
  }

  private wrap(error: unknown, sql: string): ClickHouseError {
    // Server and chDB errors can quote the whole (long) query; keep the message to its point.
    const message = ((error as Error)?.message ?? String(error)).split(/\n| In scope /)[0]?.slice(0, 300) ?? '';
    const unreachable = /ECONNREFUSED|ENOTFOUND|socket hang up|Timeout/i.test(message);
    return new ClickHouseError(
      `${unreachable ? 'clickhouse unreachable' : 'clickhouse query failed'}: ${message} [${sql.trim().split('\n')[0]?.slice(0, 120)}]`,
      unreachable ? 'unavailable' : 'query_failed',
      error,
    );
  }
}

/**
 * chDB implements the Connection contract of `@clickhouse/client-common`; `@clickhouse/client`
 * 1.23 carries its own copy of the same interface, so the two are equal in shape but not in
 * name. The cast bridges exactly that (the embedded store's tests prove the shapes agree).
 */
function asClientConnection(connection: ChdbConnection): NonNullable<ClickHouseClientConfigOptions['connection']> {
  return connection as unknown as NonNullable<ClickHouseClientConfigOptions['connection']>;
}

/** Rows as JSONEachRow bytes, encoded a slice at a time (see insert). */
async function jsonEachRow(rows: readonly object[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const slice = new TimeSlice();
  let text = '';
  for (const row of rows) {
    text += `${JSON.stringify(row)}\n`;
    if (slice.due()) {
      chunks.push(Buffer.from(text));
      text = '';
      await slice.next();
    }
  }
  chunks.push(Buffer.from(text));
  return Buffer.concat(chunks);
}

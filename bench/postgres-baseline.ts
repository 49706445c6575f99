import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The usual stack: status transitions in PostgreSQL, figures by plain SQL (window functions). */
export class PostgresBaseline {
  constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<PostgresBaseline> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new PostgresBaseline(client);
  }

  async load(tsvFile: string): Promise<void> {
    await this.client.query(`CREATE TABLE transitions (item_id text, board_id text, type text, team text, at timestamptz, category text)`);
    await pipeline(createReadStream(tsvFile), this.client.query(copyFrom('COPY transitions FROM STDIN')));
    await this.client.query('CREATE INDEX transitions_item ON transitions (item_id, at)');
    await this.client.query('CREATE INDEX transitions_board ON transitions (board_id)');
    // VACUUM as well: otherwise autovacuum takes up the fresh table while Flowlens is measured.
    await this.client.query('VACUUM (ANALYZE) transitions');
  }

  private filtered(): string {
    return `SELECT item_id, at, category FROM transitions
            WHERE ($1::text[] IS NULL OR board_id = ANY($1)) AND ($2::text[] IS NULL OR type = ANY($2)) AND ($3::text[] IS NULL OR team = ANY($3))`;
  }

  private doneSql(): string {
    return `t AS (
        SELECT item_id, at, category, lag(category) OVER w AS prev,
               last_value(category) OVER (PARTITION BY item_id ORDER BY at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS final
        FROM (${this.filtered()}) f WINDOW w AS (PARTITION BY item_id ORDER BY at)),
      done AS (SELECT item_id, max(at) AS done_at FROM t WHERE final = 'done' AND category = 'done' AND (prev IS NULL OR prev <> 'done') GROUP BY item_id),
      started AS (SELECT item_id, min(at) AS started_at FROM t WHERE category IN ('active', 'wait', 'done') GROUP BY item_id)`;
  }

  async throughput(f: BaselineFilter): Promise<number> {
    const { rows } = await this.client.query(
      `WITH ${this.doneSql()} SELECT count(*)::int AS n FROM done WHERE done_at >= $4 AND done_at < $5`,
      params(f),
    );
    return rows[0].n as number;
  }

  async cycleTimeP85(f: BaselineFilter): Promise<number | null> {
    const { rows } = await this.client.query(
      `WITH ${this.doneSql()}
       SELECT percentile_cont(0.85) WITHIN GROUP (ORDER BY extract(epoch FROM done_at - started_at) / 86400) AS p85
       FROM done JOIN started USING (item_id) WHERE done_at >= $4 AND done_at < $5`,
      params(f),
    );
    return rows[0].p85 === null ? null : Number(rows[0].p85);
  }

  async wip(f: BaselineFilter): Promise<number[]> {
    const { rows } = await this.client.query(
      `WITH t AS (SELECT item_id, at, category, lead(at) OVER (PARTITION BY item_id ORDER BY at) AS next_at FROM (${this.filtered()}) f),
            days AS (SELECT d AS day_end FROM generate_series($4::timestamptz + interval '1 day', $5::timestamptz, interval '1 day') d)
       SELECT days.day_end, count(t.item_id) FILTER (WHERE t.category IN ('active', 'wait'))::int AS wip
       FROM days LEFT JOIN t ON t.at < days.day_end AND (t.next_at IS NULL OR t.next_at >= days.day_end)
       GROUP BY days.day_end ORDER BY days.day_end`,
      params(f),
    );
    return rows.map((r) => r.wip as number);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

export interface BaselineFilter {
  readonly boards: string[] | null;
  readonly types: string[] | null;
  readonly teams: string[] | null;
  /** UTC day boundaries (the bench workspace's zone is UTC). */
  readonly from: string;
  readonly toExclusive: string;
}

function params(f: BaselineFilter): unknown[] {
  return [f.boards, f.types, f.teams, `${f.from}T00:00:00Z`, `${f.toExclusive}T00:00:00Z`];
}

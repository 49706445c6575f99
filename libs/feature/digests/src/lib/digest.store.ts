import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { DigestMessage } from '@flowlens/alerting';
import { AlertChannelEntity, DigestEntity } from '@flowlens/persistence';
import { covers, type DigestScope, type FiringSubject } from './content/alert-scope';
import type { DigestAlert } from './content/digest-content';

export interface DigestDoc {
  readonly name: string;
  readonly portfolioId: string | null;
  readonly channelIds: readonly string[];
  readonly weekday: number;
  readonly hour: number;
}

/** A live digest with its workspace's zone, as the schedule sees it. */
export interface ScheduledDigest {
  readonly digest: DigestEntity;
  readonly timezone: string;
}

interface FiringRow extends FiringSubject {
  id: string;
  rule_name: string;
  severity: string;
  value: number | null;
  threshold: number | null;
  started_at: Date | null;
}

/** TypeORM answers an UPDATE … RETURNING as [rows, affected] on PostgreSQL and as rows on PGlite. */
const returned = (result: unknown): unknown[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]));

/** Digests, the firing alerts they list, and the outbox rows they queue. */
@Injectable()
export class DigestStore {
  constructor(private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(DigestEntity);
  }

  create(workspaceId: string, doc: DigestDoc): Promise<DigestEntity> {
    return this.repo.save(this.repo.create({ workspaceId, ...doc, channelIds: [...doc.channelIds] }));
  }

  list(workspaceId: string): Promise<DigestEntity[]> {
    return this.repo.find({ where: { workspaceId, deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<DigestEntity | null> {
    return this.repo.findOneBy({ workspaceId, id, deletedAt: IsNull() });
  }

  async replace(workspaceId: string, id: string, doc: DigestDoc): Promise<DigestEntity | null> {
    await this.repo.update({ workspaceId, id, deletedAt: IsNull() }, { ...doc, channelIds: [...doc.channelIds] });
    return this.find(workspaceId, id);
  }

  /** Soft delete: its past deliveries keep naming it. */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.repo.update({ workspaceId, id, deletedAt: IsNull() }, { deletedAt: new Date() });
  }

  /** The live channels of the workspace among `ids`. */
  liveChannels(workspaceId: string, ids: readonly string[]): Promise<AlertChannelEntity[]> {
    return ids.length ? this.db.getRepository(AlertChannelEntity).findBy({ workspaceId, id: In([...ids]), deletedAt: IsNull() }) : Promise.resolve([]);
  }

  /** Every live digest of every workspace, with the workspace's zone. */
  async scheduled(): Promise<ScheduledDigest[]> {
    const rows: Array<{ id: string; timezone: string }> = await this.db.query(
      `SELECT d.id, w.timezone FROM digests d JOIN workspaces w ON w.id = d.workspace_id WHERE d.deleted_at IS NULL ORDER BY d.created_at, d.id`,
    );
    if (rows.length === 0) return [];
    const digests = await this.repo.findBy({ id: In(rows.map((r) => r.id)) });
    return rows.flatMap((r) => {
      const digest = digests.find((d) => d.id === r.id);
      return digest ? [{ digest, timezone: r.timezone }] : [];
    });
  }

  /**
   * Firing instances (as `GET /alerts?state=firing` lists them) of live rules, for a portfolio those
   * about its scope: the rule is scoped to the portfolio, one of its teams or one of its boards (its
   * teams' boards included), or the instance's subject is one of those boards or teams. A workspace
   * digest lists every firing instance.
   */
  async firingAlerts(workspaceId: string, scope: DigestScope | null): Promise<DigestAlert[]> {
    const rows: FiringRow[] = await this.db.query(
      `SELECT i.id, r.name AS rule_name, r.severity, i.subject_type, i.subject_id, i.value, i.threshold, i.started_at, r.scope
         FROM alert_instances i JOIN alert_rules r ON r.id = i.rule_id
        WHERE i.workspace_id = $1 AND i.state = 'firing' AND r.deleted_at IS NULL
        ORDER BY i.started_at, i.id`,
      [workspaceId],
    );
    return rows
      .filter((r) => scope === null || covers(scope, r))
      .map((r) => ({
        id: r.id,
        ruleName: r.rule_name,
        severity: r.severity,
        subject: { type: r.subject_type, id: r.subject_id },
        value: r.value === null ? null : Number(r.value),
        threshold: r.threshold === null ? null : Number(r.threshold),
        startedAt: r.started_at === null ? null : new Date(r.started_at).toISOString(),
      }));
  }

  /** One `digest` outbox row per channel; answers their ids (each a delivery's Idempotency-Key). */
  async enqueue(digest: DigestEntity, channelIds: readonly string[], body: DigestMessage, manager: EntityManager = this.db.manager): Promise<string[]> {
    const ids: string[] = [];
    for (const channelId of channelIds) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO alert_deliveries (workspace_id, channel_id, kind, digest_id, body) VALUES ($1, $2, 'digest', $3, $4::jsonb) RETURNING id`,
        [digest.workspaceId, channelId, digest.id, JSON.stringify(body)],
      );
      ids.push((rows[0] as { id: string }).id);
    }
    return ids;
  }

  /**
   * The scheduled send of one week, once: in one transaction, `last_sent_for` moves to `sendDate`
   * only if it is still before this week's Monday (a conditional UPDATE: a second process blocks on
   * the row lock, then finds the condition false), and only then are the outbox rows written.
   * Answers the delivery ids, or null when another process (or an earlier tick) sent this week.
   */
  sendScheduled(digest: DigestEntity, week: { sendDate: string; monday: string }, channelIds: readonly string[], body: DigestMessage): Promise<string[] | null> {
    return this.db.transaction(async (manager) => {
      const claimed = returned(
        await manager.query(
          `UPDATE digests SET last_sent_for = $2
            WHERE id = $1 AND deleted_at IS NULL AND (last_sent_for IS NULL OR last_sent_for < $3)
            RETURNING id`,
          [digest.id, week.sendDate, week.monday],
        ),
      );
      if (claimed.length === 0) return null;
      return this.enqueue(digest, channelIds, body, manager);
    });
  }
}

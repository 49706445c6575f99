import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { AlertRule, AlertRuleInput } from '@flowlens/alerting';
import { AlertRuleEntity } from '@flowlens/persistence';

/** A stored rule with its timestamps, as the API answers it. */
export type StoredRule = AlertRule & { readonly createdAt: string; readonly updatedAt: string };

export function ruleOf(row: AlertRuleEntity): StoredRule {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    kind: row.kind,
    scope: row.scope,
    params: row.params,
    severity: row.severity,
    channelIds: row.channelIds,
    forMinutes: row.forMinutes,
    repeatHours: row.repeatHours,
    notifyResolved: row.notifyResolved,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } as StoredRule;
}

const columns = (input: AlertRuleInput) => ({
  name: input.name,
  kind: input.kind,
  scope: input.scope,
  params: input.params as Record<string, unknown>,
  severity: input.severity,
  channelIds: [...input.channelIds],
  forMinutes: input.forMinutes,
  repeatHours: input.repeatHours,
  notifyResolved: input.notifyResolved,
  enabled: input.enabled,
});

/** Alert rules (PostgreSQL). Deleting is soft: the instances and deliveries of a rule stay as history. */
@Injectable()
export class AlertRuleStore {
  constructor(private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(AlertRuleEntity);
  }

  async create(workspaceId: string, input: AlertRuleInput): Promise<StoredRule> {
    return ruleOf(await this.repo.save(this.repo.create({ workspaceId, ...columns(input) })));
  }

  async list(workspaceId: string): Promise<StoredRule[]> {
    return (await this.repo.find({ where: { workspaceId, deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } })).map(ruleOf);
  }

  /** Every enabled rule of every workspace: one evaluation cycle. */
  async listEnabled(): Promise<StoredRule[]> {
    return (await this.repo.find({ where: { enabled: true, deletedAt: IsNull() }, order: { workspaceId: 'ASC', createdAt: 'ASC' } })).map(ruleOf);
  }

  async find(workspaceId: string, id: string): Promise<StoredRule | null> {
    const row = await this.repo.findOneBy({ workspaceId, id, deletedAt: IsNull() });
    return row ? ruleOf(row) : null;
  }

  async replace(workspaceId: string, id: string, input: AlertRuleInput): Promise<StoredRule | null> {
    // A jsonb column takes the whole document; TypeORM's update type wants a deep-partial of it.
    const result = await this.repo.update({ workspaceId, id, deletedAt: IsNull() }, columns(input) as Parameters<typeof this.repo.update>[1]);
    return (result.affected ?? 0) > 0 ? this.find(workspaceId, id) : null;
  }

  /** Soft delete; its open instances close quietly (no notification) so nothing fires for a rule that is gone. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const result = await tx.getRepository(AlertRuleEntity).update({ workspaceId, id, deletedAt: IsNull() }, { deletedAt: new Date() });
      if ((result.affected ?? 0) === 0) return false;
      await tx.query(
        `UPDATE alert_instances SET state = 'resolved', resolved_at = now(), updated_at = now(),
                history = history || jsonb_build_array(jsonb_build_object('at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'event', 'resolved', 'state', 'resolved', 'by', 'rule deleted'))
          WHERE rule_id = $1 AND state <> 'resolved'`,
        [id],
      );
      return true;
    });
  }
}

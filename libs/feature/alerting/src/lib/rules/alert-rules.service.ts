import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { alertRuleInputSchema, type AlertRuleInput, ruleProblems } from '@flowlens/alerting';
import { AlertChannelEntity, PortfolioRepository, TeamRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseInput } from '../parse-input';
import { AlertRuleStore, type StoredRule } from './alert-rule.store';

/** Rule documents: validated at the edge (schema, then the workspace's channels, teams and portfolios). */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly store: AlertRuleStore,
    private readonly db: DataSource,
    private readonly teams: TeamRepository,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async create(workspaceId: string, body: unknown): Promise<StoredRule> {
    return this.store.create(workspaceId, await this.checked(workspaceId, body));
  }

  list(workspaceId: string): Promise<StoredRule[]> {
    return this.store.list(workspaceId);
  }

  async get(workspaceId: string, id: string): Promise<StoredRule> {
    const rule = await this.store.find(workspaceId, id);
    if (!rule) throw ApiError.notFound(`no alert rule with id ${id}`, 'unknown_rule');
    return rule;
  }

  /** PUT replaces the whole document (omitted optional fields take their defaults again). */
  async replace(workspaceId: string, id: string, body: unknown): Promise<StoredRule> {
    await this.get(workspaceId, id);
    const replaced = await this.store.replace(workspaceId, id, await this.checked(workspaceId, body));
    if (!replaced) throw ApiError.notFound(`no alert rule with id ${id}`, 'unknown_rule');
    return replaced;
  }

  async delete(workspaceId: string, id: string): Promise<StoredRule> {
    const rule = await this.get(workspaceId, id);
    await this.store.delete(workspaceId, id);
    return rule;
  }

  private async checked(workspaceId: string, body: unknown): Promise<AlertRuleInput> {
    const rule = parseInput(alertRuleInputSchema, body, 'the alert rule is not valid', 'invalid_rule');
    const problems = ruleProblems(rule);
    if (problems.length) throw ApiError.badRequest('the alert rule is not valid', problems, 'invalid_rule');
    await this.checkChannels(workspaceId, rule.channelIds);
    if (rule.scope.teamId !== undefined && !(await this.teams.find(workspaceId, rule.scope.teamId).catch(() => null))) {
      throw ApiError.notFound(`no team with id ${rule.scope.teamId}`, 'unknown_team');
    }
    if (rule.scope.portfolioId !== undefined && !(await this.portfolios.find(workspaceId, rule.scope.portfolioId).catch(() => null))) {
      throw ApiError.notFound(`no portfolio with id ${rule.scope.portfolioId}`, 'unknown_portfolio');
    }
    return rule;
  }

  private async checkChannels(workspaceId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.db.getRepository(AlertChannelEntity).findBy({ workspaceId, id: In([...ids]), deletedAt: IsNull() });
    const known = new Set(found.map((c) => c.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw ApiError.notFound(`no alert channel with id ${unknown.join(', ')}`, 'unknown_channel');
  }
}

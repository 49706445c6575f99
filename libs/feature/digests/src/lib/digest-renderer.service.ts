import { Inject, Injectable } from '@nestjs/common';
import type { DigestMessage } from '@flowlens/alerting';
import { portfolioBoards } from '@flowlens/board-scope';
import { type DigestEntity, PortfolioRepository, TeamRepository, WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { buildDigest, type DigestContent } from './content/digest-content';
import { lastCompleteWeek, weeksBefore } from './content/digest-week';
import { DigestFiguresService, digestPrincipal } from './digest-figures.service';
import { DigestStore } from './digest.store';
import { DIGESTS_OPTIONS, type DigestsOptions } from './digests.options';

/** Weeks before the digest's week that its figures are compared with. */
export const BASELINE_WEEKS = 4;

/** A digest rendered for the last complete local week before `nowMs`, and its outbox body. */
export interface RenderedDigest {
  readonly content: DigestContent;
  readonly message: DigestMessage;
}

/** Fetches a digest's figures and builds its content (the same for the preview, "send now" and the schedule). */
@Injectable()
export class DigestRenderer {
  constructor(
    private readonly figures: DigestFiguresService,
    private readonly store: DigestStore,
    private readonly workspaces: WorkspaceRepository,
    private readonly portfolios: PortfolioRepository,
    private readonly teams: TeamRepository,
    @Inject(DIGESTS_OPTIONS) private readonly options: DigestsOptions,
  ) {}

  async render(digest: DigestEntity, nowMs = this.options.clock.now()): Promise<RenderedDigest> {
    const workspace = await this.workspaces.findById(digest.workspaceId);
    if (!workspace) throw ApiError.notFound('the workspace of this digest no longer exists');
    const portfolio = digest.portfolioId ? await this.portfolios.find(digest.workspaceId, digest.portfolioId) : null;
    if (digest.portfolioId && !portfolio) throw ApiError.unprocessable(`the portfolio ${digest.portfolioId} of this digest no longer exists; choose another`, 'unknown_portfolio');
    const p = digestPrincipal(digest.workspaceId);
    const week = lastCompleteWeek(nowMs, workspace.timezone);
    const scope = portfolio ? { portfolioId: portfolio.id, teamIds: portfolio.teamIds, boardIds: portfolioBoards(portfolio, await this.teams.list(digest.workspaceId)) } : null;
    const [figures, risk, forecasts, alerts] = await Promise.all([
      this.figures.weekly(p, portfolio?.id ?? null, week, weeksBefore(week, BASELINE_WEEKS)),
      this.figures.risk(p, portfolio?.id ?? null),
      this.figures.forecasts(p, portfolio?.id ?? null, nowMs),
      this.store.firingAlerts(digest.workspaceId, scope),
    ]);
    const content = buildDigest({
      workspace: { id: workspace.id, name: workspace.name },
      digest: { id: digest.id, name: digest.name },
      portfolio: portfolio ? { id: portfolio.id, name: portfolio.name } : null,
      week,
      publicUrl: this.options.publicUrl ?? null,
      alerts,
      risk,
      figures,
      forecasts,
    });
    const message: DigestMessage = {
      version: 1,
      status: 'digest',
      workspace: { id: workspace.id, name: workspace.name },
      digest: { id: digest.id, name: digest.name, week: week.from },
      subject: content.subject,
      text: content.text,
      html: content.html,
      link: content.link,
    };
    return { content, message };
  }
}

import type { AlertSubject, RuleScope } from '@flowlens/alerting';
import type { Principal } from '@flowlens/auth';
import type { MetricQueryContext } from '@flowlens/metric-queries';
import { addLocalDays, localDateOf } from '@flowlens/metrics';
import { ApiError } from '@flowlens/platform';
import type { FigureSources } from './figure-sources';

/** A rule's scope, resolved: the subject it reports and the query filter the API would take for it. */
export interface ResolvedScope {
  readonly workspaceId: string;
  readonly subject: AlertSubject;
  readonly filter: { readonly boardId?: string; readonly teamId?: string; readonly portfolioId?: string };
  /** Workspace time zone: days and weeks. */
  readonly timezone: string;
  /** The evaluation's local date. */
  readonly today: string;
}

const key = (...parts: Array<string | number>) => parts.join('\u0000');

/**
 * One evaluation at one instant: each distinct figure (scope, figure, window) is computed once,
 * however many rules read it. Figures are promises, so rules asking at the same time share one query.
 */
export class FigureCycle {
  private readonly figures = new Map<string, Promise<unknown>>();
  /** Distinct figures computed (scopes and contexts not counted). */
  computed = 0;

  /**
   * `live`: the evaluation of now. Its queries name no `asOf`, so they read the present state the
   * dashboard reads (and share its cached evaluation of the items); a past instant (a back-test
   * day) is a point-in-time query.
   */
  constructor(
    readonly sources: FigureSources,
    readonly at: number,
    readonly live = false,
  ) {}

  /** Past instants are read with everything known when the cycle began (metrics.md "Back-test": from the events known now). */
  private readonly knownAt = Date.now();

  /** The figure under `id`, computed on first use in this cycle. */
  figure<T>(scope: ResolvedScope, id: string, compute: () => Promise<T>): Promise<T> {
    return this.memo(key('figure', scope.workspaceId, scope.subject.type, scope.subject.id, id), () => {
      this.computed++;
      return compute();
    });
  }

  /** A figure of the whole workspace (not of one scope), computed on first use in this cycle. */
  workspaceFigure<T>(workspaceId: string, id: string, compute: () => Promise<T>): Promise<T> {
    return this.memo(key('workspace-figure', workspaceId, id), () => {
      this.computed++;
      return compute();
    });
  }

  /** The rule's scope as a subject, or null when the workspace has no such board, team or portfolio. */
  scope(workspaceId: string, scope: RuleScope): Promise<ResolvedScope | null> {
    const [type, id] = scope.boardId !== undefined ? (['board', scope.boardId] as const) : scope.teamId !== undefined ? (['team', scope.teamId] as const) : (['portfolio', scope.portfolioId as string] as const);
    return this.memo(key('scope', workspaceId, type, id), async () => {
      const workspace = await this.memo(key('workspace', workspaceId), () => this.sources.workspaces.findById(workspaceId));
      if (!workspace) return null;
      const known = type === 'board' ? (await this.knownBoards(workspaceId, workspace.timezone)).has(id) : await this.exists(workspaceId, type, id);
      if (!known) return null;
      const filter = type === 'board' ? { boardId: id } : type === 'team' ? { teamId: id } : { portfolioId: id };
      return { workspaceId, subject: { type, id }, filter, timezone: workspace.timezone, today: localDateOf(this.at, workspace.timezone) };
    });
  }

  /** The query context of the window [to − days + 1, to] (to defaults to the evaluation's date), state as of the instant. */
  context(scope: ResolvedScope, days: number, to = scope.today): Promise<MetricQueryContext> {
    const from = addLocalDays(to, -(days - 1));
    return this.memo(key('context', scope.workspaceId, scope.subject.type, scope.subject.id, from, to), () =>
      this.sources.contexts.create(this.principal(scope.workspaceId), { ...this.query(scope, from, to) }, Math.max(this.at, Date.now())),
    );
  }

  /** The query the API takes for the same figure (tests compare against it). */
  query(scope: ResolvedScope, from: string, to: string): Record<string, string> {
    return { ...scope.filter, from, to, ...this.asOf() };
  }

  /** The `asOf` and `knownAt` query parameters of this cycle's figures: none when live. */
  asOf(): { asOf?: string; knownAt?: string } {
    return this.live ? {} : { asOf: new Date(this.at).toISOString(), knownAt: new Date(this.knownAt).toISOString() };
  }

  principal(workspaceId: string): Principal {
    return { workspaceId, role: 'viewer', keyId: 'alert-evaluator', keyName: 'alert evaluator' };
  }

  private memo<T>(id: string, compute: () => Promise<T>): Promise<T> {
    let figure = this.figures.get(id) as Promise<T> | undefined;
    if (!figure) {
      figure = compute();
      this.figures.set(id, figure);
    }
    return figure;
  }

  /** Boards with data as of the instant or with a saved workflow map. */
  private knownBoards(workspaceId: string, timezone: string): Promise<Set<string>> {
    return this.memo(key('boards', workspaceId), async () => {
      const today = localDateOf(this.at, timezone);
      const ctx = await this.sources.contexts.create(this.principal(workspaceId), { from: today, to: today, ...this.asOf() }, Math.max(this.at, Date.now()));
      const [catalog, maps] = await Promise.all([this.sources.catalog.run(ctx), this.sources.maps.latest(workspaceId)]);
      return new Set([...catalog.map((b) => b.boardId), ...maps.map((m) => m.boardId)]);
    });
  }

  private async exists(workspaceId: string, type: 'team' | 'portfolio', id: string): Promise<boolean> {
    try {
      await (type === 'team' ? this.sources.scopes.team(workspaceId, id) : this.sources.scopes.portfolio(workspaceId, id));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 404) return false;
      throw error;
    }
  }
}

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
    /** Which scopes exist, shared by the cycles of one back-test (they do not change from day to day). */
    private readonly scopes = new Map<string, Promise<unknown>>(),
  ) {}

  /** Past instants are read with everything known when the cycle began (metrics.md "Back-test": from the events known now). */
  private readonly knownAt = Date.now();

  /** Per workspace, the boards the cycle's board rules name (see {@link byBoard}). */
  private readonly ruleBoards = new Map<string, string[]>();

  /** The boards whose rules this cycle evaluates: their figures are then scanned once for all of them. */
  withRuleBoards(rules: ReadonlyArray<{ readonly workspaceId: string; readonly scope: RuleScope }>): this {
    for (const rule of rules) {
      const board = rule.scope.boardId;
      if (board === undefined) continue;
      const boards = this.ruleBoards.get(rule.workspaceId) ?? [];
      if (!boards.includes(board)) boards.push(board);
      this.ruleBoards.set(rule.workspaceId, boards);
    }
    return this;
  }

  /**
   * A board's figure over the window [to − days + 1, to], from one scan of every board the cycle's
   * rules name (`scan` answers per board: the queries' by-board forms, each board's figure what the
   * query answers for it alone); `alone` answers for a team, a portfolio, or a board evaluated by
   * itself.
   */
  byBoard<R, T>(scope: ResolvedScope, id: string, days: number, to: string, scan: (ctx: MetricQueryContext) => Promise<Map<string, R>>, pick: (figure: R) => T, alone: () => Promise<T>): Promise<T> {
    const boards = this.ruleBoards.get(scope.workspaceId) ?? [];
    if (scope.subject.type !== 'board' || boards.length < 2 || !boards.includes(scope.subject.id)) return alone();
    const scanned = this.memo(key('by-board', scope.workspaceId, id, days, to), async () => {
      this.computed++;
      const ctx = await this.context(scope, days, to);
      return scan({ ...ctx, boardIds: [...boards].sort() });
    });
    const board = scope.subject.id;
    return scanned.then((figures) => pick(figures.get(board) as R));
  }

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
      const known = await this.shared(key('known', workspaceId, type, id), async () => {
        const workspace = await this.shared(key('workspace', workspaceId), () => this.sources.workspaces.findById(workspaceId));
        if (!workspace) return null;
        const exists = type === 'board' ? (await this.knownBoards(workspaceId)).has(id) : await this.exists(workspaceId, type, id);
        return exists ? workspace.timezone : null;
      });
      if (known === null) return null;
      const filter = type === 'board' ? { boardId: id } : type === 'team' ? { teamId: id } : { portfolioId: id };
      return { workspaceId, subject: { type, id }, filter, timezone: known, today: localDateOf(this.at, known) };
    });
  }

  /**
   * The query context of the window [to − days + 1, to] (to defaults to the evaluation's date).
   * Window figures (counts, percentiles, WIP at the end of a day, flow efficiency) are read from
   * the present state, which holds every item's whole history by event time: a past day's window
   * is then the figure from the events known now, as back-tests want, and costs what a dashboard
   * query costs. State figures at an instant (risk signals) use {@link stateQuery}.
   */
  context(scope: ResolvedScope, days: number, to = scope.today): Promise<MetricQueryContext> {
    const from = addLocalDays(to, -(days - 1));
    return this.memo(key('context', scope.workspaceId, scope.subject.type, scope.subject.id, from, to), () =>
      this.sources.contexts.create(this.principal(scope.workspaceId), this.query(scope, from, to), Math.max(this.at, Date.now())),
    );
  }

  /** The query the API takes for the same window figure (tests compare against it). */
  query(scope: ResolvedScope, from: string, to: string): Record<string, string> {
    return { ...scope.filter, from, to };
  }

  /**
   * The query of a figure that is a state at the cycle's instant: now when live, else `asOf` the
   * instant with `knownAt` the cycle's start (the state then, from everything known now).
   */
  stateQuery(scope: ResolvedScope, from: string, to: string): Record<string, string> {
    return this.live ? this.query(scope, from, to) : { ...this.query(scope, from, to), asOf: new Date(this.at).toISOString(), knownAt: new Date(this.knownAt).toISOString() };
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

  private shared<T>(id: string, compute: () => Promise<T>): Promise<T> {
    let found = this.scopes.get(id) as Promise<T> | undefined;
    if (!found) {
      found = compute();
      this.scopes.set(id, found);
    }
    return found;
  }

  /** Boards with data or with a saved workflow map. */
  private knownBoards(workspaceId: string): Promise<Set<string>> {
    return this.shared(key('boards', workspaceId), async () => {
      const ctx = await this.sources.contexts.create(this.principal(workspaceId), {}, Math.max(this.at, Date.now()));
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

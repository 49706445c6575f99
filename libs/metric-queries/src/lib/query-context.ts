/** Everything a metric query needs besides its own parameters. */
export interface MetricQueryContext {
  readonly workspaceId: string;
  /** IANA zone of the workspace: day and week buckets. */
  readonly timezone: string;
  /** Evaluation instant (epoch ms): events occurred and received after it are ignored. */
  readonly asOf: number;
  /**
   * Events received after this instant are ignored too (default `asOf`: what the platform knew
   * then). Later than `asOf`, the state at `asOf` as the events known at `knownAt` tell it
   * (hindsight): back-tests evaluate past days with everything known now.
   */
  readonly knownAt?: number;
  /** True when the caller asked for a past instant: state is then computed from the timelines. */
  readonly pointInTime: boolean;
  /** Inclusive local dates YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly boardIds: readonly string[];
  readonly types: readonly string[];
  readonly teams: readonly string[];
  readonly stages: StageMapping;
  /** The saved workflow maps the mapping was built from. */
  readonly workflows: ReadonlyArray<{ boardId: string; stages: ReadonlyArray<{ name: string; category: string; statuses: readonly string[] }> }>;
}

/** Workflow maps flattened for query-time lookup (see stage-mapping.ts). */
export interface StageMapping {
  /** `${boardId}\u001e${status id or trimmed lower-cased name}` -> stage name. */
  readonly stageOf: Readonly<Record<string, string>>;
  /** Same keys -> stage category. */
  readonly categoryOf: Readonly<Record<string, string>>;
  /** `${boardId}\u001f${stage}` of stages that count as blocked. */
  readonly blockedStages: readonly string[];
  /** Stage names in map order per board (for CFD ordering). */
  readonly orderedStages: Readonly<Record<string, ReadonlyArray<{ name: string; category: string }>>>;
}

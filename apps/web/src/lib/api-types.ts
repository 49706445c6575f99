// Response shapes of the public API (api.md) that the dashboard reads.
export interface Throughput { total: number; series: Array<{ start: string; count: number }> }
export interface ElapsedItem { itemKey: string; createdAt?: string; startedAt: string; doneAt: string; days: number }
export interface ElapsedTime { count: number; p50: number | null; p70: number | null; p85: number | null; p95: number | null; mean: number | null; items: ElapsedItem[]; itemsTotal: number; itemsTruncated: boolean }
export interface Wip { series: Array<{ date: string; wip: number }> }
export interface Percentiles { p50: number | null; p70: number | null; p85: number | null; p95: number | null }
export interface AgingItem { itemKey: string; stage: string; category: string; startedAt: string; ageDays: number }
export interface Aging { asOf: string; items: AgingItem[]; itemsTotal: number; itemsTruncated: boolean; percentiles: Percentiles; itemsBeyond?: { p50: number; p70: number; p85: number; p95: number } }
export interface Cfd { stages: string[]; categories: Record<string, string>; series: Array<{ date: string; counts: Record<string, number> }> }
export interface FlowEfficiency { efficiency: number | null; activeDays: number; waitDays: number }
export interface FlowDistribution { total: number; byType: Record<string, number>; counts: Record<string, number> }
export interface FlowFramework { velocity: number; time: Omit<ElapsedTime, 'items' | 'itemsTotal' | 'itemsTruncated'>; load: number; efficiency: FlowEfficiency; distribution: FlowDistribution }
export interface LittlesLaw { days: number; averageWip: number; averageThroughput: number; averageCycleTime: number | null; predictedCycleTime: number | null; ratio: number | null }
export interface Sprint { sprintId: string; name: string; state: string; startAt: string; completeAt: string | null; committed: number; completed: number; predictability: number | null; added: number; removed: number }
export interface Sprints { items: Sprint[] }
export interface Outcome { value: number; trials: number }
export interface HowMany { asOf: string; by: string; days: number; trials: number; p50: number; p85: number; p95: number; historyDays: number; outcomes?: Outcome[] }
export interface When { asOf: string; items: number; trials: number; capped: number; days: { p50: number; p85: number; p95: number }; p50: string; p85: string; p95: string; outcomes?: Outcome[] }
export interface Item { itemKey: string; itemId?: string; title: string | null; type: string | null; status: string | null; stage: string | null; stageCategory: string | null; boardId: string; assignee: { id: string; name: string | null } | null; team: string | null; createdAt: string | null; startedAt: string | null; doneAt: string | null; blocked: boolean; url?: string | null }
export interface TimelineSegment { from: string; to: string | null; stage: string; category: string; status: string; blocked: boolean; days: number }
export interface Timeline { itemKey: string; segments: TimelineSegment[] }
export type StageCategory = 'backlog' | 'active' | 'wait' | 'done' | 'removed';
export interface Stage { name: string; category: StageCategory; statuses: string[] }
export interface WorkflowMap { boardId: string; default: boolean; version: number | null; stages: Stage[]; changedBy: string | null; changedAt: string | null; unmappedStatuses?: string[] }
export interface Workflows { items: WorkflowMap[] }
export interface WorkflowVersions { items: Array<{ version: number; stages: Stage[]; changedBy: string; changedAt: string }> }
export interface Connector { id: string; type: 'jira' | 'trello' | 'generic'; name: string; webhookPath: string; signed: boolean; callbackUrl: string | null; settings: Record<string, unknown>; createdAt: string; webhookUrl?: string; lastDelivery?: { at: string; status: string } | null }
export interface DeadLetter { deliveryId: string; connectorId: string; connectorType?: string; reason: string; status: string; receivedAt: string; [more: string]: unknown }
export interface ImportJob { id: string; kind: string; connectorId: string; status: string; [more: string]: unknown }
export interface ApiKey { id: string; name: string; role: 'viewer' | 'analyst' | 'admin'; createdAt: string; revoked: boolean }
export interface AuditEntry { id: string; at: string; actor: { keyId: string | null; name: string }; action: string; target: { type: string; id: string | null }; before: unknown; after: unknown; requestId: string | null }
export interface AuditPage { items: AuditEntry[]; nextCursor: string | null }
export type RiskSignal = 'aging' | 'blocked' | 'due-date' | 'dependency';
export interface RiskItem { itemKey: string; boardId: string; signals: RiskSignal[]; ageDays: number | null; sleDays: number | null; pace: number | null; blockedDays: number | null; dueDate: string | null; pOnTime: number | null }
export interface RiskItems { asOf: string; items: RiskItem[]; inProgress: number; blocked: number; blockedShare: number | null }
export interface DeliveryForecast { boardIds: string[]; scope: number; remaining: number; p50: string | null; p85: string | null; p95: string | null; pOnTime: number | null; atRisk: boolean; scopeAdded: number; reason?: string }
export interface ReleaseForecast extends DeliveryForecast { releaseId: string; name: string; releaseDate: string | null }
export interface EpicForecast extends DeliveryForecast { epicKey: string; dueDate: string | null }
export interface Dependency { itemKey: string; blockedByKey: string; boardId: string; blockedByBoardId: string; crossTeam: boolean; ageDays: number | null; open: boolean }
export interface Concentration { boardId: string; done: number; topShare: number | null; peopleFor80: number | null; flagged: boolean }
export interface Quality { reopenRate: number | null; reopened: number; done: number; defectShare: number | null; created: number; defectsCreated: number; defectsDone: number; defectNetFlow: number }
/** `quality?interval=week`: the window's figures and each week's. */
export interface QualityTrend extends Quality { interval: 'week'; series: Array<Quality & { from: string; to: string }> }
export type RiskLevel = 'low' | 'medium' | 'high';
export interface RiskSummary { by: string; items: Array<{ id: string; name: string; level: RiskLevel; reasons: string[]; counts: Record<string, number> }> }
export type Roam = 'resolved' | 'owned' | 'accepted' | 'mitigated';
export interface RegisterEntry { riskId: string; signal: string; subject: { type: string; id: string }; roam: Roam | null; owner: string | null; note: string | null; open: boolean; history: Array<{ roam: Roam | null; owner: string | null; note: string | null; at: string; by: string }> }

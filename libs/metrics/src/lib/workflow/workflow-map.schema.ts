import { z } from 'zod';

export const STAGE_CATEGORIES = ['backlog', 'active', 'wait', 'done', 'removed'] as const;
export const stageCategorySchema = z.enum(STAGE_CATEGORIES);
export type StageCategory = z.infer<typeof stageCategorySchema>;

/** Categories in which an item is work in progress. */
export const IN_PROGRESS_CATEGORIES: ReadonlySet<StageCategory> = new Set(['active', 'wait']);
/** Categories whose first entry marks an item as started. */
export const STARTED_CATEGORIES: ReadonlySet<StageCategory> = new Set(['active', 'wait', 'done']);

export const workflowStageSchema = z.object({
  name: z.string().trim().min(1),
  category: stageCategorySchema,
  /** Source status ids or names (names match case-insensitively). */
  statuses: z.array(z.string().min(1)),
});
export type WorkflowStage = z.infer<typeof workflowStageSchema>;

/** A board's workflow: stages in list order. */
export const workflowMapSchema = z.object({
  boardId: z.string().min(1),
  stages: z.array(workflowStageSchema),
});
export type WorkflowMap = z.infer<typeof workflowMapSchema>;

/** The stage an item is in, after resolving its status through a map (or the defaults). */
export interface ResolvedStage {
  readonly name: string;
  readonly category: StageCategory;
  /** A blocked stage: its name, one of its statuses, or the item's status is named `blocked`. */
  readonly blocked: boolean;
}

export const REMOVED_STAGE: ResolvedStage = { name: 'Removed', category: 'removed', blocked: false };

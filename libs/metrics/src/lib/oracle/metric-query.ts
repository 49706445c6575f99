import type { FlowTypeMap } from '../flow-type/flow-type';
import type { WorkflowMap } from '../workflow/workflow-map.schema';

/** The common metrics query (api.md), with the configuration the figures depend on. */
export interface MetricQuery {
  /** Local dates, both inclusive, in `timezone`. */
  readonly from: string;
  readonly to: string;
  /** The workspace's IANA time zone. */
  readonly timezone: string;
  /** Current board of the item (any of). Empty or absent: no filter. */
  readonly boardIds?: readonly string[];
  /** Current issue type of the item (any of; case-insensitive). */
  readonly types?: readonly string[];
  /** Current `team` field of the item (any of; case-insensitive). */
  readonly teams?: readonly string[];
  /** Saved maps; boards without one use the defaults. */
  readonly workflows?: readonly WorkflowMap[];
  readonly flowTypes?: FlowTypeMap;
}

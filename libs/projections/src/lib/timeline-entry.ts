/**
 * Kinds of entries in an item timeline. WARNING: persisted in ClickHouse and read by the metric
 * queries; never rename, only add.
 */
export const ENTRY = {
  created: 'created',
  status: 'status',
  /** The status an item left at its first known change (its state before, if no creation was seen). */
  statusFrom: 'status_from',
  /** The status an observation showed; the item's status only when no creation or status change is known. */
  observed: 'observed',
  board: 'board',
  key: 'key',
  title: 'title',
  type: 'type',
  priority: 'priority',
  team: 'team',
  assignee: 'assignee',
  estimate: 'estimate',
  due: 'due',
  parent: 'parent',
  labels: 'labels',
  sprints: 'sprints',
  archived: 'archived',
  deleted: 'deleted',
  blocked: 'blocked',
  /** fixVersions (release names or ids), SEP-joined. */
  versions: 'versions',
} as const;

export type EntryKind = (typeof ENTRY)[keyof typeof ENTRY];

/** Separates the parts of a composite value (status id/name/category, list values). */
export const SEP = '\u001f';

export interface TimelineEntry {
  /** occurredAt, epoch ms. */
  readonly at: number;
  readonly seq: number;
  /** receivedAt, epoch ms (what the platform knew when). */
  readonly recv: number;
  /** 64-bit hash of the event id, as a decimal string. */
  readonly id: string;
  readonly kind: EntryKind;
  readonly val: string;
}

/**
 * Canonical event type names. WARNING: persisted in the log and in ClickHouse; never rename,
 * only add.
 */
export const EVENT_TYPES = {
  workItemCreated: 'WorkItemCreated',
  workItemStatusChanged: 'WorkItemStatusChanged',
  workItemUpdated: 'WorkItemUpdated',
  workItemBlocked: 'WorkItemBlocked',
  workItemUnblocked: 'WorkItemUnblocked',
  workItemDeleted: 'WorkItemDeleted',
  workItemRestored: 'WorkItemRestored',
  workItemMoved: 'WorkItemMoved',
  workItemObserved: 'WorkItemObserved',
  sprintUpserted: 'SprintUpserted',
  sprintStarted: 'SprintStarted',
  sprintClosed: 'SprintClosed',
  projectUpserted: 'ProjectUpserted',
  releaseUpserted: 'ReleaseUpserted',
  boardUpserted: 'BoardUpserted',
  itemLinkCreated: 'ItemLinkCreated',
  itemLinkDeleted: 'ItemLinkDeleted',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPES);

export const EVENT_SCHEMA_VERSION = 1 as const;

export const EVENT_SOURCES = ['jira', 'trello', 'generic'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

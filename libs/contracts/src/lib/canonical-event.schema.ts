import { z } from 'zod';
import { EVENT_SCHEMA_VERSION, EVENT_SOURCES, EVENT_TYPES } from './event-types';
import { ISO_INSTANT } from './time';

export const isoInstantSchema = z.string().regex(ISO_INSTANT, 'must be a UTC ISO-8601 instant with milliseconds');
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * The source's own coarse status category, when it has one (Jira's statusCategory
 * new/indeterminate/done becomes todo/in_progress/done). Trello has none (null).
 * Stages are NOT decided here: workflow maps turn statuses into stages at query time.
 */
export const statusCategorySchema = z.enum(['todo', 'in_progress', 'done']);
export type StatusCategory = z.infer<typeof statusCategorySchema>;

export const statusRefSchema = z.object({
  id: z.string().nullable(),
  name: z.string().min(1),
  category: statusCategorySchema.nullable(),
});
export type StatusRef = z.infer<typeof statusRefSchema>;

export const personSchema = z.object({ id: z.string().min(1), name: z.string().nullable() });
export type Person = z.infer<typeof personSchema>;

/** Every tracked field of a work item. Creation carries all of them; updates carry the changed ones. */
export const workItemFieldsSchema = z.object({
  title: z.string(),
  type: z.string().nullable(),
  priority: z.string().nullable(),
  assignee: personSchema.nullable(),
  labels: z.array(z.string()),
  components: z.array(z.string()),
  fixVersions: z.array(z.string()),
  estimate: z.number().finite().nullable(),
  dueDate: localDateSchema.nullable(),
  parentId: z.string().nullable(),
  sprintIds: z.array(z.string()),
  team: z.string().nullable(),
  /** Trello's closed card; an archived item outside a done stage counts as removed. */
  archived: z.boolean(),
});
export type WorkItemFields = z.infer<typeof workItemFieldsSchema>;

/** Every tracked field in its "nothing known yet" state. */
export function emptyWorkItemFields(title: string): WorkItemFields {
  return {
    title,
    type: null,
    priority: null,
    assignee: null,
    labels: [],
    components: [],
    fixVersions: [],
    estimate: null,
    dueDate: null,
    parentId: null,
    sprintIds: [],
    team: null,
    archived: false,
  };
}

export const blockReasonSchema = z.enum(['flag', 'label', 'external']);
export type BlockReason = z.infer<typeof blockReasonSchema>;

const envelope = {
  eventId: z.uuid(),
  workspaceId: z.string().min(1),
  connectorId: z.string().min(1),
  source: z.enum(EVENT_SOURCES),
  /** The source's identity of the change (Jira changelog id, Trello action id, ...). */
  sourceEventId: z.string().min(1),
  occurredAt: isoInstantSchema,
  receivedAt: isoInstantSchema,
  /** Orders events of one source change that share `occurredAt` (e.g. items of one Jira changelog). */
  sequence: z.number().int().nonnegative(),
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
  /** Jira project key or Trello board id. */
  boardId: z.string().min(1).nullable(),
  /** The source's stable id (Jira issue id, Trello card id). */
  itemId: z.string().min(1).nullable(),
  /** The human key (Jira `KAN-12`, Trello short link); may change when an item moves. */
  itemKey: z.string().min(1).nullable(),
};

const itemEnvelope = { ...envelope, boardId: z.string().min(1), itemId: z.string().min(1), itemKey: z.string().min(1) };

const sprintPayload = z.object({
  sprintId: z.string().min(1),
  name: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  startAt: isoInstantSchema.nullable(),
  endAt: isoInstantSchema.nullable(),
  completeAt: isoInstantSchema.nullable(),
  goal: z.string().nullable(),
});

const itemRefSchema = z
  .object({ id: z.string().min(1).nullable(), key: z.string().min(1).nullable() })
  .refine((ref) => ref.id !== null || ref.key !== null, 'an item reference needs an id or a key');

/**
 * A dependency between two items, already read in one direction: `blocker` blocks `dependent`
 * (Jira "A blocks B", "B depends on A"). A link is identified by its two ends, because Jira's
 * changelog names the linked item by key and its webhooks by id; `linkId` is kept when known.
 */
const itemLinkPayload = z.object({
  linkId: z.string().min(1).nullable(),
  linkType: z.string(),
  blocker: itemRefSchema,
  dependent: itemRefSchema,
});

export const canonicalEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemCreated),
    payload: z.object({ fields: workItemFieldsSchema, status: statusRefSchema }),
  }),
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemStatusChanged),
    payload: z.object({ from: statusRefSchema.nullable(), to: statusRefSchema }),
  }),
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemUpdated),
    payload: z.object({ changes: workItemFieldsSchema.partial() }),
  }),
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemBlocked),
    payload: z.object({ reason: blockReasonSchema, note: z.string().nullable() }),
  }),
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemUnblocked),
    payload: z.object({ reason: blockReasonSchema }),
  }),
  z.object({ ...itemEnvelope, type: z.literal(EVENT_TYPES.workItemDeleted), payload: z.object({}) }),
  z.object({ ...itemEnvelope, type: z.literal(EVENT_TYPES.workItemRestored), payload: z.object({}) }),
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemMoved),
    payload: z.object({
      fromBoardId: z.string().min(1),
      toBoardId: z.string().min(1),
      fromKey: z.string().nullable(),
      toKey: z.string().nullable(),
    }),
  }),
  /**
   * The item as the source shows it at `occurredAt` (e.g. the issue carried by a Jira comment or
   * assignee change). Makes an item first seen mid-life known; its status is only a fallback, used
   * when neither a creation nor a status change of the item is known, and its fields are the ones
   * the source actually sent.
   */
  z.object({
    ...itemEnvelope,
    type: z.literal(EVENT_TYPES.workItemObserved),
    payload: z.object({ fields: workItemFieldsSchema.partial(), status: statusRefSchema }),
  }),
  z.object({ ...envelope, type: z.literal(EVENT_TYPES.sprintUpserted), payload: sprintPayload }),
  z.object({ ...envelope, type: z.literal(EVENT_TYPES.sprintStarted), payload: sprintPayload }),
  z.object({ ...envelope, type: z.literal(EVENT_TYPES.sprintClosed), payload: sprintPayload }),
  z.object({
    ...envelope,
    type: z.literal(EVENT_TYPES.projectUpserted),
    payload: z.object({ projectId: z.string().min(1), key: z.string().min(1), name: z.string() }),
  }),
  z.object({
    ...envelope,
    type: z.literal(EVENT_TYPES.releaseUpserted),
    payload: z.object({
      releaseId: z.string().min(1),
      name: z.string(),
      releaseDate: localDateSchema.nullable(),
      released: z.boolean(),
      archived: z.boolean(),
    }),
  }),
  z.object({
    ...envelope,
    type: z.literal(EVENT_TYPES.boardUpserted),
    payload: z.object({ name: z.string(), statuses: z.array(statusRefSchema) }),
  }),
  z.object({ ...envelope, type: z.literal(EVENT_TYPES.itemLinkCreated), payload: itemLinkPayload }),
  z.object({ ...envelope, type: z.literal(EVENT_TYPES.itemLinkDeleted), payload: itemLinkPayload }),
]);

export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;
export type CanonicalEventOf<T extends CanonicalEvent['type']> = Extract<CanonicalEvent, { type: T }>;
export type WorkItemEvent = Exclude<
  CanonicalEvent,
  | { type: 'SprintUpserted' | 'SprintStarted' | 'SprintClosed' | 'ProjectUpserted' | 'ReleaseUpserted' | 'BoardUpserted' }
  | { type: 'ItemLinkCreated' | 'ItemLinkDeleted' }
>;
export type SprintPayload = z.infer<typeof sprintPayload>;
export type ItemLinkPayload = z.infer<typeof itemLinkPayload>;

export function isWorkItemEvent(event: CanonicalEvent): event is WorkItemEvent {
  return event.itemId !== null && event.type.startsWith('WorkItem');
}

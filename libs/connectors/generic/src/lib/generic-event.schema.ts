import { z } from 'zod';
import { calendarDateSchema, offsetInstantSchema } from '@flowlens/contracts';

/** Most events one request may carry. */
export const GENERIC_MAX_EVENTS = 1000;

const text = (max: number) => z.string().min(1).max(max);
const instant = offsetInstantSchema.describe('When the change happened at the source: ISO-8601 with offset, e.g. 2024-03-04T10:15:00+01:00');
const localDate = calendarDateSchema;

export const genericStatusSchema = z
  .strictObject({
    id: text(200).optional().describe("The tool's own status id, if it has one"),
    name: text(200).describe('Status name as shown in the tool; workflow maps match on it'),
    category: z.enum(['todo', 'in_progress', 'done']).optional().describe('Coarse category, if the tool has one'),
  })
  .describe('A status (column, state) of the source tool');

const person = z.strictObject({ id: text(200), name: z.string().max(200).nullable().optional() });
const names = z.array(z.string().max(200)).max(200);

export const genericFieldsSchema = z.strictObject({
  title: z.string().max(1000),
  type: z.string().max(200).nullable().optional().describe('Work item type (Story, Bug, ...); drives flow distribution'),
  priority: z.string().max(200).nullable().optional(),
  assignee: person.nullable().optional(),
  labels: names.optional().describe('The full label set (a label named "blocked" marks the item blocked)'),
  components: names.optional(),
  fixVersions: names.optional(),
  estimate: z.number().finite().nullable().optional(),
  dueDate: localDate.nullable().optional(),
  parentId: z.string().max(200).nullable().optional(),
  sprintIds: names.optional(),
  team: z.string().max(200).nullable().optional(),
  archived: z.boolean().optional(),
});
export type GenericFields = z.infer<typeof genericFieldsSchema>;

const common = {
  id: text(200).describe('Unique id of this change in the source tool; the idempotency key (unique per workspace)'),
  occurredAt: instant,
  boardId: text(200).describe('Board, project or team the item belongs to'),
  sequence: z.number().int().min(0).max(1_000_000).optional().describe('Orders changes that share occurredAt (default 0)'),
};
const item = {
  ...common,
  itemId: text(200).describe('Stable id of the work item in the source tool'),
  itemKey: text(200).optional().describe('Human key of the item (defaults to itemId)'),
};
const reason = z.enum(['flag', 'label', 'external']).optional().describe('Why the item is blocked (default external)');

export const genericEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...item, type: z.literal('WorkItemCreated'), status: genericStatusSchema, fields: genericFieldsSchema }),
  z.strictObject({
    ...item,
    type: z.literal('WorkItemStatusChanged'),
    from: genericStatusSchema.nullable().optional(),
    to: genericStatusSchema,
  }),
  z.strictObject({ ...item, type: z.literal('WorkItemUpdated'), changes: genericFieldsSchema.partial() }),
  z.strictObject({ ...item, type: z.literal('WorkItemBlocked'), reason, note: z.string().max(2000).nullable().optional() }),
  z.strictObject({ ...item, type: z.literal('WorkItemUnblocked'), reason }),
  z.strictObject({ ...item, type: z.literal('WorkItemDeleted') }),
  z.strictObject({ ...item, type: z.literal('WorkItemRestored') }),
  z.strictObject({
    ...item,
    type: z.literal('WorkItemMoved'),
    fromBoardId: text(200).describe('The board the item left; boardId is the board it joined'),
    fromKey: text(200).nullable().optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal('BoardUpserted'),
    name: z.string().max(500),
    statuses: z.array(genericStatusSchema).min(1).max(500).describe('Every status of the board, in workflow order'),
  }),
]);
export type GenericEvent = z.infer<typeof genericEventSchema>;

export const GENERIC_EVENT_TYPES = genericEventSchema.options.map((option) => option.shape.type.value);

export const genericBatchSchema = z.strictObject({
  events: z.array(genericEventSchema).min(1).max(GENERIC_MAX_EVENTS),
});

/** The request body: one event, or `{ "events": [...] }` with up to 1,000. */
export const genericWebhookBodySchema = z
  .union([genericEventSchema, genericBatchSchema])
  .meta({
    title: 'Flowlens generic webhook body',
    description: 'One work-item or board event, or { "events": [ ... ] } with 1 to 1000 of them.',
  });

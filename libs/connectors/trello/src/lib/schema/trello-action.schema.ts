import { z } from 'zod';
import { tryIsoInstant } from '@flowlens/contracts';

/**
 * Trello action payloads as webhooks and `GET /1/boards/{id}/actions` deliver them. Lenient on
 * extras (Trello adds fields freely); typed where normalisation reads. A card without an id passes
 * here on purpose: it is a well-formed action that cannot be normalised (dead letter, not 400).
 */
const trelloDateSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && tryIsoInstant(value) !== null, 'must be an ISO-8601 instant');

export const trelloCardRefSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  idShort: z.number().optional(),
  shortLink: z.string().optional(),
  idList: z.string().optional(),
  closed: z.boolean().optional(),
  due: z.string().nullable().optional(),
  pos: z.number().optional(),
});
export type TrelloCardRef = z.infer<typeof trelloCardRefSchema>;

export const trelloListRefSchema = z.looseObject({ id: z.string(), name: z.string().optional() });
export type TrelloListRef = z.infer<typeof trelloListRefSchema>;

export const trelloBoardRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  shortLink: z.string().optional(),
});

const trelloLabelRefSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  color: z.string().nullable().optional(),
});

export const trelloMemberSchema = z.looseObject({
  id: z.string(),
  fullName: z.string().nullable().optional(),
  username: z.string().optional(),
});

export const trelloActionDataSchema = z.looseObject({
  card: trelloCardRefSchema.optional(),
  cardSource: trelloCardRefSchema.optional(),
  list: trelloListRefSchema.optional(),
  listBefore: trelloListRefSchema.optional(),
  listAfter: trelloListRefSchema.optional(),
  board: trelloBoardRefSchema.optional(),
  boardSource: trelloBoardRefSchema.optional(),
  boardTarget: trelloBoardRefSchema.optional(),
  old: z.record(z.string(), z.unknown()).optional(),
  label: trelloLabelRefSchema.optional(),
  text: z.string().optional(),
  idMember: z.string().optional(),
  member: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
});

export const trelloActionSchema = z.looseObject({
  id: z.string().min(1),
  idMemberCreator: z.string().nullable().optional(),
  type: z.string().min(1),
  date: trelloDateSchema,
  data: trelloActionDataSchema,
  memberCreator: trelloMemberSchema.nullable().optional(),
  member: trelloMemberSchema.optional(),
  display: z.looseObject({ translationKey: z.string().optional() }).optional(),
});
export type TrelloAction = z.infer<typeof trelloActionSchema>;

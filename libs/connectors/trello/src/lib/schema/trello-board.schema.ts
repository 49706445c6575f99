import { z } from 'zod';

/** `GET /1/boards/{id}/lists?filter=all` items (closed lists included: archived cards may sit in them). */
export const trelloListSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  closed: z.boolean().optional(),
  pos: z.number().optional(),
  idBoard: z.string().optional(),
});
export type TrelloList = z.infer<typeof trelloListSchema>;

export const trelloLabelSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  color: z.string().nullable().optional(),
});
export type TrelloLabel = z.infer<typeof trelloLabelSchema>;

/** `GET /1/boards/{id}/cards/all` items: the current state of every card, archived ones included. */
export const trelloCardSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  idList: z.string().min(1),
  idBoard: z.string().optional(),
  closed: z.boolean().optional(),
  due: z.string().nullable().optional(),
  shortLink: z.string().optional(),
  idMembers: z.array(z.string()).optional(),
  labels: z.array(trelloLabelSchema).optional(),
  dateLastActivity: z.string().nullable().optional(),
});
export type TrelloCard = z.infer<typeof trelloCardSchema>;

export const trelloMemberProfileSchema = z.looseObject({
  id: z.string(),
  fullName: z.string().nullable().optional(),
  username: z.string().optional(),
});
export type TrelloMemberProfile = z.infer<typeof trelloMemberProfileSchema>;

/** A board's JSON export (board menu -> Print, export and share -> Export as JSON). */
export const trelloBoardExportSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  lists: z.array(trelloListSchema),
  cards: z.array(trelloCardSchema),
  /** Validated one by one during conversion so one odd action does not reject the file. */
  actions: z.array(z.unknown()),
  labels: z.array(trelloLabelSchema).optional(),
  members: z.array(trelloMemberProfileSchema).optional(),
});
export type TrelloBoardExport = z.infer<typeof trelloBoardExportSchema>;

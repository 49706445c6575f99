import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const connectorId = z.uuid({ message: 'must be a connector id (UUID)' });

const jiraAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), email: z.email(), apiToken: z.string().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(4000) }).strict(),
]);

export const jiraRestRequestSchema = z
  .object({
    kind: z.literal('jira-rest'),
    connectorId,
    /** Site root, e.g. https://acme.atlassian.net (a proxy prefix is kept). */
    baseUrl: httpUrl,
    jql: z.string().trim().min(1).max(4000),
    auth: jiraAuthSchema,
    /** Issues per search page (Jira answers at most 100). */
    pageSize: z.number().int().min(1).max(100).optional(),
    /** `cloud` (REST v3, default) or `data-center` (Jira Data Center / Server, REST v2; auth: a personal access token as bearer). */
    site: z.enum(['cloud', 'data-center']).optional(),
  })
  .strict();

export const trelloRestRequestSchema = z
  .object({
    kind: z.literal('trello-rest'),
    connectorId,
    /** The board's id (24 hex digits) or its short link. */
    boardId: z.string().regex(/^([0-9a-fA-F]{24}|[A-Za-z0-9]{8})$/, 'must be a Trello board id or short link'),
    key: z.string().min(1).max(200),
    token: z.string().min(1).max(1000),
    baseUrl: httpUrl.optional(),
  })
  .strict();

const fileRequest = <K extends 'jira-file' | 'trello-file'>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      connectorId,
      /** The export itself (Jira: a search response or issue array with changelogs; Trello: a board JSON export). */
      file: z.unknown().refine((value) => typeof value === 'object' && value !== null, 'must be the export JSON (an object or array)'),
      fileName: z.string().trim().min(1).max(300).optional(),
    })
    .strict();

/** `POST /api/v1/imports` body. */
export const importRequestSchema = z.discriminatedUnion('kind', [jiraRestRequestSchema, trelloRestRequestSchema, fileRequest('jira-file'), fileRequest('trello-file')]);
export type ImportRequest = z.infer<typeof importRequestSchema>;
export type JiraRestRequest = z.infer<typeof jiraRestRequestSchema>;
export type TrelloRestRequest = z.infer<typeof trelloRestRequestSchema>;
export type JiraAuthInput = z.infer<typeof jiraAuthSchema>;

/** What is stored in `params` (shown by the API) — never a credential. */
export const storedParamsSchema = z.object({
  baseUrl: z.string().optional(),
  jql: z.string().optional(),
  authKind: z.enum(['basic', 'bearer']).optional(),
  email: z.string().optional(),
  pageSize: z.number().int().optional(),
  site: z.enum(['cloud', 'data-center']).optional(),
  boardId: z.string().optional(),
  fileName: z.string().nullable().optional(),
  path: z.string().optional(),
  bytes: z.number().int().optional(),
  sha256: z.string().optional(),
});
export type StoredParams = z.infer<typeof storedParamsSchema>;

/** What is sealed in `secrets_sealed`. */
export const storedSecretsSchema = z.object({
  jiraAuth: jiraAuthSchema.optional(),
  trello: z.object({ key: z.string(), token: z.string() }).optional(),
});
export type StoredSecrets = z.infer<typeof storedSecretsSchema>;

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { jiraExportSchema } from '@flowlens/connector-jira';
import { trelloBoardExportSchema } from '@flowlens/connector-trello';
import { ConnectorRepository, type ConnectorRecord, type ImportJobEntity, ImportJobRepository, type ImportOrigin, SecretCipher } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import type { ImportRequest, StoredParams, StoredSecrets } from './import-request.schema';

/** A CLI file import reads the file from disk (its path and digest are kept, not its content). */
export interface FileOnDisk {
  readonly path: string;
  readonly bytes: Buffer;
}

const MAX_DETAILS = 20;

/** Creates import jobs after checking the connector and the export, for the API and the CLI alike. */
@Injectable()
export class ImportJobsService {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly connectors: ConnectorRepository,
    private readonly cipher: SecretCipher,
  ) {}

  /**
   * `workspaceId` is the caller's (API key); null lets the connector decide (the CLI acts with the
   * database's authority). Throws ApiError: 404 for an unknown connector, 400 for a mismatched
   * connector type or a file that is not an export of that tool.
   */
  async create(workspaceId: string | null, origin: ImportOrigin, request: ImportRequest, onDisk?: FileOnDisk): Promise<ImportJobEntity> {
    const connector = await this.connectors.findById(request.connectorId);
    if (!connector || (workspaceId !== null && connector.workspaceId !== workspaceId)) {
      throw ApiError.notFound(`no connector with id ${request.connectorId}`, 'unknown_connector');
    }
    const tool = request.kind.startsWith('jira') ? 'jira' : 'trello';
    if (connector.type !== tool) {
      throw ApiError.badRequest(`connector ${connector.id} is a ${connector.type} connector; ${request.kind} imports need a ${tool} connector`, [{ path: 'connectorId', message: `not a ${tool} connector` }], 'connector_type_mismatch');
    }
    const { params, secrets, fileBody } = this.split(request, onDisk);
    return this.jobs.create({
      workspaceId: connector.workspaceId,
      connectorId: connector.id,
      kind: request.kind,
      origin,
      params,
      secretsSealed: secrets ? this.cipher.seal(JSON.stringify(secrets)) : null,
      fileBody,
    });
  }

  /** A job of the workspace, or 404. */
  async find(workspaceId: string, id: string): Promise<ImportJobEntity> {
    const job = await this.jobs.findById(id);
    if (!job || job.workspaceId !== workspaceId) throw ApiError.notFound(`no import job with id ${id}`, 'unknown_import_job');
    return job;
  }

  async connectorOf(job: ImportJobEntity): Promise<ConnectorRecord | null> {
    return this.connectors.findById(job.connectorId);
  }

  private split(request: ImportRequest, onDisk?: FileOnDisk): { params: StoredParams; secrets: StoredSecrets | null; fileBody: string | null } {
    switch (request.kind) {
      case 'jira-rest':
        return {
          params: { baseUrl: request.baseUrl, jql: request.jql, authKind: request.auth.kind, ...(request.auth.kind === 'basic' ? { email: request.auth.email } : {}), ...(request.pageSize ? { pageSize: request.pageSize } : {}), ...(request.site ? { site: request.site } : {}) },
          secrets: { jiraAuth: request.auth },
          fileBody: null,
        };
      case 'trello-rest':
        return { params: { boardId: request.boardId, ...(request.baseUrl ? { baseUrl: request.baseUrl } : {}) }, secrets: { trello: { key: request.key, token: request.token } }, fileBody: null };
      case 'jira-file':
      case 'trello-file': {
        checkExport(request.kind, request.file);
        const text = onDisk ? null : JSON.stringify(request.file);
        const bytes = onDisk ? onDisk.bytes : Buffer.from(text ?? '', 'utf8');
        const params: StoredParams = {
          fileName: request.fileName ?? null,
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          ...(onDisk ? { path: onDisk.path } : {}),
        };
        return { params, secrets: null, fileBody: text };
      }
    }
  }
}

function checkExport(kind: 'jira-file' | 'trello-file', file: unknown): void {
  // A Jira export is an issue array or a search response: check against the shape it has, so the details point inside it.
  const schema: z.ZodType = kind === 'trello-file' ? trelloBoardExportSchema : Array.isArray(file) ? jiraExportSchema.options[0] : jiraExportSchema.options[1];
  const parsed = schema.safeParse(file);
  if (parsed.success) return;
  const what = kind === 'jira-file' ? 'a Jira issues export (a search response or an array of issues with changelogs)' : 'a Trello board JSON export';
  const details = parsed.error.issues.slice(0, MAX_DETAILS).map((i) => ({ path: ['file', ...i.path.map(String)].join('.'), message: i.message }));
  throw ApiError.badRequest(`the file is not ${what}`, details, 'invalid_export');
}

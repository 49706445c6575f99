import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import type { NormalisationContext } from '@flowlens/contracts';
import { JiraBackfillClient, jiraExportToEvents, JiraRestClient } from '@flowlens/connector-jira';
import { TrelloBackfillClient, trelloExportToEvents } from '@flowlens/connector-trello';
import { type ImportJobEntity, SecretCipher } from '@flowlens/persistence';
import { ImportSourceError } from '../import.errors';
import { storedParamsSchema, storedSecretsSchema, type StoredParams, type StoredSecrets } from '../import-request.schema';
import { type ConvertedExport, ExportFileSource } from './export-file.source';
import type { ImportSource } from './import-source';
import { JiraRestSource } from './jira-rest.source';
import { TrelloRestSource } from './trello-rest.source';

export interface ImportInputs {
  readonly secretsSealed: string | null;
  readonly fileBody: string | null;
}

/** Builds the source a stored job reads from, opening its sealed credentials. */
@Injectable()
export class ImportSourceFactory {
  constructor(private readonly cipher: SecretCipher) {}

  create(job: ImportJobEntity, inputs: ImportInputs, ctx: NormalisationContext): ImportSource {
    const params = storedParamsSchema.parse(job.params);
    const secrets = this.secretsOf(inputs);
    switch (job.kind) {
      case 'jira-rest': {
        if (!secrets.jiraAuth || !params.baseUrl || !params.jql) throw new ImportSourceError('the job has no Jira site, JQL or credentials');
        const rest = new JiraRestClient({ baseUrl: params.baseUrl, auth: secrets.jiraAuth });
        return new JiraRestSource(new JiraBackfillClient(rest, { jql: params.jql, pageSize: params.pageSize ?? 100, concurrency: 4, site: params.site ?? 'cloud' }), ctx);
      }
      case 'trello-rest': {
        if (!secrets.trello || !params.boardId) throw new ImportSourceError('the job has no Trello board, key or token');
        const client = new TrelloBackfillClient({ ...secrets.trello, ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}) });
        return new TrelloRestSource(client, params.boardId, ctx);
      }
      case 'jira-file':
        return new ExportFileSource(() => jiraExport(readExport(params, inputs.fileBody), ctx));
      case 'trello-file':
        return new ExportFileSource(() => trelloExport(readExport(params, inputs.fileBody), ctx));
    }
  }

  private secretsOf(inputs: ImportInputs): StoredSecrets {
    if (!inputs.secretsSealed) return {};
    return storedSecretsSchema.parse(JSON.parse(this.cipher.open(inputs.secretsSealed)));
  }
}

function jiraExport(json: unknown, ctx: NormalisationContext): ConvertedExport {
  const result = jiraExportToEvents(json, ctx);
  const truncated = result.truncatedChangelogs.map((key) => ({
    id: key,
    reason: 'the export holds fewer histories than the changelog total: the creation state may be wrong (back-fill it over REST)',
  }));
  return { events: result.events, failures: [...result.failures.map((f) => ({ id: f.issueKey, reason: f.reason })), ...truncated] };
}

function trelloExport(json: unknown, ctx: NormalisationContext): ConvertedExport {
  const result = trelloExportToEvents(json, ctx);
  return { events: result.events, failures: result.failed.map((f) => ({ id: f.id, reason: f.reason })) };
}

/** The uploaded export, or the CLI's file (which must not have changed since the job started). */
function readExport(params: StoredParams, fileBody: string | null): unknown {
  if (fileBody !== null) return JSON.parse(fileBody);
  if (!params.path) throw new ImportSourceError('the job has neither an uploaded file nor a file path');
  let bytes: Buffer;
  try {
    bytes = readFileSync(params.path);
  } catch (error) {
    throw new ImportSourceError(`cannot read ${params.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (params.sha256 && createHash('sha256').update(bytes).digest('hex') !== params.sha256) {
    throw new ImportSourceError(`${params.path} changed since the import started; start a new import`);
  }
  return JSON.parse(bytes.toString('utf8'));
}

import { PayloadSchemaError } from '@flowlens/contracts';
import { JiraApiError, JiraCheckpointError } from '@flowlens/connector-jira';
import { TrelloApiError } from '@flowlens/connector-trello';
import { EventLogUnavailableError } from '@flowlens/event-log';

/** A job cannot run as asked (bad file, changed file, missing credentials): its message is shown as is. */
export class ImportSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportSourceError';
  }
}

/** One readable line for a failed job (stored as its `error`, printed by the CLI). */
export function describeImportError(error: unknown): string {
  return oneLine(describe(error));
}

function describe(error: unknown): string {
  if (error instanceof JiraApiError) {
    if (error.status === 401 || error.status === 403) {
      return `Jira refused the credentials (HTTP ${error.status}): check the e-mail and API token, or the bearer token`;
    }
    return `Jira request failed: ${error.message}`;
  }
  if (error instanceof TrelloApiError) {
    if (error.status === 401 || error.status === 403) return `Trello refused the key or token (HTTP ${error.status})`;
    return `Trello request failed: ${error.message}`;
  }
  if (error instanceof PayloadSchemaError) {
    const detail = error.details[0];
    return `${error.message}${detail ? ` (${detail.path}: ${detail.message})` : ''}`;
  }
  if (error instanceof JiraCheckpointError || error instanceof RangeError) return `the stored checkpoint cannot be resumed: ${error.message}`;
  if (error instanceof EventLogUnavailableError) return `the event log is unavailable: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

/** A Jira REST call failed for good (non-retryable status, retries exhausted, or an unexpected body). */
export class JiraApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly url: string,
  ) {
    super(message);
    this.name = 'JiraApiError';
  }
}

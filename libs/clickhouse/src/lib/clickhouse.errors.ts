/** ClickHouse refused or could not be reached; never swallowed (a lost insert is lost data). */
export class ClickHouseError extends Error {
  constructor(
    message: string,
    readonly code: 'unavailable' | 'query_failed' | 'migration_failed',
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ClickHouseError';
  }
}

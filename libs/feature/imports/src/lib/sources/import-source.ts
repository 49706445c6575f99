import type { CanonicalEvent } from '@flowlens/contracts';
import type { ImportFailureSample } from '@flowlens/persistence';

/** What a job's `itemsDone` / `itemsTotal` count. */
export type ImportUnit = 'issues' | 'actions' | 'events';

export interface ImportProgress {
  readonly done: number;
  /** Null while unknown; an estimate for Trello back-fills (see docs/imports.md). */
  readonly total: number | null;
}

export interface ImportPage {
  readonly events: readonly CanonicalEvent[];
  /** Records of the source that could not be converted; the rest of the page still counts. */
  readonly failures: readonly ImportFailureSample[];
  /** JSON to store once the page's events are durable; resuming from it continues after the page. */
  readonly checkpoint: unknown;
  readonly progress: ImportProgress;
}

/** Where an import reads from: pages of canonical events, resumable from a stored checkpoint. */
export interface ImportSource {
  readonly unit: ImportUnit;
  pages(checkpoint: unknown): AsyncGenerator<ImportPage>;
}

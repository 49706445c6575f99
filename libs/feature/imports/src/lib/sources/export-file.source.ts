import { z } from 'zod';
import type { CanonicalEvent } from '@flowlens/contracts';
import type { ImportFailureSample } from '@flowlens/persistence';
import type { ImportPage, ImportSource } from './import-source';

export interface ConvertedExport {
  readonly events: readonly CanonicalEvent[];
  readonly failures: readonly ImportFailureSample[];
}

const checkpointSchema = z.object({ version: z.literal(1), eventsDone: z.number().int().nonnegative() });

/**
 * An export file, converted as a whole (conversion is pure and deterministic, so a resumed run
 * converts it again and skips the events already appended), handed out in pages of events.
 */
export class ExportFileSource implements ImportSource {
  readonly unit = 'events' as const;

  constructor(
    private readonly convert: () => ConvertedExport,
    private readonly pageSize = 1000,
  ) {}

  async *pages(checkpoint: unknown): AsyncGenerator<ImportPage> {
    const from = checkpoint === null || checkpoint === undefined ? 0 : checkpointSchema.parse(checkpoint).eventsDone;
    const { events, failures } = this.convert();
    const total = events.length;
    // Failures were reported by the run that started at 0; a resumed run must not count them twice.
    let pending = from === 0 ? failures : [];
    for (let done = from; done < total || pending.length > 0; ) {
      const next = Math.min(total, done + this.pageSize);
      yield { events: events.slice(done, next), failures: pending, checkpoint: { version: 1, eventsDone: next }, progress: { done: next, total } };
      pending = [];
      done = next;
    }
  }
}

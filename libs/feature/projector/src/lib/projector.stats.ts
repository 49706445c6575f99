import { Injectable } from '@nestjs/common';

/** Counters of what this projector wrote, for logs and the status endpoint. */
@Injectable()
export class ProjectorStats {
  private readonly counts = new Map<string, { written: number; skipped: number; batches: number }>();
  lastBatchAt: Date | null = null;

  record(topic: string, written: number, skipped: number): void {
    const current = this.counts.get(topic) ?? { written: 0, skipped: 0, batches: 0 };
    this.counts.set(topic, { written: current.written + written, skipped: current.skipped + skipped, batches: current.batches + 1 });
    this.lastBatchAt = new Date();
  }

  snapshot(): Record<string, { written: number; skipped: number; batches: number }> {
    return Object.fromEntries(this.counts);
  }
}

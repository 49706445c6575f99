import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { canonicalEventSchema, deadLetterSchema, rawWebhookSchema, TOPICS } from '@flowlens/contracts';
import type { ConsumedBatch } from '@flowlens/event-log';
import { flowlensMetrics } from '@flowlens/platform';
import { ProjectionWriter } from '@flowlens/projections';
import { parseRecords } from './log-record.parser';
import { ProjectorStats } from './projector.stats';

/**
 * Log topic -> ClickHouse projections, one batch per call. A batch is acknowledged (offsets
 * committed) only when these handlers resolve, i.e. after ClickHouse accepted every row.
 */
@Controller()
export class ProjectorHandlers {
  private readonly logger = new Logger(ProjectorHandlers.name);

  constructor(
    private readonly writer: ProjectionWriter,
    private readonly stats: ProjectorStats,
  ) {}

  @EventPattern(TOPICS.workItemEvents)
  async onWorkItemEvents(@Payload() batch: ConsumedBatch): Promise<void> {
    const { valid, invalid } = await parseRecords(batch.records, canonicalEventSchema);
    this.reportInvalid(batch, invalid);
    await timedInsert(batch, () => this.writer.writeEvents(valid));
    this.stats.record(batch.topic, valid.length, invalid.length);
  }

  @EventPattern(TOPICS.rawWebhooks)
  async onRawWebhooks(@Payload() batch: ConsumedBatch): Promise<void> {
    const { valid, invalid } = await parseRecords(batch.records, rawWebhookSchema);
    this.reportInvalid(batch, invalid);
    await timedInsert(batch, () => this.writer.writeRawWebhooks(valid));
    this.stats.record(batch.topic, valid.length, invalid.length);
  }

  @EventPattern(TOPICS.deadLetters)
  async onDeadLetters(@Payload() batch: ConsumedBatch): Promise<void> {
    const { valid, invalid } = await parseRecords(batch.records, deadLetterSchema);
    this.reportInvalid(batch, invalid);
    await timedInsert(batch, () => this.writer.writeDeadLetters(valid));
    this.stats.record(batch.topic, valid.length, invalid.length);
  }

  // A record the gateway validated should never fail here; skipping it (loudly) beats blocking
  // the partition forever. It stays in the log for a fixed projector to replay.
  private reportInvalid(batch: ConsumedBatch, invalid: Awaited<ReturnType<typeof parseRecords>>['invalid']): void {
    for (const { record, reason } of invalid) {
      this.logger.error({ topic: batch.topic, partition: record.partition, offset: record.offset, reason }, 'skipping an invalid log record');
    }
  }
}

async function timedInsert(batch: ConsumedBatch, insert: () => Promise<void>): Promise<void> {
  flowlensMetrics.projectorBatchSize.observe({ topic: batch.topic }, batch.records.length);
  const end = flowlensMetrics.projectorInsertSeconds.startTimer({ topic: batch.topic });
  await insert();
  end();
}

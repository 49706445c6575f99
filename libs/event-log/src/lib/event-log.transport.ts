import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { ConsumedBatch, EventLog, Subscription } from './event-log.port';

export interface EventLogTransportOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly fromBeginning: boolean;
  readonly maxBatchSize?: number;
}

/** Context handed to `@EventPattern(topic)` handlers next to the batch. */
export class EventLogContext extends BaseRpcContext<[topic: string, partition: number]> {
  get topic(): string {
    return this.args[0];
  }
  get partition(): number {
    return this.args[1];
  }
}

/**
 * A NestJS microservice transport over the EventLog port: `@EventPattern(topic)` handlers get one
 * batch per call, on Kafka and on the embedded log alike. Unlike Nest's built-in event dispatch
 * (which does not wait on the handler's outcome), a failing handler here fails the batch, so its
 * offsets are not committed and the batch is delivered again.
 */
export class EventLogTransport extends Server implements CustomTransportStrategy {
  private subscription: Subscription | null = null;

  constructor(
    private readonly log: EventLog,
    private readonly options: EventLogTransportOptions,
  ) {
    super();
  }

  get state(): Subscription['state'] {
    return this.subscription?.state ?? 'starting';
  }

  get lastError(): Error | null {
    return this.subscription?.lastError ?? null;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.subscription = await this.log.subscribe({ ...this.options, handleBatch: (batch) => this.dispatch(batch) });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.stop();
  }

  on(): never {
    throw new Error('EventLogTransport does not emit status events');
  }

  unwrap<T>(): T {
    return this.log as T;
  }

  private async dispatch(batch: ConsumedBatch): Promise<void> {
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) throw new Error(`no @EventPattern handler for topic ${batch.topic}`);
    const result = await handler(batch, new EventLogContext([batch.topic, batch.partition]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}

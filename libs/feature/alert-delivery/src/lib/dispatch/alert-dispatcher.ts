import { Logger } from '@nestjs/common';
import { messageOf } from '../adapters/delivery-message';
import type { AlertChannelStore } from '../channels/alert-channel.store';
import type { AlertDeliveryOptions } from '../alert-delivery.options';
import type { ChannelAdapters } from './channel-adapters';
import type { ClaimedDelivery, DeliveryOutboxStore } from './delivery-outbox.store';
import { nextStep, permanent, type SendOutcome } from './retry-policy';

const BATCH = 16;

/**
 * Sends the outbox: claims due rows, sends each through its channel's adapter and records the try.
 * Polls every `pollMs`, and at once when `wake()` is called (a row written in this process); runs
 * again immediately while full batches keep coming. `stop()` waits for the sends in flight.
 */
export class AlertDispatcher {
  private readonly logger = new Logger(AlertDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly outbox: DeliveryOutboxStore,
    private readonly channels: AlertChannelStore,
    private readonly adapters: ChannelAdapters,
    private readonly options: Pick<AlertDeliveryOptions, 'retryBaseMs' | 'retryMax' | 'pollMs' | 'leaseMs'>,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look for due rows now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** One pass: claims and sends until no due row is left. Answers how many rows it tried. */
  async runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const claimed = await this.outbox.claim(BATCH, this.options.leaseMs);
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
      tried += claimed.length;
      if (claimed.length < BATCH || this.stopped) return tried;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`delivery pass failed (retried at the next poll): ${(error as Error).message}`));
    await this.running;
    this.running = null;
    const soon = this.again;
    this.again = false;
    this.schedule(soon ? 0 : this.options.pollMs);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await this.attempt(delivery);
    const step = nextStep(outcome, delivery.attempts, { baseMs: this.options.retryBaseMs, maxAttempts: this.options.retryMax }, new Date());
    const recorded = await this.outbox.complete(delivery.id, delivery.attempts, step);
    if (!recorded) this.logger.warn(`delivery ${delivery.id}: its lease ran out during the send; the newer claim records it`);
    else if (step.status === 'failed') this.logger.warn(`delivery ${delivery.id} failed after ${delivery.attempts} attempt(s): ${step.error}`);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    // A database error here propagates: the row keeps its lease and comes due again.
    const channel = (await this.channels.openLive([delivery.channelId])).get(delivery.channelId);
    if (!channel) return permanent('the channel was deleted');
    try {
      return await this.adapters.for(channel.type).send({ deliveryId: delivery.id, channel, message: messageOf(delivery.kind, delivery.body) });
    } catch (error) {
      return permanent(`could not send: ${(error as Error).message}`);
    }
  }
}

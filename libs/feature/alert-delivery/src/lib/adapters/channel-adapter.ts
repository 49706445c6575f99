import type { AlertChannelType } from '@flowlens/persistence';
import type { SendOutcome } from '../dispatch/retry-policy';
import type { DeliveryMessage } from './delivery-message';

/** A channel with its URL and secret opened, as adapters need it. Never leaves the process. */
export interface OpenChannel {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: AlertChannelType;
  readonly name: string;
  readonly url: string | null;
  readonly secret: string | null;
  readonly recipients: readonly string[];
}

/** One try of one delivery: `deliveryId` is the Idempotency-Key, the same on every try. */
export interface Delivery {
  readonly deliveryId: string;
  readonly channel: OpenChannel;
  readonly message: DeliveryMessage;
}

export interface ChannelAdapter {
  send(delivery: Delivery): Promise<SendOutcome>;
}

import type { AlertChannelEntity } from '@flowlens/persistence';
import { maskUrl } from './channel-url';

/** How a channel is shown: the URL masked after the host, the secret only as `hasSecret`. */
export function channelView(channel: AlertChannelEntity, url: string | null) {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    url: url === null ? null : maskUrl(url),
    to: channel.recipients,
    hasSecret: channel.secretSealed !== null,
    createdAt: channel.createdAt.toISOString(),
  };
}
export type ChannelView = ReturnType<typeof channelView>;

import { Inject, Injectable, Optional } from '@nestjs/common';
import { type AlertChannelEntity, WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import type { TestMessage } from '../adapters/delivery-message';
import { ALERT_DELIVERY_OPTIONS, type AlertDeliveryOptions, publicLink } from '../alert-delivery.options';
import { AlertDispatcherService } from '../dispatch/alert-dispatcher.service';
import { DeliveryOutboxStore } from '../dispatch/delivery-outbox.store';
import type { CreateChannelInput } from './alert-channel.dto';
import { AlertChannelStore } from './alert-channel.store';
import { channelView, type ChannelView } from './alert-channel.view';
import { hasPrivateHost, parseChannelUrl } from './channel-url';

@Injectable()
export class AlertChannelsService {
  constructor(
    private readonly store: AlertChannelStore,
    private readonly outbox: DeliveryOutboxStore,
    private readonly workspaces: WorkspaceRepository,
    @Inject(ALERT_DELIVERY_OPTIONS) private readonly options: AlertDeliveryOptions,
    // Present when the dispatcher runs in this process: a test message then goes out at once.
    @Optional() private readonly dispatcher: AlertDispatcherService | null = null,
  ) {}

  async create(workspaceId: string, input: CreateChannelInput): Promise<ChannelView> {
    const url = await this.checkedUrl(input);
    if (input.type === 'email') {
      if (!this.options.smtpUrl) throw ApiError.unprocessable('e-mail channels need SMTP_URL to be configured on the server', 'smtp_not_configured');
      if (!input.to?.length) throw ApiError.badRequest('an e-mail channel needs `to`: at least one address', [{ path: 'to', message: 'is required for type email' }]);
    }
    const created = await this.store.create(workspaceId, {
      type: input.type,
      name: input.name,
      url,
      recipients: input.type === 'email' ? (input.to ?? []) : [],
      secret: input.secret ?? null,
    });
    return channelView(created, url);
  }

  async list(workspaceId: string): Promise<ChannelView[]> {
    return (await this.store.list(workspaceId)).map((c) => this.view(c));
  }

  async get(workspaceId: string, id: string): Promise<AlertChannelEntity> {
    const channel = await this.store.find(workspaceId, id);
    if (!channel) throw ApiError.notFound(`no alert channel with id ${id}`, 'unknown_channel');
    return channel;
  }

  view(channel: AlertChannelEntity): ChannelView {
    return channelView(channel, this.store.urlOf(channel));
  }

  async delete(workspaceId: string, id: string): Promise<ChannelView> {
    const channel = await this.get(workspaceId, id);
    await this.store.delete(workspaceId, id);
    return this.view(channel);
  }

  /** Writes a `test` row to the outbox; the dispatcher sends it like any notification (retries included). */
  async test(workspaceId: string, id: string): Promise<{ deliveryId: string; channelId: string; status: 'retrying' }> {
    const channel = await this.get(workspaceId, id);
    const workspace = await this.workspaces.findById(workspaceId);
    const body: TestMessage = {
      version: 1,
      status: 'test',
      workspace: { id: workspaceId, name: workspace?.name ?? '' },
      channel: { id: channel.id, name: channel.name },
      message: `A test message from Flowlens to the channel "${channel.name}". Alerts of the rules naming this channel arrive here.`,
      link: publicLink(this.options, '/settings/alert-channels'),
    };
    const deliveryId = await this.outbox.enqueue({ workspaceId, channelId: channel.id, kind: 'test', body });
    this.dispatcher?.wake();
    return { deliveryId, channelId: channel.id, status: 'retrying' };
  }

  private async checkedUrl(input: CreateChannelInput): Promise<string | null> {
    if (input.type !== 'webhook' && input.type !== 'slack') return null;
    if (input.url === undefined) throw ApiError.badRequest(`a ${input.type} channel needs \`url\``, [{ path: 'url', message: `is required for type ${input.type}` }]);
    const url = parseChannelUrl(input.url);
    if (!url) throw ApiError.badRequest('url must be an absolute http:// or https:// URL', [{ path: 'url', message: 'must be an absolute http(s) URL' }], 'invalid_url');
    if (this.options.blockPrivateUrls && (await hasPrivateHost(url)))
      throw ApiError.badRequest(`url host ${url.hostname} is loopback or private, which this server refuses (ALERT_BLOCK_PRIVATE_URLS)`, [{ path: 'url', message: 'is a loopback or private host' }], 'private_url');
    return url.toString();
  }
}

import { Injectable } from '@nestjs/common';
import { type DigestEntity, PortfolioRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import type { DigestFigures } from './content/digest-content';
import { DigestRenderer } from './digest-renderer.service';
import { type DigestDoc, DigestStore } from './digest.store';
import type { DigestInputDoc } from './digest.dto';
import { digestView, type DigestView } from './digest.view';

export interface DigestPreview {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly week: { readonly from: string; readonly to: string };
  readonly figures: DigestFigures;
}

/** The digests API: documents checked against the workspace's portfolios and channels, preview and send now. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly store: DigestStore,
    private readonly renderer: DigestRenderer,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async create(workspaceId: string, input: DigestInputDoc): Promise<DigestView> {
    return digestView(await this.store.create(workspaceId, await this.checked(workspaceId, input)));
  }

  async list(workspaceId: string): Promise<DigestView[]> {
    return (await this.store.list(workspaceId)).map(digestView);
  }

  async get(workspaceId: string, id: string): Promise<DigestEntity> {
    const digest = await this.store.find(workspaceId, id);
    if (!digest) throw ApiError.notFound(`no digest with id ${id}`, 'unknown_digest');
    return digest;
  }

  /** PUT replaces the whole document; when it was last sent stays. */
  async replace(workspaceId: string, id: string, input: DigestInputDoc): Promise<DigestView> {
    await this.get(workspaceId, id);
    const saved = await this.store.replace(workspaceId, id, await this.checked(workspaceId, input));
    if (!saved) throw ApiError.notFound(`no digest with id ${id}`, 'unknown_digest');
    return digestView(saved);
  }

  async delete(workspaceId: string, id: string): Promise<DigestView> {
    const digest = await this.get(workspaceId, id);
    await this.store.delete(workspaceId, id);
    return digestView(digest);
  }

  async preview(workspaceId: string, id: string): Promise<DigestPreview> {
    const { content } = await this.renderer.render(await this.get(workspaceId, id));
    return { subject: content.subject, html: content.html, text: content.text, week: content.figures.week, figures: content.figures };
  }

  /** Queues the digest of the last complete week to each of its live channels now; the schedule is untouched. */
  async send(workspaceId: string, id: string): Promise<{ digestId: string; week: string; deliveryIds: string[] }> {
    const digest = await this.get(workspaceId, id);
    const channels = await this.store.liveChannels(workspaceId, digest.channelIds);
    if (channels.length === 0) throw ApiError.unprocessable('every channel of this digest was deleted; name a live channel first', 'no_live_channel');
    const { message } = await this.renderer.render(digest);
    const deliveryIds = await this.store.enqueue(digest, orderedIds(digest.channelIds, channels), message);
    return { digestId: digest.id, week: message.digest.week, deliveryIds };
  }

  private async checked(workspaceId: string, input: DigestInputDoc): Promise<DigestDoc> {
    const portfolioId = input.portfolioId ?? null;
    if (portfolioId && !(await this.portfolios.find(workspaceId, portfolioId))) {
      throw ApiError.notFound(`no portfolio with id ${portfolioId}`, 'unknown_portfolio');
    }
    const channelIds = [...new Set(input.channelIds)];
    const live = await this.store.liveChannels(workspaceId, channelIds);
    const missing = channelIds.filter((c) => !live.some((l) => l.id === c));
    if (missing.length) {
      throw ApiError.notFound(`no alert channel with id ${missing.join(', ')}`, 'unknown_channel');
    }
    return { name: input.name, portfolioId, channelIds, weekday: input.weekday, hour: input.hour };
  }
}

/** The digest's channel order, keeping the live ones. */
export const orderedIds = (ids: readonly string[], live: ReadonlyArray<{ id: string }>) => ids.filter((id) => live.some((l) => l.id === id));

import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AlertChannelEntity, type AlertChannelType, SecretCipher } from '@flowlens/persistence';
import type { OpenChannel } from '../adapters/channel-adapter';

export interface NewChannel {
  readonly type: AlertChannelType;
  readonly name: string;
  readonly url: string | null;
  readonly recipients: readonly string[];
  readonly secret: string | null;
}

/** Alert channels; URL and secret are sealed with the connectors' cipher and opened only to send. */
@Injectable()
export class AlertChannelStore {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: SecretCipher,
  ) {}

  private get repo() {
    return this.db.getRepository(AlertChannelEntity);
  }

  create(workspaceId: string, input: NewChannel): Promise<AlertChannelEntity> {
    return this.repo.save(
      this.repo.create({
        workspaceId,
        type: input.type,
        name: input.name,
        urlSealed: input.url === null ? null : this.cipher.seal(input.url),
        recipients: [...input.recipients],
        secretSealed: input.secret === null ? null : this.cipher.seal(input.secret),
      }),
    );
  }

  list(workspaceId: string): Promise<AlertChannelEntity[]> {
    return this.repo.find({ where: { workspaceId, deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<AlertChannelEntity | null> {
    return this.repo.findOneBy({ workspaceId, id, deletedAt: IsNull() });
  }

  /** Live channels of the workspace among `ids` (for digests and rules naming them). */
  findMany(workspaceId: string, ids: readonly string[]): Promise<AlertChannelEntity[]> {
    return ids.length ? this.repo.findBy({ workspaceId, id: In([...ids]), deletedAt: IsNull() }) : Promise.resolve([]);
  }

  /** Soft delete: past deliveries keep naming it; nothing more is sent to it. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.repo.update({ workspaceId, id, deletedAt: IsNull() }, { deletedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** The channels among `ids` that are not deleted, opened for sending. */
  async openLive(ids: readonly string[]): Promise<Map<string, OpenChannel>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo.findBy({ id: In([...new Set(ids)]), deletedAt: IsNull() });
    return new Map(rows.map((row) => [row.id, this.open(row)]));
  }

  urlOf(channel: AlertChannelEntity): string | null {
    return channel.urlSealed === null ? null : this.cipher.open(channel.urlSealed);
  }

  private open(row: AlertChannelEntity): OpenChannel {
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      type: row.type,
      name: row.name,
      url: this.urlOf(row),
      secret: row.secretSealed === null ? null : this.cipher.open(row.secretSealed),
      recipients: row.recipients,
    };
  }
}

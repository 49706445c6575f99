import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectorEntity, type ConnectorType } from '../entities/connector.entity';
import { SecretCipher } from '../secrets/secret-cipher';
import { ConnectorCache } from './connector-cache';

/** A connector with its secret opened, for signature checks. Never serialise it to a client. */
export interface ConnectorRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: ConnectorType;
  readonly name: string;
  readonly secret: string | null;
  readonly tokenHash: string;
  readonly callbackUrl: string | null;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export interface NewConnector {
  readonly workspaceId: string;
  readonly type: ConnectorType;
  readonly name: string;
  readonly secret: string | null;
  readonly tokenHash: string;
  readonly callbackUrl: string | null;
  readonly settings: Record<string, unknown>;
}

/** Fields an admin may change; `undefined` leaves a field as it is, `null` clears it. */
export interface ConnectorPatch {
  readonly name?: string;
  readonly secret?: string | null;
  readonly callbackUrl?: string | null;
  /** Replaces the settings as a whole. */
  readonly settings?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ConnectorRepository {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: SecretCipher,
    private readonly cache: ConnectorCache,
  ) {}

  async create(input: NewConnector): Promise<ConnectorRecord> {
    const repo = this.db.getRepository(ConnectorEntity);
    const { secret, ...rest } = input;
    const saved = await repo.save(repo.create({ ...rest, secretSealed: secret === null ? null : this.cipher.seal(secret) }));
    return this.toRecord(saved);
  }

  async findById(id: string): Promise<ConnectorRecord | null> {
    if (!UUID.test(id)) return null;
    const entity = await this.db.getRepository(ConnectorEntity).findOneBy({ id });
    return entity ? this.toRecord(entity) : null;
  }

  /** findById through the cache, for the per-delivery lookup of webhook intake. */
  findCachedById(id: string): Promise<ConnectorRecord | null> {
    return this.cache.get(id, () => this.findById(id));
  }

  /** Drops the cached copy of a connector; every change to a connector must call it. */
  invalidate(id: string): void {
    this.cache.invalidate(id);
  }

  /** Updates a connector of the workspace; null when it has no such connector. */
  async update(workspaceId: string, id: string, patch: ConnectorPatch): Promise<ConnectorRecord | null> {
    if (!UUID.test(id)) return null;
    const repo = this.db.getRepository(ConnectorEntity);
    const entity = await repo.findOneBy({ id, workspaceId });
    if (!entity) return null;
    if (patch.name !== undefined) entity.name = patch.name;
    if (patch.secret !== undefined) entity.secretSealed = patch.secret === null ? null : this.cipher.seal(patch.secret);
    if (patch.callbackUrl !== undefined) entity.callbackUrl = patch.callbackUrl;
    if (patch.settings !== undefined) entity.settings = patch.settings;
    const saved = await repo.save(entity);
    this.invalidate(id);
    return this.toRecord(saved);
  }

  async listByWorkspace(workspaceId: string): Promise<ConnectorRecord[]> {
    const rows = await this.db.getRepository(ConnectorEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => this.toRecord(r));
  }

  private toRecord(entity: ConnectorEntity): ConnectorRecord {
    return {
      id: entity.id,
      workspaceId: entity.workspaceId,
      type: entity.type,
      name: entity.name,
      secret: entity.secretSealed === null ? null : this.cipher.open(entity.secretSealed),
      tokenHash: entity.tokenHash,
      callbackUrl: entity.callbackUrl,
      settings: entity.settings ?? {},
      createdAt: entity.createdAt,
    };
  }
}

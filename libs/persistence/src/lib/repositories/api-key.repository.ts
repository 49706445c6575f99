import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity, type ApiKeyRole } from '../entities/api-key.entity';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: DataSource) {}

  findActiveByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ prefix, revokedAt: IsNull() });
  }

  create(input: { workspaceId: string; name: string; prefix: string; keyHash: string; role: ApiKeyRole }): Promise<ApiKeyEntity> {
    const repo = this.db.getRepository(ApiKeyEntity);
    return repo.save(repo.create({ ...input, revokedAt: null }));
  }

  findById(workspaceId: string, id: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ id, workspaceId });
  }

  listByWorkspace(workspaceId: string): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(ApiKeyEntity).update({ id, workspaceId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}

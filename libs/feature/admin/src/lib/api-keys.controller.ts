import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, issueApiKey, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { type ApiKeyEntity, ApiKeyRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { CreateApiKeyDto } from './admin.dto';

function view(key: ApiKeyEntity) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revoked: key.revokedAt !== null,
  };
}

@ApiTags('api-keys')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Audited('api-key')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue another API key for the workspace (shown once)', description: '`role` defaults to analyst; `expiresAt` (optional) makes it answer 401 from then on.' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto) {
    const issued = issueApiKey();
    const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
    const row = await this.keys.create({ workspaceId: principal.workspaceId, name: body.name, prefix: issued.prefix, keyHash: issued.hash, role: body.role, expiresAt });
    return { ...view(row), apiKey: issued.key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (without the keys)' })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.keys.listByWorkspace(principal.workspaceId)).map(view) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: its next request answers 401' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const existing = await this.keys.findById(principal.workspaceId, id);
    if (!existing || !(await this.keys.revoke(principal.workspaceId, id))) throw ApiError.notFound('no such active API key');
    auditBefore(view(existing));
  }
}

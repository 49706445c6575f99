import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, issueApiKey, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { ApiKeyRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { CreateApiKeyDto } from './admin.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue another API key for the workspace (shown once)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto) {
    const issued = issueApiKey();
    const row = await this.keys.create({ workspaceId: principal.workspaceId, name: body.name, prefix: issued.prefix, keyHash: issued.hash, role: body.role });
    return { id: row.id, name: row.name, role: row.role, apiKey: issued.key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (without the keys)' })
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = await this.keys.listByWorkspace(principal.workspaceId);
    return { items: rows.map((k) => ({ id: k.id, name: k.name, role: k.role, createdAt: k.createdAt.toISOString(), revoked: k.revokedAt !== null })) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.keys.revoke(principal.workspaceId, id))) throw ApiError.notFound('no such active API key');
  }
}

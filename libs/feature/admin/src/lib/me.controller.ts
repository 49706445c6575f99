import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { ApiKeyRepository, WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';

@ApiTags('api-keys')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The calling key: its workspace (name, time zone) and its role — what a client needs to show only what the role may do" })
  async me(@CurrentPrincipal() principal: Principal) {
    const [key, workspace] = await Promise.all([this.keys.findById(principal.workspaceId, principal.keyId), this.workspaces.findById(principal.workspaceId)]);
    if (!key || !workspace) throw ApiError.notFound('the workspace of this API key no longer exists');
    return {
      workspace: { id: workspace.id, name: workspace.name, timezone: workspace.timezone },
      key: { id: key.id, name: key.name, role: key.role, createdAt: key.createdAt.toISOString() },
    };
  }
}

import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore, auditTarget } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { UpdateWorkspaceDto } from './admin.dto';
import { workspaceView } from './workspaces.controller';

/** The workspace of the caller's key: read by any role, renamed or moved to another zone by an admin. */
@ApiTags('workspaces')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@Audited('workspace')
@Controller('api/v1/workspace')
export class WorkspaceSettingsController {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: "The key's workspace: id, name, time zone, and the caller's role" })
  async get(@CurrentPrincipal() principal: Principal) {
    const workspace = await this.workspaces.findById(principal.workspaceId);
    if (!workspace) throw ApiError.notFound('the workspace of this API key no longer exists');
    return { ...workspaceView(workspace), role: principal.role, keyName: principal.keyName };
  }

  @Patch()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Rename the workspace or change its time zone (day and week buckets of every figure follow at once)' })
  async update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateWorkspaceDto) {
    const existing = await this.workspaces.findById(principal.workspaceId);
    const updated = existing && (await this.workspaces.update(principal.workspaceId, body));
    if (!existing || !updated) throw ApiError.notFound('the workspace of this API key no longer exists');
    auditTarget(principal.workspaceId);
    auditBefore(workspaceView(existing));
    return workspaceView(updated);
  }
}

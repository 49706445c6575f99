import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore, auditWorkspace } from '@flowlens/audit';
import { issueApiKey, RequireAdminToken } from '@flowlens/auth';
import { type WorkspaceEntity, WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { CreateWorkspaceDto } from './admin.dto';
import { WorkspacePurgeService } from './workspace-purge.service';

export function workspaceView(w: WorkspaceEntity) {
  return { id: w.id, name: w.name, timezone: w.timezone, createdAt: w.createdAt.toISOString() };
}

@ApiTags('workspaces')
@ApiBearerAuth()
@RequireAdminToken()
@Audited('workspace')
@Controller('api/v1/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly purges: WorkspacePurgeService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a workspace (admin token); answers its first API key (role admin), shown only once' })
  async create(@Body() body: CreateWorkspaceDto) {
    const key = issueApiKey();
    const workspace = await this.workspaces.create({
      name: body.name,
      timezone: body.timezone,
      firstKey: { name: 'default', prefix: key.prefix, keyHash: key.hash, role: 'admin' },
    });
    auditWorkspace(workspace.id);
    return { id: workspace.id, name: workspace.name, timezone: workspace.timezone, apiKey: key.key };
  }

  @Get()
  @ApiOperation({ summary: 'List workspaces (admin token)' })
  async list() {
    return { items: (await this.workspaces.list()).map(workspaceView) };
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a workspace and purge its rows from PostgreSQL and ClickHouse (admin token)',
    description:
      'Keys, connectors, maps, dead letters, imports, audit entries and every projection row of the workspace go. ' +
      'The log keeps its raw records; a rebuild skips them. The deletion itself stays in the audit log (without a workspace).',
  })
  async remove(@Param('id', new ParseUUIDPipe()) id: string) {
    const existing = await this.workspaces.findById(id);
    const removed = existing && (await this.purges.purge(id));
    if (!existing || !removed) throw ApiError.notFound(`no workspace with id ${id}`, 'unknown_workspace');
    auditWorkspace(null);
    auditBefore(workspaceView(existing));
    return { id, purged: removed };
  }
}

import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard, issueApiKey } from '@flowlens/auth';
import { WorkspaceRepository } from '@flowlens/persistence';
import { CreateWorkspaceDto } from './admin.dto';

@ApiTags('workspaces')
@ApiBearerAuth()
@UseGuards(AdminTokenGuard)
@Controller('api/v1/workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a workspace (admin token); answers its first API key, shown only once' })
  async create(@Body() body: CreateWorkspaceDto) {
    const key = issueApiKey();
    const workspace = await this.workspaces.create({
      name: body.name,
      timezone: body.timezone,
      firstKey: { name: 'default', prefix: key.prefix, keyHash: key.hash, role: 'admin' },
    });
    return { id: workspace.id, name: workspace.name, timezone: workspace.timezone, apiKey: key.key };
  }

  @Get()
  @ApiOperation({ summary: 'List workspaces (admin token)' })
  async list() {
    const rows = await this.workspaces.list();
    return { items: rows.map((w) => ({ id: w.id, name: w.name, timezone: w.timezone, createdAt: w.createdAt.toISOString() })) };
  }
}

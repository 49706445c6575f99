import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { BoardCatalogQuery } from '@flowlens/metric-queries';
import { defaultWorkflowMap, STAGE_CATEGORIES, unmappedStatuses } from '@flowlens/metrics';
import { WorkflowMapRepository } from '@flowlens/persistence';
import { QueryContextFactory } from '@flowlens/figures';

export const workflowMapSchema = z
  .object({
    stages: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(100),
          category: z.enum(STAGE_CATEGORIES),
          statuses: z.array(z.string().trim().min(1).max(200)).min(1),
        }),
      )
      .min(1)
      .max(50),
  })
  .superRefine((map, ctx) => {
    const names = new Set<string>();
    const statuses = new Map<string, string>();
    map.stages.forEach((stage, i) => {
      if (names.has(stage.name.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['stages', i, 'name'], message: `stage ${stage.name} appears twice` });
      names.add(stage.name.toLowerCase());
      for (const status of stage.statuses) {
        const owner = statuses.get(status.toLowerCase());
        if (owner) ctx.addIssue({ code: 'custom', path: ['stages', i, 'statuses'], message: `status ${status} is already in stage ${owner}` });
        statuses.set(status.toLowerCase(), stage.name);
      }
    });
  });
export class WorkflowMapDto extends createZodDto(workflowMapSchema) {}

@ApiTags('workflows')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/workflows')
export class WorkflowsController {
  constructor(
    private readonly maps: WorkflowMapRepository,
    private readonly contexts: QueryContextFactory,
    private readonly catalogs: BoardCatalogQuery,
  ) {}

  @Get()
  @ApiOperation({ summary: "Every board's workflow map: the saved one, else the default built from the statuses seen (`default: true`)" })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>) {
    const saved = await this.maps.latest(principal.workspaceId);
    const catalogs = await this.catalogs.run(await this.contexts.create(principal, { asOf: query['asOf'] }));
    const savedBoards = new Set(saved.map((m) => m.boardId));
    const defaults = catalogs
      .filter((c) => !savedBoards.has(c.boardId))
      .map((c) => ({ boardId: c.boardId, default: true, version: null, stages: defaultWorkflowMap(c.boardId, c.source, c.statuses).stages, changedBy: null, changedAt: null, unmappedStatuses: [] }));
    const seen = new Map(catalogs.map((c) => [c.boardId, c.statuses]));
    const items = [
      ...saved.map((m) => ({
        boardId: m.boardId,
        default: false,
        version: m.version,
        stages: m.stages,
        changedBy: m.changedBy,
        changedAt: m.changedAt.toISOString(),
        unmappedStatuses: unmappedStatuses(m.stages, seen.get(m.boardId) ?? []),
      })),
      ...defaults,
    ];
    return { items: items.sort((a, b) => (a.boardId < b.boardId ? -1 : 1)) };
  }

  @Put(':boardId')
  @RequireRole('analyst')
  @Audited('workflow-map', { targetParam: 'boardId' })
  @ApiOperation({ summary: "Replace a board's workflow map (a new version; the old ones are kept). Figures change at once." })
  async put(@CurrentPrincipal() principal: Principal, @Param('boardId') boardId: string, @Body() body: WorkflowMapDto) {
    const previous = (await this.maps.latest(principal.workspaceId)).find((m) => m.boardId === boardId);
    auditBefore(previous ? { boardId, version: previous.version, stages: previous.stages } : null);
    const saved = await this.maps.saveVersion(principal.workspaceId, boardId, body.stages, `api-key:${principal.keyId}`);
    return { boardId, version: saved.version, stages: saved.stages, changedBy: saved.changedBy, changedAt: saved.changedAt.toISOString() };
  }

  @Get(':boardId/versions')
  @ApiOperation({ summary: "Every version of a board's workflow map, newest first" })
  async history(@CurrentPrincipal() principal: Principal, @Param('boardId') boardId: string) {
    const versions = await this.maps.history(principal.workspaceId, boardId);
    return { items: versions.map((m) => ({ version: m.version, stages: m.stages, changedBy: m.changedBy, changedAt: m.changedAt.toISOString() })) };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { Audited } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { ImportJobRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { importJobView } from './import-job.view';
import { ImportJobsService } from './import-jobs.service';
import { type ImportRequest, importRequestSchema } from './import-request.schema';
import { ImportScheduler } from './import-scheduler.service';

@ApiTags('imports')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Audited('import')
@Controller('api/v1/imports')
export class ImportsController {
  constructor(
    private readonly service: ImportJobsService,
    private readonly jobs: ImportJobRepository,
    private readonly scheduler: ImportScheduler,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiBody({
    description:
      '`{ kind: "jira-rest", connectorId, baseUrl, jql, auth: { kind: "basic", email, apiToken } | { kind: "bearer", token }, pageSize?, site?: "cloud" | "data-center" }`, ' +
      '`{ kind: "trello-rest", connectorId, boardId, key, token, baseUrl? }`, or `{ kind: "jira-file" | "trello-file", connectorId, file, fileName? }`',
    schema: { type: 'object', required: ['kind', 'connectorId'], properties: { kind: { type: 'string', enum: ['jira-rest', 'trello-rest', 'jira-file', 'trello-file'] }, connectorId: { type: 'string', format: 'uuid' } } },
  })
  @ApiOperation({
    summary: 'Start an import job (Jira or Trello REST back-fill, or an export file)',
    description:
      'Runs in the background of the process that received it; poll `GET /api/v1/imports/{id}`. File kinds take the export ' +
      'as `file` in the JSON body, so the body limit (HTTP_BODY_LIMIT, default 1mb) bounds them; use the CLI for larger files.',
  })
  async create(@CurrentPrincipal() principal: Principal, @Body(new ZodValidationPipe(importRequestSchema)) body: ImportRequest) {
    const job = await this.service.create(principal.workspaceId, 'api', body);
    this.scheduler.start(job.id);
    return importJobView(job);
  }

  @Get()
  @ApiOperation({ summary: 'The workspace import jobs, newest first (the latest 100)' })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.jobs.listByWorkspace(principal.workspaceId)).map((job) => importJobView(job)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import job: status, counts, ETA' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return importJobView(await this.service.find(principal.workspaceId, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Audited('import', { verb: 'cancel' })
  @ApiOperation({ summary: 'Cancel a queued or running import job (events already appended stay)' })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const job = await this.service.find(principal.workspaceId, id);
    const cancelled = await this.jobs.cancel(principal.workspaceId, job.id);
    if (!cancelled) throw ApiError.conflict(`import job ${id} already ${job.status}`);
    this.scheduler.stop(job.id);
    return importJobView(cancelled);
  }
}

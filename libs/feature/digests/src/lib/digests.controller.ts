import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { DigestDto } from './digest.dto';
import { digestView } from './digest.view';
import { DigestsService } from './digests.service';

@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Post()
  @HttpCode(201)
  @RequireRole('analyst')
  @Audited('digest')
  @ApiOperation({
    summary: 'Create a weekly digest of a portfolio (or of the whole workspace without one)',
    description: 'weekday is ISO (1 = Monday … 7 = Sunday, default 1) and hour 0–23 (default 8), both in the workspace time zone. Unknown portfolio or channel: 404.',
  })
  create(@CurrentPrincipal() p: Principal, @Body() body: DigestDto) {
    return this.digests.create(p.workspaceId, body);
  }

  @Get()
  @ApiOperation({ summary: 'The live digests of the workspace' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: await this.digests.list(p.workspaceId) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One digest' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return digestView(await this.digests.get(p.workspaceId, id));
  }

  @Put(':id')
  @RequireRole('analyst')
  @Audited('digest')
  @ApiOperation({ summary: 'Replace a digest (the whole document)' })
  async replace(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DigestDto) {
    auditBefore(digestView(await this.digests.get(p.workspaceId, id)));
    return this.digests.replace(p.workspaceId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('analyst')
  @Audited('digest')
  @ApiOperation({ summary: 'Delete a digest (soft): it is sent no more; its delivery log stays' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    auditBefore(await this.digests.delete(p.workspaceId, id));
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'The digest of the last complete local week as it would be sent now: { subject, html, text } plus the week and its figures' })
  preview(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.digests.preview(p.workspaceId, id);
  }

  @Post(':id/send')
  @HttpCode(202)
  @RequireRole('analyst')
  @Audited('digest', { verb: 'send' })
  @ApiOperation({
    summary: 'Send the digest now to each of its channels',
    description: 'Writes one `digest` delivery per live channel to the outbox and answers their ids; the dispatcher sends them. The weekly schedule is not affected.',
  })
  send(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.digests.send(p.workspaceId, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { CreateChannelDto } from './alert-channel.dto';
import { AlertChannelsService } from './alert-channels.service';

@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/alert-channels')
export class AlertChannelsController {
  constructor(private readonly channels: AlertChannelsService) {}

  @Post()
  @HttpCode(201)
  @RequireRole('analyst')
  @Audited('alert-channel', { redact: ['url'] })
  @ApiOperation({
    summary: 'Create an alert channel (webhook, slack, email, or log)',
    description:
      'webhook and slack need an absolute http(s) `url`; email needs `to` and SMTP_URL on the server (else 422 `smtp_not_configured`). ' +
      'The URL and secret are stored sealed; answers show the URL masked after the host and `hasSecret`.',
  })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateChannelDto) {
    return this.channels.create(p.workspaceId, body);
  }

  @Get()
  @ApiOperation({ summary: 'The live alert channels of the workspace (URLs masked, secrets never shown)' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: await this.channels.list(p.workspaceId) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert channel' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.channels.view(await this.channels.get(p.workspaceId, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('analyst')
  @Audited('alert-channel', { redact: ['url'] })
  @ApiOperation({ summary: 'Delete a channel (soft): nothing more is sent to it; its delivery log stays' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    auditBefore(await this.channels.delete(p.workspaceId, id));
  }

  @Post(':id/test')
  @HttpCode(202)
  @RequireRole('analyst')
  @Audited('alert-channel', { verb: 'test', redact: ['url'] })
  @ApiOperation({
    summary: 'Send a test message through the channel',
    description: 'Writes a `test` delivery to the outbox and answers its id at once; the dispatcher sends it (with retries). Follow it in `GET /api/v1/alert-deliveries`.',
  })
  test(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.channels.test(p.workspaceId, id);
  }
}

import { Controller, Head, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { EVENT_SOURCES, type EventSource } from '@flowlens/contracts';
import { ApiError } from '@flowlens/platform';
import { type IntakeResult, WebhookIntakeService } from './webhook-intake.service';

function asSource(value: string): EventSource {
  if (!(EVENT_SOURCES as readonly string[]).includes(value)) throw ApiError.notFound(`unknown webhook source ${value}`, 'unknown_source');
  return value as EventSource;
}

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly intake: WebhookIntakeService) {}

  @Head('trello/:connectorId')
  @HttpCode(200)
  @ApiOperation({ summary: "Trello's check before it creates a webhook" })
  async trelloCheck(@Param('connectorId') connectorId: string): Promise<void> {
    await this.intake.connectorFor('trello', connectorId);
  }

  @Post(':source/:connectorId')
  @HttpCode(202)
  @ApiParam({ name: 'source', enum: EVENT_SOURCES })
  @ApiOperation({
    summary: 'Receive a webhook delivery',
    description:
      'Authenticated by signature (Jira `X-Hub-Signature`, Trello `X-Trello-Webhook`, generic `X-Flowlens-Signature`) or `?token=`. ' +
      'Answers 202 once the events are durably in the log; 503 when the log is down (retry).',
  })
  receive(
    @Param('source') source: string,
    @Param('connectorId') connectorId: string,
    @Query('token') token: string | undefined,
    @Req() request: RawBodyRequest<Request>,
  ): Promise<IntakeResult> {
    return this.intake.receive(asSource(source), connectorId, {
      rawBody: request.rawBody,
      body: request.body,
      headers: request.headers as Record<string, string | undefined>,
      token: typeof token === 'string' ? token : undefined,
    });
  }
}

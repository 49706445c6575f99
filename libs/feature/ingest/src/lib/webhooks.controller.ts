import { Controller, Head, HttpCode, Optional, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiExcludeEndpoint, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { GENERIC_WEBHOOK_OPENAPI_SCHEMA } from '@flowlens/connector-generic';
import type { EventSource } from '@flowlens/contracts';
import { ApiError, PublicRoute, PublicUrls, WEBHOOK_OUTCOME } from '@flowlens/platform';
import { type IntakeResult, WebhookIntakeService, webhookOutcomeOf } from './webhook-intake.service';

type BodySchema = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

const ANSWERS = 'Answers 202 `{ accepted, duplicates }` once the events are durably in the log; 503 when the log is down (the source retries).';

const WebhookResponses = (): MethodDecorator => (target, key, descriptor) => {
  ApiQuery({ name: 'token', required: false, description: 'The connector token, for sources that cannot sign' })(target, key, descriptor);
  ApiResponse({ status: 202, description: 'accepted (or recorded as ignored / dead-lettered)' })(target, key, descriptor);
  for (const [status, description] of [
    [400, 'malformed JSON or not a valid payload'],
    [401, 'missing or invalid signature or token'],
    [404, 'unknown connector'],
    [413, 'body over the limit'],
    [503, 'the log is unavailable; retry'],
  ] as const) {
    ApiResponse({ status, description })(target, key, descriptor);
  }
};

@ApiTags('webhooks')
@PublicRoute()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly intake: WebhookIntakeService,
    @Optional() private readonly urls: PublicUrls = new PublicUrls(),
  ) {}

  @Head('trello/:connectorId')
  @HttpCode(200)
  @ApiOperation({ summary: "Trello's check before it creates a webhook" })
  async trelloCheck(@Param('connectorId') connectorId: string): Promise<void> {
    await this.intake.connectorFor('trello', connectorId);
  }

  @Post('jira/:connectorId')
  @HttpCode(202)
  @WebhookResponses()
  @ApiHeader({ name: 'X-Hub-Signature', required: false, description: 'sha256=<hex HMAC-SHA256(secret, raw body)>' })
  @ApiBody({ description: 'A Jira Cloud or Data Center webhook body, as Jira sends it', schema: { type: 'object' } })
  @ApiOperation({ summary: 'Receive a Jira webhook delivery', description: ANSWERS })
  jira(@Param('connectorId') id: string, @Query('token') token: unknown, @Req() request: RawBodyRequest<Request>): Promise<IntakeResult> {
    return this.receive('jira', id, token, request);
  }

  @Post('trello/:connectorId')
  @HttpCode(202)
  @WebhookResponses()
  @ApiHeader({ name: 'X-Trello-Webhook', required: false, description: 'base64(HMAC-SHA1(app secret, raw body + callback URL))' })
  @ApiBody({ description: 'A Trello webhook body, as Trello sends it', schema: { type: 'object' } })
  @ApiOperation({ summary: 'Receive a Trello webhook delivery', description: ANSWERS })
  trello(@Param('connectorId') id: string, @Query('token') token: unknown, @Req() request: RawBodyRequest<Request>): Promise<IntakeResult> {
    return this.receive('trello', id, token, request);
  }

  @Post('generic/:connectorId')
  @HttpCode(202)
  @WebhookResponses()
  @ApiHeader({ name: 'X-Flowlens-Signature', required: false, description: 'sha256=<hex HMAC-SHA256(secret, raw body)>, when the connector has a secret' })
  @ApiBody({ description: 'One canonical-style event or { events: [...] } (up to 1,000); see docs/connectors/generic-webhook.md', schema: GENERIC_WEBHOOK_OPENAPI_SCHEMA as BodySchema })
  @ApiOperation({ summary: 'Receive events from any other tool', description: ANSWERS })
  generic(@Param('connectorId') id: string, @Query('token') token: unknown, @Req() request: RawBodyRequest<Request>): Promise<IntakeResult> {
    return this.receive('generic', id, token, request);
  }

  @Post(':source/:connectorId')
  @HttpCode(202)
  @ApiExcludeEndpoint()
  unknown(@Param('source') source: string): never {
    throw ApiError.notFound(`unknown webhook source ${source}`, 'unknown_source');
  }

  private async receive(source: EventSource, connectorId: string, token: unknown, request: RawBodyRequest<Request>): Promise<IntakeResult> {
    const result = await this.intake.receive(source, connectorId, {
      rawBody: request.rawBody,
      body: request.body,
      headers: request.headers as Record<string, string | undefined>,
      token: typeof token === 'string' ? token : undefined,
      url: this.urls.requestUrl(request),
    });
    if (request.res) request.res.locals[WEBHOOK_OUTCOME] = webhookOutcomeOf(result);
    return result;
  }
}

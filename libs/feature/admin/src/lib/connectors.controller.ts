import { Body, Controller, Delete, Get, HttpCode, Optional, Param, ParseUUIDPipe, Patch, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, randomToken, RequireRole, sha256Hex, WorkspaceKeyGuard } from '@flowlens/auth';
import { ConnectorRepository, type ConnectorRecord } from '@flowlens/persistence';
import { ApiError, PublicUrls, type RequestLike, webhookPathOf } from '@flowlens/platform';
import { CreateConnectorDto, DeleteConnectorQueryDto, UpdateConnectorDto } from './admin.dto';

/**
 * `webhookUrl` is the full URL to give the source, when known: the stored callback URL, else
 * FLOWLENS_PUBLIC_URL + the path, else the origin this request reached Flowlens at. For Trello it is
 * exactly the URL signatures are checked against (when no callback URL is stored, the check uses the
 * URL each delivery arrives at, which is this one when the source calls the same host).
 */
function view(connector: ConnectorRecord, urls: PublicUrls, request: RequestLike) {
  const path = webhookPathOf(connector);
  const overlap = connector.previousSecret !== null && connector.previousSecretValidUntil !== null && connector.previousSecretValidUntil.getTime() > Date.now();
  return {
    id: connector.id,
    type: connector.type,
    name: connector.name,
    webhookPath: path,
    webhookUrl: connector.callbackUrl ?? urls.urlFor(path, request),
    signed: connector.secret !== null,
    previousSecretValidUntil: overlap ? (connector.previousSecretValidUntil as Date).toISOString() : null,
    enabled: connector.enabled,
    callbackUrl: connector.callbackUrl,
    settings: connector.settings,
    createdAt: connector.createdAt.toISOString(),
  };
}

@ApiTags('connectors')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Audited('connector')
@Controller('api/v1/connectors')
export class ConnectorsController {
  constructor(
    private readonly connectors: ConnectorRepository,
    @Optional() private readonly urls: PublicUrls = new PublicUrls(),
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a webhook connector',
    description:
      'The secret is stored for signature checks and never returned. The answer carries a one-time ' +
      '`webhookToken` for sources that cannot sign (append `?token=` to the webhook URL). ' +
      'Setting `rateLimitPerMinute` (opt-in) answers deliveries over it with 429 and Retry-After.',
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateConnectorDto, @Req() request: RequestLike) {
    const token = randomToken(24);
    const connector = await this.connectors.create({
      workspaceId: principal.workspaceId,
      type: body.type,
      name: body.name,
      secret: body.secret ?? null,
      tokenHash: sha256Hex(token),
      callbackUrl: body.callbackUrl ?? null,
      settings: body.settings,
    });
    const shown = view(connector, this.urls, request);
    return { ...shown, webhookToken: token, tokenWebhookPath: `${shown.webhookPath}?token=${token}` };
  }

  @Get()
  @ApiOperation({ summary: 'List the workspace connectors (secrets are never returned)' })
  async list(@CurrentPrincipal() principal: Principal, @Req() request: RequestLike) {
    return { items: (await this.connectors.listByWorkspace(principal.workspaceId)).map((connector) => view(connector, this.urls, request)) };
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a connector's name, secret, callback URL, settings, or enable/disable it",
    description:
      'Rotation: `{ secret, previousSecretValidUntil }` keeps the old secret valid until that instant, so the source can be ' +
      'switched without losing deliveries; without `previousSecretValidUntil` the old secret stops at once. ' +
      '`enabled: false` refuses deliveries (403) until enabled again. Settings are replaced as a whole. ' +
      'Deliveries dead-lettered by a wrong setting can be re-driven afterwards (`POST /api/v1/dead-letters/{deliveryId}/redrive`).',
  })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateConnectorDto, @Req() request: RequestLike) {
    const existing = await this.connectors.findInWorkspace(principal.workspaceId, id);
    const { previousSecretValidUntil, ...patch } = body;
    const updated = existing && (await this.connectors.update(principal.workspaceId, id, { ...patch, ...(previousSecretValidUntil ? { previousSecretValidUntil: new Date(previousSecretValidUntil) } : {}) }));
    if (!existing || !updated) throw ApiError.notFound(`no connector with id ${id}`, 'unknown_connector');
    auditBefore(view(existing, this.urls, request));
    return view(updated, this.urls, request);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a connector: its webhook URL answers 404 from then on',
    description: 'Its dead letters and import jobs are kept for the record; `?purge=true` deletes them too. Events already in the log and the figures stay.',
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: DeleteConnectorQueryDto, @Req() request: RequestLike): Promise<void> {
    const existing = await this.connectors.findInWorkspace(principal.workspaceId, id);
    if (!existing || !(await this.connectors.delete(principal.workspaceId, id, { purge: query.purge }))) throw ApiError.notFound(`no connector with id ${id}`, 'unknown_connector');
    auditBefore({ ...view(existing, this.urls, request), purged: query.purge });
  }
}

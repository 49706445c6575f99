import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, randomToken, RequireRole, sha256Hex, WorkspaceKeyGuard } from '@flowlens/auth';
import { ConnectorRepository, type ConnectorRecord } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { CreateConnectorDto, DeleteConnectorQueryDto, UpdateConnectorDto } from './admin.dto';

export function webhookPath(connector: Pick<ConnectorRecord, 'type' | 'id'>): string {
  return `/webhooks/${connector.type}/${connector.id}`;
}

function view(connector: ConnectorRecord) {
  const overlap = connector.previousSecret !== null && connector.previousSecretValidUntil !== null && connector.previousSecretValidUntil.getTime() > Date.now();
  return {
    id: connector.id,
    type: connector.type,
    name: connector.name,
    webhookPath: webhookPath(connector),
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
  constructor(private readonly connectors: ConnectorRepository) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a webhook connector',
    description:
      'The secret is stored for signature checks and never returned. The answer carries a one-time ' +
      '`webhookToken` for sources that cannot sign (append `?token=` to the webhook URL). ' +
      'Setting `rateLimitPerMinute` (opt-in) answers deliveries over it with 429 and Retry-After.',
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateConnectorDto) {
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
    return { ...view(connector), webhookToken: token, tokenWebhookPath: `${webhookPath(connector)}?token=${token}` };
  }

  @Get()
  @ApiOperation({ summary: 'List the workspace connectors (secrets are never returned)' })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.connectors.listByWorkspace(principal.workspaceId)).map(view) };
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
  async update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateConnectorDto) {
    const existing = await this.connectors.findInWorkspace(principal.workspaceId, id);
    const { previousSecretValidUntil, ...patch } = body;
    const updated = existing && (await this.connectors.update(principal.workspaceId, id, { ...patch, ...(previousSecretValidUntil ? { previousSecretValidUntil: new Date(previousSecretValidUntil) } : {}) }));
    if (!existing || !updated) throw ApiError.notFound(`no connector with id ${id}`, 'unknown_connector');
    auditBefore(view(existing));
    return view(updated);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a connector: its webhook URL answers 404 from then on',
    description: 'Its dead letters and import jobs are kept for the record; `?purge=true` deletes them too. Events already in the log and the figures stay.',
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: DeleteConnectorQueryDto): Promise<void> {
    const existing = await this.connectors.findInWorkspace(principal.workspaceId, id);
    if (!existing || !(await this.connectors.delete(principal.workspaceId, id, { purge: query.purge }))) throw ApiError.notFound(`no connector with id ${id}`, 'unknown_connector');
    auditBefore({ ...view(existing), purged: query.purge });
  }
}

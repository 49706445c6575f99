import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, randomToken, RequireRole, sha256Hex, WorkspaceKeyGuard } from '@flowlens/auth';
import { ConnectorRepository, type ConnectorRecord } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { CreateConnectorDto, UpdateConnectorDto } from './admin.dto';

export function webhookPath(connector: Pick<ConnectorRecord, 'type' | 'id'>): string {
  return `/webhooks/${connector.type}/${connector.id}`;
}

function view(connector: ConnectorRecord) {
  return {
    id: connector.id,
    type: connector.type,
    name: connector.name,
    webhookPath: webhookPath(connector),
    signed: connector.secret !== null,
    callbackUrl: connector.callbackUrl,
    settings: connector.settings,
    createdAt: connector.createdAt.toISOString(),
  };
}

@ApiTags('connectors')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@Controller('api/v1/connectors')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorRepository) {}

  @Post()
  @HttpCode(201)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Create a webhook connector',
    description:
      'The secret is stored for signature checks and never returned. The answer carries a one-time ' +
      '`webhookToken` for sources that cannot sign (append `?token=` to the webhook URL).',
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
  @RequireRole('admin')
  @ApiOperation({
    summary: "Change a connector's name, secret, callback URL or settings",
    description: 'Settings are replaced as a whole. Deliveries dead-lettered by a wrong setting can be re-driven afterwards (`POST /api/v1/dead-letters/{deliveryId}/redrive`).',
  })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateConnectorDto) {
    const updated = await this.connectors.update(principal.workspaceId, id, body);
    if (!updated) throw ApiError.notFound(`no connector with id ${id}`, 'unknown_connector');
    return view(updated);
  }
}

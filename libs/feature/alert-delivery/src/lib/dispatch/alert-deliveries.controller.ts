import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { ApiError } from '@flowlens/platform';
import { DeliveryOutboxStore, type DeliveryRow } from './delivery-outbox.store';

const deliveriesQuerySchema = z.object({
  status: z.enum(['retrying', 'sent', 'failed']).optional(),
  kind: z.enum(['alert', 'digest', 'test']).optional(),
  channelId: z.uuid().optional(),
  ruleId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
class DeliveriesQueryDto extends createZodDto(deliveriesQuerySchema) {}

const encodeCursor = (row: DeliveryRow) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) throw ApiError.badRequest('cursor is not a nextCursor of a previous page', [{ path: 'cursor', message: 'unrecognised cursor' }]);
  return { createdAt, id };
}

const view = (row: DeliveryRow) => ({
  id: row.id,
  channelId: row.channelId,
  ruleId: row.ruleId,
  digestId: row.digestId,
  kind: row.kind,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
  nextAttemptAt: row.status === 'retrying' ? row.nextAttemptAt.toISOString() : null,
});

@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/alert-deliveries')
export class AlertDeliveriesController {
  constructor(private readonly outbox: DeliveryOutboxStore) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first: every notification to every channel, with its tries and last error' })
  async list(@CurrentPrincipal() p: Principal, @Query() q: DeliveriesQueryDto) {
    const rows = await this.outbox.list(p.workspaceId, { status: q.status, kind: q.kind, channelId: q.channelId, ruleId: q.ruleId, before: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return { items: page.map(view), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1] as DeliveryRow) : null };
  }
}

import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { type AuditEntryEntity, AuditLogRepository } from '@flowlens/persistence';
import { AuditQueryDto } from './admin.dto';

function view(entry: AuditEntryEntity) {
  return {
    id: String(entry.id),
    at: entry.at.toISOString(),
    actor: { keyId: entry.actorKeyId, name: entry.actorName },
    action: entry.action,
    target: { type: entry.targetType, id: entry.targetId },
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
  };
}

@ApiTags('audit')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log of configuration changes, newest first (secrets redacted)',
    description: 'Filters: `actorKeyId`, `target` (`<type>` or `<type>:<id>`). Page with `cursor` = the previous answer\'s `nextCursor` (null on the last page).',
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto) {
    const [targetType, ...rest] = query.target?.split(':') ?? [];
    const rows = await this.log.list(principal.workspaceId, {
      limit: query.limit + 1,
      beforeId: query.cursor,
      targetType,
      targetId: rest.length ? rest.join(':') : undefined,
      actorKeyId: query.actorKeyId,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(view), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
  }
}

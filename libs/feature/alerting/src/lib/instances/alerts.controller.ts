import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { acknowledge, InstanceClosedError, snooze } from '@flowlens/alerting';
import { Audited } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { instantMsSchema } from '@flowlens/contracts';
import { ApiError } from '@flowlens/platform';
import { parseInput } from '../parse-input';
import { AlertInstanceStore, type StoredInstance, view } from './alert-instance.store';

const listQuerySchema = z.strictObject({
  state: z.enum(['pending', 'firing', 'resolved']).optional(),
  ruleId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const snoozeSchema = z.strictObject({ until: instantMsSchema });

const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> => parseInput(schema, value, `the ${what} is not valid`, 'bad_request');

@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly instances: AlertInstanceStore) {}

  @Get()
  @ApiOperation({ summary: 'Alerts (rule instances), newest first; `state` filters pending, firing or resolved' })
  async list(@CurrentPrincipal() p: Principal, @Query() query: Record<string, unknown>) {
    const q = parse(listQuerySchema, query, 'query');
    return { items: await this.instances.list(p.workspaceId, q) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its history' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.instances.find(p.workspaceId, id);
    if (!found) throw ApiError.notFound(`no alert with id ${id}`, 'unknown_alert');
    return { ...view(found), history: found.history };
  }

  @Post(':id/ack')
  @HttpCode(200)
  @RequireRole('analyst')
  @Audited('alert', { verb: 'acknowledge' })
  @ApiOperation({ summary: 'Acknowledge a pending or firing alert: no repeats until it changes; its resolution is still sent' })
  ack(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.change(p, id, (i, now) => ({ record: acknowledge(i.record, now), entry: { at: new Date(now).toISOString(), event: 'acknowledged', by: p.keyName } }));
  }

  @Post(':id/snooze')
  @HttpCode(200)
  @RequireRole('analyst')
  @Audited('alert', { verb: 'snooze' })
  @ApiOperation({ summary: 'Snooze a pending or firing alert until an instant: no firing or repeat notification before then; its resolution is still sent' })
  snooze(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    const { until } = parse(snoozeSchema, body, 'snooze');
    if (until <= Date.now()) throw ApiError.badRequest('a snooze must end in the future', [{ path: 'until', message: 'is not in the future' }]);
    return this.change(p, id, (i, now) => ({ record: snooze(i.record, until, now), entry: { at: new Date(now).toISOString(), event: 'snoozed', by: p.keyName } }));
  }

  private async change(p: Principal, id: string, apply: Parameters<AlertInstanceStore['change']>[2] extends (i: StoredInstance) => infer R ? (i: StoredInstance, now: number) => R : never) {
    const now = Date.now();
    try {
      const changed = await this.instances.change(p.workspaceId, id, (i) => apply(i, now));
      if (!changed) throw ApiError.notFound(`no alert with id ${id}`, 'unknown_alert');
      return view(changed);
    } catch (error) {
      if (error instanceof InstanceClosedError) throw ApiError.conflict(error.message);
      throw error;
    }
  }
}

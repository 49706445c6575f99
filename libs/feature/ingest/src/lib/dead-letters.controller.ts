import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { deadLetterDetail, DeadLetterQueryDto } from './dead-letter.dto';
import { DeadLettersService } from './dead-letters.service';

@ApiTags('dead-letters')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Controller('api/v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries that passed their schema but could not be normalised, newest first', description: 'Paginated: pass `nextCursor` as `cursor`.' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: DeadLetterQueryDto) {
    return this.deadLetters.list(principal.workspaceId, query);
  }

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One dead letter with its stored body' })
  async get(@CurrentPrincipal() principal: Principal, @Param('deliveryId') deliveryId: string) {
    return deadLetterDetail(await this.deadLetters.get(principal.workspaceId, deliveryId));
  }

  @Post(':deliveryId/redrive')
  @HttpCode(200)
  @Audited('dead-letter', { verb: 'redrive', targetParam: 'deliveryId' })
  @ApiOperation({
    summary: "Normalise the stored body again with the connector's current code and settings",
    description: 'Success appends the events as the webhook would have (same event ids) and marks the letter redriven; a delivery that still fails answers 422 with the reason.',
  })
  redrive(@CurrentPrincipal() principal: Principal, @Param('deliveryId') deliveryId: string) {
    return this.deadLetters.redrive(principal.workspaceId, deliveryId);
  }

  @Post(':deliveryId/discard')
  @HttpCode(200)
  @Audited('dead-letter', { verb: 'discard', targetParam: 'deliveryId' })
  @ApiOperation({ summary: 'Give up on a dead letter (it stays listed with status discarded)' })
  discard(@CurrentPrincipal() principal: Principal, @Param('deliveryId') deliveryId: string) {
    return this.deadLetters.discard(principal.workspaceId, deliveryId);
  }
}

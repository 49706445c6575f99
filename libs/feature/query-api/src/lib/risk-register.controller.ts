import { Body, Controller, Get, Param, Put, Query, type StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { RiskRegisterService } from './risk-register.service';

@ApiTags('risk')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@Controller('api/v1/risks')
export class RiskRegisterController {
  constructor(private readonly register: RiskRegisterService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'The ROAM register: every signal with a stable riskId, its ROAM state, owner, note and history' })
  list(@CurrentPrincipal() p: Principal, @Query() q: Record<string, unknown>): Promise<StreamableFile> {
    return this.register.list(p, q);
  }

  @Put(':riskId')
  @RequireRole('analyst')
  @Audited('risk', { targetParam: 'riskId' })
  @ApiOperation({ summary: 'Set the ROAM state (resolved, owned, accepted, mitigated) with an owner and a note' })
  change(@CurrentPrincipal() p: Principal, @Param('riskId') riskId: string, @Body() body: unknown) {
    return this.register.change(p, riskId, body);
  }
}

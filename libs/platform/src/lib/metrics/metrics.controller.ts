import { Controller, Get, Header, Logger } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { flowlensMetrics } from './flowlens-metrics';

/** `GET /metrics`: Prometheus text, unauthenticated like /health (no workspace data in it). */
@ApiExcludeController()
@Controller()
export class MetricsController {
  private readonly logger = new Logger(MetricsController.name);

  @Get('metrics')
  @Header('Content-Type', flowlensMetrics.registry.contentType)
  scrape(): Promise<string> {
    return flowlensMetrics.scrape((error) => this.logger.warn({ err: error }, 'a metrics refresh failed; its gauge is stale'));
  }
}

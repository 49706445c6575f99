import { Writable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import { FlowlensLogger } from './flowlens.logger';

describe('FlowlensLogger', () => {
  it("logs Nest's module and route mapping lines at debug, everything else as given", () => {
    const lines: Array<{ level: number; msg: string; context?: string }> = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l))), done()) });
    const logger = new FlowlensLogger(new PinoLogger({ pinoHttp: [{ level: 'debug' }, sink] }), {});
    logger.log('Mapped {/api/v1/items/:itemKey, GET} route', 'RouterExplorer');
    logger.log('QueryApiModule dependencies initialized', 'InstanceLoader');
    logger.log('event log ready (embedded)', 'EventLogModule');
    expect(lines.map((l) => [l.level, l.context, l.msg])).toEqual([
      [20, 'RouterExplorer', 'Mapped {/api/v1/items/:itemKey, GET} route'],
      [20, 'InstanceLoader', 'QueryApiModule dependencies initialized'],
      [30, 'EventLogModule', 'event log ready (embedded)'],
    ]);
  });
});

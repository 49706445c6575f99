import { Writable } from 'node:stream';
import { resolveLogFormat } from './logging.module';
import { prettyLogStream } from './pretty-log.stream';

describe('log format', () => {
  it('is pretty on a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect([resolveLogFormat('auto', true), resolveLogFormat('auto', false), resolveLogFormat('json', true), resolveLogFormat('pretty', false)]).toEqual(['pretty', 'json', 'json', 'pretty']);
  });

  it('prints one short line per record: time, level, context and message, no structured noise', () => {
    let text = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    const stream = prettyLogStream(sink);
    stream.write(`${JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 9, 30), pid: 1, hostname: 'h', service: 'standalone', context: 'EventLogModule', msg: 'event log ready (embedded)' })}\n`);
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain.trim().split('\n')).toHaveLength(1);
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[EventLogModule\] event log ready \(embedded\)\n$/);
  });
});

import pretty from 'pino-pretty';

/**
 * Short coloured lines for a terminal: time, level, `[context]` and the message; the structured
 * fields stay in the JSON format (LOG_FORMAT=json) where tools read them.
 */
export function prettyLogStream(destination: NodeJS.WritableStream = process.stdout) {
  return pretty({
    colorize: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context,req,res,responseTime,reqId',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
    destination,
  });
}

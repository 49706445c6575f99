import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

// Nest's start-up chatter: one line per module and per route. Useful when debugging, noise otherwise.
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'NestMicroservice']);

/** The app logger: nestjs-pino, with Nest's module and route mapping lines demoted to debug. */
@Injectable()
export class FlowlensLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

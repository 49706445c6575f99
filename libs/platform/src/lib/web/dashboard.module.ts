import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the API owns: the dashboard's index.html is never served in their place. */
export const API_PATHS = ['/api/{*path}', '/webhooks/{*path}', '/docs', '/docs/{*path}', '/docs-json', '/docs-yaml', '/health', '/ready', '/metrics'];

/** Where `scripts/build-web.mjs` puts the dashboard: `dist/web`, beside `dist/apps`. */
export const defaultDashboardDir = (): string => resolve(__dirname, '..', '..', '..', '..', '..', 'web');

/**
 * Serves the analyst dashboard (apps/web, built) at `/`: its files, and index.html for every
 * other path outside the API so that each dashboard URL loads directly.
 */
@Module({})
export class DashboardModule {
  static forRoot(rootPath = defaultDashboardDir()): DynamicModule {
    if (!existsSync(join(rootPath, 'index.html'))) {
      new Logger(DashboardModule.name).warn(`no dashboard build in ${rootPath} (run node scripts/build.mjs); / answers 404`);
      return { module: DashboardModule };
    }
    return {
      module: DashboardModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: API_PATHS,
          serveStaticOptions: {
            index: false,
            setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
              // Hashed asset names change with their content; index.html must be fetched again.
              res.setHeader('cache-control', path.includes(`${join('web', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
          },
        }),
      ],
    };
  }
}

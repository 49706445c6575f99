import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { attachProjector } from '@flowlens/feature-projector';
import { createHttpApp } from '@flowlens/platform';
import { standaloneEnvSchema } from '../../../apps/standalone/src/standalone.env';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module';

export interface InProcessStandalone {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * The standalone process's modules (gateway, projector, api; embedded log, chDB) started inside the
 * test process with `extra` modules beside them, so a test can call in-process services (the alert
 * observer) on the very data the HTTP API answers from.
 */
export async function startInProcessStandalone(options: { databaseUrl: string; adminToken: string; extra?: Array<Type<unknown> | DynamicModule>; env?: Record<string, string> }): Promise<InProcessStandalone> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-in-process-'));
  const env = standaloneEnvSchema.parse({
    DATABASE_URL: options.databaseUrl,
    FLOWLENS_DATA_DIR: dataDir,
    FLOWLENS_ADMIN_TOKEN: options.adminToken,
    FLOWLENS_DEMO: 'false',
    FLOWLENS_ROLES: 'gateway,projector,api',
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...options.env,
  });
  @Module({ imports: [StandaloneModule.register({ env, adminToken: options.adminToken, secretKey: 'in-process-test-secret-key-0123456789' }), ...(options.extra ?? [])] })
  class TestRoot {}
  const app = await createHttpApp(TestRoot, { bodyLimit: env.HTTP_BODY_LIMIT, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  attachProjector(app);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

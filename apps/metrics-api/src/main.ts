import 'reflect-metadata';
import { loadConfigOrExit } from '@flowlens/config';
import { createHttpApp } from '@flowlens/platform';
import { metricsApiEnvSchema } from './metrics-api.env';
import { MetricsApiModule } from './metrics-api.module';

async function main(): Promise<void> {
  const env = loadConfigOrExit(metricsApiEnvSchema);
  const app = await createHttpApp(MetricsApiModule.register(env), {
    bodyLimit: env.HTTP_BODY_LIMIT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    corsOrigins: env.CORS_ORIGINS,
    docs: { title: 'Flowlens API', description: 'Flow metrics, forecasts, work items and configuration', version: '1' },
  });
  await app.listen(env.PORT, env.HOST);
}

void main().catch((error: unknown) => {
  console.error(`metrics-api failed to start: ${(error as Error).message}`);
  process.exit(1);
});

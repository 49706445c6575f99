import 'reflect-metadata';
import { loadConfigOrExit } from '@flowlens/config';
import { createHttpApp } from '@flowlens/platform';
import { alertingEnvSchema } from './alerting.env';
import { AlertingAppModule } from './alerting-app.module';

async function main(): Promise<void> {
  const env = loadConfigOrExit(alertingEnvSchema);
  const app = await createHttpApp(AlertingAppModule.register(env), { bodyLimit: '100kb', shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  await app.listen(env.PORT, env.HOST);
}

void main().catch((error: unknown) => {
  console.error(`alerting failed to start: ${(error as Error).message}`);
  process.exit(1);
});

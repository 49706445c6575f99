import 'reflect-metadata';
import { loadConfigOrExit } from '@flowlens/config';
import { attachProjector } from '@flowlens/feature-projector';
import { createHttpApp } from '@flowlens/platform';
import { projectorEnvSchema } from './projector.env';
import { ProjectorAppModule } from './projector-app.module';

async function main(): Promise<void> {
  const env = loadConfigOrExit(projectorEnvSchema);
  const app = await createHttpApp(ProjectorAppModule.register(env), { bodyLimit: '100kb', shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  attachProjector(app, { maxBatchSize: env.PROJECTOR_MAX_BATCH });
  await app.startAllMicroservices();
  await app.listen(env.PORT, env.HOST);
}

void main().catch((error: unknown) => {
  console.error(`projector failed to start: ${(error as Error).message}`);
  process.exit(1);
});

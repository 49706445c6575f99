import 'reflect-metadata';
import { loadConfigOrExit } from '@flowlens/config';
import { webhookFastPath } from '@flowlens/feature-ingest';
import { createHttpApp } from '@flowlens/platform';
import { ingestGatewayEnvSchema } from './ingest-gateway.env';
import { IngestGatewayModule } from './ingest-gateway.module';

async function main(): Promise<void> {
  const env = loadConfigOrExit(ingestGatewayEnvSchema);
  const app = await createHttpApp(IngestGatewayModule.register(env), {
    bodyLimit: env.HTTP_BODY_LIMIT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    corsOrigins: env.CORS_ORIGINS,
    docs: { title: 'Flowlens ingest gateway', description: 'Webhook endpoints for Jira, Trello and any other tool', version: '1' },
    ahead: (app) => webhookFastPath(app, { bodyLimit: env.HTTP_BODY_LIMIT }),
  });
  await app.listen(env.PORT, env.HOST);
}

void main().catch((error: unknown) => {
  console.error(`ingest-gateway failed to start: ${(error as Error).message}`);
  process.exit(1);
});

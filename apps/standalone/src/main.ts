import 'reflect-metadata';
import { loadConfigOrExit } from '@flowlens/config';
import { attachProjector } from '@flowlens/feature-projector';
import { webhookFastPath } from '@flowlens/feature-ingest';
import { createHttpApp } from '@flowlens/platform';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { storedSecret } from './data-dir-secrets';
import { seedDemoWorkspace } from './demo-seeder';
import { standaloneEnvSchema } from './standalone.env';
import { StandaloneModule } from './standalone.module';

async function main(): Promise<void> {
  const env = loadConfigOrExit(standaloneEnvSchema);
  const admin = env.FLOWLENS_ADMIN_TOKEN ? null : storedSecret(env.FLOWLENS_DATA_DIR, 'admin-token');
  const adminToken = env.FLOWLENS_ADMIN_TOKEN ?? (admin as NonNullable<typeof admin>).value;
  const secretKey = env.FLOWLENS_SECRET_KEY ?? storedSecret(env.FLOWLENS_DATA_DIR, 'secret.key').value;

  const app = await createHttpApp(StandaloneModule.register({ env, adminToken, secretKey }), {
    bodyLimit: env.HTTP_BODY_LIMIT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    corsOrigins: env.CORS_ORIGINS,
    docs: { title: 'Flowlens', description: 'Value-stream analytics: webhooks, flow metrics, forecasts', version: '1' },
    ahead: (app) => (env.FLOWLENS_ROLES.includes('gateway') ? webhookFastPath(app, { bodyLimit: env.HTTP_BODY_LIMIT }) : null),
  });
  if (env.FLOWLENS_ROLES.includes('projector')) {
    attachProjector(app, { maxBatchSize: env.PROJECTOR_MAX_BATCH });
    await app.startAllMicroservices();
  }
  await app.listen(env.PORT, env.HOST);

  const canSeed = (['gateway', 'projector', 'api'] as const).every((role) => env.FLOWLENS_ROLES.includes(role));
  const demo = env.FLOWLENS_DEMO && canSeed ? await seedDemoWorkspace(app) : null;
  const demoKeyFile = join(resolve(env.FLOWLENS_DATA_DIR), 'demo-api-key');
  if (demo) writeFileSync(demoKeyFile, `${demo.apiKey}\n`, { mode: 0o600 });

  const port = (app.getHttpServer().address() as { port: number }).port;
  const url = `http://localhost:${port}`;
  const lines = [`Flowlens is running at ${url}  (API docs: ${url}/docs, roles: ${env.FLOWLENS_ROLES.join(', ')})`];
  if (env.FLOWLENS_ROLES.includes('api')) lines.push(`Dashboard: ${url}/  (sign in with a workspace API key)`);
  if (admin?.generated) lines.push(`Admin token (shown once; kept in ${admin.path}): ${admin.value}`);
  else if (admin) lines.push(`Admin token: in ${admin.path}`);
  if (demo) {
    lines.push(`Demo workspace seeded (${demo.deliveries} Jira deliveries). Its API key (kept in ${demoKeyFile}): ${demo.apiKey}`);
    lines.push(`  try: curl -s -H "authorization: Bearer ${demo.apiKey}" "${url}/api/v1/metrics/throughput?interval=week"`);
  } else if (env.FLOWLENS_ROLES.includes('api') && existsSync(demoKeyFile)) {
    lines.push(`Demo workspace API key (for the dashboard's sign-in): ${readFileSync(demoKeyFile, 'utf8').trim()}`);
  }
  console.log(lines.join('\n'));
}

void main().catch((error: unknown) => {
  console.error(`flowlens failed to start: ${(error as Error).message}`);
  process.exit(1);
});
